/**
 * The `app://case-desk/` protocol: serves the built renderer folder and nothing else, with the CSP
 * on every response. A standard, secure scheme gives the page a real origin (`'self'` in the CSP
 * means the app, not every file on disk as it would under `file:`).
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, contentTypeFor, resolveAppPath, securityHeaders } from './policy.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers app-protocol requests from `rendererDir`; anything else is a 404 without a body. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return refuse(405);
    const path = resolveAppPath(rendererDir, request.url);
    if (!path) return refuse(404);
    try {
      const body = await readFile(path);
      return new Response(body, { status: 200, headers: securityHeaders(contentTypeFor(path)) });
    } catch {
      return refuse(404);
    }
  });
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}
