/**
 * Which proxy, if any, the environment asks for (`HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`, upper or
 * lower case, as curl and the official SDK's `requests` read them). Tunnelling through the proxy
 * goes through `https-proxy-agent` (CONNECT), which keeps TLS end to end with the server.
 */
import { HttpsProxyAgent } from 'https-proxy-agent';
import { isLoopbackHost } from './base-url.js';

/** Agents that tunnel through `proxyUrl`; Incydr is always `https:`, the emulator never proxied. */
export function proxyAgents(proxyUrl: string): { https: HttpsProxyAgent<string> } {
  return { https: new HttpsProxyAgent(proxyUrl) };
}

export type Env = Record<string, string | undefined>;

function envValue(env: Env, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value && value.trim() !== '' ? value.trim() : undefined;
}

/** The proxy URL for a request to `url`, or undefined for a direct connection. */
export function proxyForUrl(url: URL, env: Env = process.env): string | undefined {
  // The local emulator is never reached through a proxy.
  if (isLoopbackHost(url.hostname)) return undefined;
  const proxy = url.protocol === 'https:' ? envValue(env, 'https_proxy') : envValue(env, 'http_proxy');
  if (!proxy) return undefined;
  return bypassesProxy(url, envValue(env, 'no_proxy') ?? '') ? undefined : proxy;
}

/** NO_PROXY: `*`, host names (matching sub-domains, with or without a leading dot), optional `:port`. */
export function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/gu, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/u)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    let entryHost = entry;
    let entryPort: string | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/u.exec(entry);
    if (bracketed) {
      entryHost = bracketed[1] ?? '';
      entryPort = bracketed[2];
    } else if (entry.split(':').length === 2) {
      // One colon: `host:port`. More colons: a bare IPv6 address without a port.
      [entryHost = '', entryPort] = entry.split(':');
    }
    entryHost = entryHost.replace(/^\*?\./u, '');
    if (entryPort && entryPort !== port) continue;
    if (host === entryHost || host.endsWith(`.${entryHost}`)) return true;
  }
  return false;
}
