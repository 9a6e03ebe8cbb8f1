/**
 * Which base URLs the client talks to (design.md §3): `https://` always; plain `http://` only to
 * this machine (a local emulator), since the bearer token and secret would otherwise cross the
 * network in clear text.
 */
import { isIP } from 'node:net';
import { IncydrError } from './errors.js';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/gu, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  // IPv4-mapped IPv6 loopback, e.g. ::ffff:127.0.0.1 (the URL parser writes it as ::ffff:7f00:1).
  const mapped = /^::ffff:(?:127\.\d+\.\d+\.\d+|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/u.exec(host);
  return mapped !== null;
}

/** Whether a request may go to this URL (used for the base URL and for every redirect). */
export function isAllowedUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** Parses and checks a base URL; returns it with exactly one trailing slash (got's `prefixUrl`). */
export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new IncydrError('VALIDATION', { message: `Not a valid URL: ${raw}` });
  }
  if (!isAllowedUrl(url)) {
    throw new IncydrError('VALIDATION', {
      message: `The Incydr URL must start with https:// (plain http:// is allowed only for this computer): ${raw}`,
    });
  }
  if (url.username || url.password) {
    throw new IncydrError('VALIDATION', {
      message: 'The Incydr URL must not contain a user name or password.',
    });
  }
  if (url.search || url.hash) {
    throw new IncydrError('VALIDATION', {
      message: `The Incydr URL must not have a query or fragment: ${raw}`,
    });
  }
  url.pathname = url.pathname.replace(/\/+$/u, '') + '/';
  return url.toString();
}
