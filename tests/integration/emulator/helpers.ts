/** Shared helpers for the emulator's integration tests: plain fetch on loopback. */
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { EmulatorOptions, RunningEmulator } from '../../../src-main/emulator/server.js';

export async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...options });
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export async function token(emu: RunningEmulator): Promise<string> {
  const res = await fetch(`${emu.url}/v1/oauth`, {
    method: 'POST',
    headers: { Authorization: basic(emu.clientId, emu.clientSecret) },
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status}`);
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

export interface Api {
  token: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  get(path: string): Promise<Response>;
  json<T = unknown>(path: string): Promise<T>;
  post(path: string, body?: unknown): Promise<Response>;
  put(path: string, body: unknown): Promise<Response>;
  del(path: string): Promise<Response>;
}

export async function api(emu: RunningEmulator): Promise<Api> {
  const t = await token(emu);
  const call = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${emu.url}${path}`, { ...init, headers: { Authorization: `Bearer ${t}`, ...init.headers } });
  const withBody = (method: string) => (path: string, body?: unknown) =>
    call(path, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
  return {
    token: t,
    fetch: call,
    get: (path) => call(path),
    json: async <T>(path: string) => {
      const res = await call(path);
      if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    },
    post: withBody('POST'),
    put: withBody('PUT'),
    del: (path) => call(path, { method: 'DELETE' }),
  };
}

export async function bytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

export interface RawResult {
  status: number | undefined;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The error that ended the exchange (reset, premature close), if any. */
  error: string | undefined;
  complete: boolean;
}

/** A raw HTTP request that keeps whatever arrived, even when the connection is cut. */
export function raw(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<RawResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let resHeaders: IncomingHttpHeaders = {};
    let settled = false;
    const finish = (error: string | undefined, complete: boolean): void => {
      if (settled) return;
      settled = true;
      resolve({ status, headers: resHeaders, body: Buffer.concat(chunks), error, complete });
    };
    const req = request(url, { method, headers, agent: false }, (res) => {
      status = res.statusCode;
      resHeaders = res.headers;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish(undefined, res.complete));
      res.on('aborted', () => finish('aborted', false));
      res.on('error', (e) => finish((e as NodeJS.ErrnoException).code ?? e.message, false));
      res.on('close', () => finish(res.complete ? undefined : 'closed early', res.complete));
    });
    req.on('error', (e) => finish((e as NodeJS.ErrnoException).code ?? e.message, false));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export interface ProblemBody {
  problem: string;
  description?: string | null;
}

export async function problemOf(res: Response): Promise<ProblemBody> {
  return (await res.json()) as ProblemBody;
}
