/**
 * A tiny loopback HTTP server whose answers each test scripts: for the transport behaviours (retries,
 * re-authentication, resets, redirects, timeouts) that must be exact and deterministic, which the
 * emulator's random faults cannot promise.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface ScriptedServer {
  url: string;
  port: number;
  seen: SeenRequest[];
  /** Requests seen for `METHOD /path` (query ignored). */
  count(route: string): number;
  /** Replaces the answer for `METHOD /path`; the default is 404. */
  on(route: string, handler: Handler): void;
  close(): Promise<void>;
}

export const TENANT = '3f7e2c1a-0000-4000-8000-00000000c0de';
export const CLIENT_ID = 'key-test';
export const CLIENT_SECRET = 'test-secret-value';

/** A JWT-shaped token with a `tenantUid` claim. */
export function fakeJwt(n: number): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ tenantUid: TENANT, n })}.sig`;
}

export function json(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** Starts a server with a working `POST /v1/oauth` (tokens t1, t2, …; 900 s unless told). */
export async function startScriptedServer(
  options: { expiresIn?: number; port?: number } = {},
): Promise<ScriptedServer> {
  const routes = new Map<string, Handler>();
  const seen: SeenRequest[] = [];
  let tokens = 0;
  routes.set('POST /v1/oauth', (req, res) => {
    const expected = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return json(res, 401, { error: 'invalid_client' });
    tokens++;
    json(res, 200, {
      access_token: fakeJwt(tokens),
      token_type: 'bearer',
      expires_in: options.expiresIn ?? 900,
    });
  });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      seen.push({ method: req.method ?? '', url, authorization: req.headers.authorization, body });
      const route = `${req.method} ${url.split('?')[0]}`;
      const handler = routes.get(route);
      if (handler) handler(req, res, body);
      else json(res, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    count: (route) => seen.filter((r) => `${r.method} ${r.url.split('?')[0]}` === route).length,
    on: (route, handler) => void routes.set(route, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
