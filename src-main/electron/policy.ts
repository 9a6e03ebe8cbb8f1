/**
 * The security decisions of the shell (design.md §6) as pure functions, so tests (and the browser
 * harness) can check them without Electron. security.ts, protocol.ts and window.ts apply them.
 */
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { WebPreferences } from 'electron';
import { externalHttpsUrl } from '../../src-shared/urls.js';

/** The UI is served from this custom protocol, never from http(s) or file:. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'case-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for any URL on the app's own origin (`app://case-desk/...`). */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The normalised URL when a link may leave the app (the rule lives in src-shared/urls.ts), or null. */
export function parseExternalUrl(url: string): string | null {
  return externalHttpsUrl(url);
}

export function isAllowedExternalUrl(url: string): boolean {
  return parseExternalUrl(url) !== null;
}

/**
 * Strict CSP: only the app's own scripts, styles and connections; no eval, no inline script or
 * style, no plugins, frames, forms or `<base>`. Svelte's compiled CSS is a file, and it sets styles
 * through the CSSOM, which CSP does not restrict.
 */
export function buildCsp(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Headers on every response of the app protocol (webRequest does not see custom protocols). */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': buildCsp(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** Every window's web preferences: each item is required by design.md §6. */
export function webPreferencesFor(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/**
 * Maps an app-protocol URL to a file under the built renderer folder, or null: another host, a
 * malformed escape, a backslash or NUL, or any path that resolves outside `rootDir` (`..`, `%2e%2e`).
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || !isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\\') || path.includes('\0')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const full = join(rootDir, path);
  const inside = relative(rootDir, full);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return full;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
