/**
 * The client's HTTP rules against a scripted loopback server: auth, re-authentication, the retry
 * policy (what is retried, what never is), Retry-After, error mapping, redirects, TLS and timeouts.
 */
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncydrClient } from '../../../src-main/core/incydr/index.js';
import type { IncydrClientOptions } from '../../../src-main/core/incydr/index.js';
import { createLogger } from '../../../src-main/core/log.js';
import { CLIENT_ID, CLIENT_SECRET, json, startScriptedServer, TENANT } from './helpers/scripted-server.js';
import type { ScriptedServer } from './helpers/scripted-server.js';
import { TEST_ONLY_CERT, TEST_ONLY_KEY } from './helpers/self-signed.js';

const detail = (number: number, extra: object = {}) => ({
  number,
  name: `Case ${number}`,
  createdAt: '2024-03-05T14:02:11.482917Z',
  updatedAt: '2024-03-06T09:15:40.004512Z',
  subject: '1058374412200119088',
  subjectUsername: 'j.doe@example.com',
  status: 'OPEN',
  assignee: '942564422882759874',
  assigneeUsername: 'analyst@example.com',
  createdByUserUid: null,
  createdByUsername: null,
  lastModifiedByUserUid: null,
  lastModifiedByUsername: null,
  archivalTime: null,
  description: 'desc',
  findings: '## findings',
  ...extra,
});

let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer();
});

afterEach(async () => {
  await server.close();
});

function client(extra: Partial<IncydrClientOptions> = {}): IncydrClient {
  return new IncydrClient({
    baseUrl: server.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    retry: { baseDelayMs: 5 },
    timeoutMs: 5000,
    ...extra,
  });
}

describe('authentication', () => {
  it('posts HTTP Basic to /v1/oauth, then uses one bearer token for many calls', async () => {
    server.on('GET /v1/cases/1', (_req, res) => json(res, 200, detail(1)));
    const c = client();
    expect(await c.tenantId()).toBe(TENANT);
    await Promise.all([c.getCase(1), c.getCase(1), c.getCase(1)]);
    expect(server.count('POST /v1/oauth')).toBe(1);
    const gets = server.seen.filter((r) => r.method === 'GET');
    expect(new Set(gets.map((r) => r.authorization)).size).toBe(1);
    expect(gets[0]?.authorization).toMatch(/^Bearer ey/u);
  });

  it('shares a single token request between concurrent first calls', async () => {
    server.on('GET /v1/cases/1', (_req, res) => json(res, 200, detail(1)));
    const c = client();
    await Promise.all(Array.from({ length: 5 }, () => c.getCase(1)));
    expect(server.count('POST /v1/oauth')).toBe(1);
  });

  it('reports wrong credentials as AUTH_FAILED without retrying', async () => {
    const c = client({ clientSecret: 'wrong' });
    await expect(c.authenticate()).rejects.toMatchObject({ code: 'AUTH_FAILED', status: 401 });
    expect(server.count('POST /v1/oauth')).toBe(1);
    await expect(c.getCase(1)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('reads a 400 from the token endpoint as AUTH_FAILED too', async () => {
    server.on('POST /v1/oauth', (_req, res) => json(res, 400, { error: 'invalid_grant' }));
    await expect(client().authenticate()).rejects.toMatchObject({ code: 'AUTH_FAILED', status: 400 });
  });

  it('retries the token request on 503', async () => {
    let n = 0;
    server.on('POST /v1/oauth', (_req, res) => {
      n++;
      if (n === 1) return json(res, 503, {});
      json(res, 200, { access_token: 'eyJ.e30.x', token_type: 'bearer', expires_in: 900 });
    });
    await client().authenticate();
    expect(n).toBe(2);
  });

  it('re-authenticates once after a 401 and repeats the request', async () => {
    let n = 0;
    server.on('GET /v1/cases/1', (_req, res) => (++n === 1 ? json(res, 401, {}) : json(res, 200, detail(1))));
    const c = client();
    expect((await c.getCase(1)).number).toBe(1);
    expect(server.count('POST /v1/oauth')).toBe(2);
    const [first, second] = server.seen.filter((r) => r.method === 'GET').map((r) => r.authorization);
    expect(first).not.toBe(second);
  });

  it('gives up with AUTH_FAILED when the fresh token is refused too', async () => {
    server.on('GET /v1/cases/1', (_req, res) => json(res, 401, {}));
    await expect(client().getCase(1)).rejects.toMatchObject({ code: 'AUTH_FAILED', status: 401 });
    expect(server.count('GET /v1/cases/1')).toBe(2);
  });

  it('refreshes a short-lived token before it expires', async () => {
    await server.close();
    server = await startScriptedServer({ expiresIn: 1 });
    server.on('GET /v1/cases/1', (_req, res) => json(res, 200, detail(1)));
    const c = client();
    await c.getCase(1);
    await new Promise((r) => setTimeout(r, 850)); // past 1 s minus the 200 ms margin
    await c.getCase(1);
    expect(server.count('POST /v1/oauth')).toBe(2);
  });

  it('close() drops the token', async () => {
    server.on('GET /v1/cases/1', (_req, res) => json(res, 200, detail(1)));
    const c = client();
    await c.getCase(1);
    c.close();
    await c.getCase(1);
    expect(server.count('POST /v1/oauth')).toBe(2);
  });
});

describe('retries', () => {
  it('retries GET on 503 and 502 and succeeds', async () => {
    let n = 0;
    server.on('GET /v1/cases/2', (_req, res) => {
      n++;
      if (n === 1) return json(res, 503, {});
      if (n === 2) return json(res, 502, {});
      json(res, 200, detail(2));
    });
    expect((await client().getCase(2)).number).toBe(2);
    expect(n).toBe(3);
  });

  it('stops after the limit with SERVER_ERROR', async () => {
    server.on('GET /v1/cases/2', (_req, res) => json(res, 500, { oops: true }));
    await expect(client({ retry: { limit: 2, baseDelayMs: 1 } }).getCase(2)).rejects.toMatchObject({
      code: 'SERVER_ERROR',
      status: 500,
    });
    expect(server.count('GET /v1/cases/2')).toBe(3);
  });

  it('waits for Retry-After (seconds) before retrying a 429', async () => {
    let firstAt = 0;
    let secondAt = 0;
    server.on('GET /v1/cases/3', (_req, res) => {
      if (firstAt === 0) {
        firstAt = Date.now();
        return json(res, 429, {}, { 'retry-after': '1' });
      }
      secondAt = Date.now();
      json(res, 200, detail(3));
    });
    await client().getCase(3);
    expect(secondAt - firstAt).toBeGreaterThanOrEqual(950);
  });

  it('accepts Retry-After as an HTTP date', async () => {
    let n = 0;
    server.on('GET /v1/cases/3', (_req, res) => {
      if (++n === 1) return json(res, 503, {}, { 'retry-after': new Date(Date.now() - 1000).toUTCString() });
      json(res, 200, detail(3));
    });
    await client().getCase(3);
    expect(n).toBe(2);
  });

  it('does not wait longer than maxRetryAfterMs: returns RATE_LIMITED instead', async () => {
    server.on('GET /v1/cases/3', (_req, res) => json(res, 429, {}, { 'retry-after': '120' }));
    const started = Date.now();
    await expect(client({ retry: { maxRetryAfterMs: 1000 } }).getCase(3)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.count('GET /v1/cases/3')).toBe(1);
  });

  it('retries PUT and DELETE on a reset connection', async () => {
    let puts = 0;
    let deletes = 0;
    server.on('GET /v1/cases/4', (_req, res) => json(res, 200, detail(4)));
    server.on('PUT /v1/cases/4', (req, res, body) => {
      if (++puts === 1) return req.socket.destroy();
      json(res, 200, { ...detail(4), ...(JSON.parse(body) as object) });
    });
    server.on('DELETE /v1/cases/4', (req, res) => {
      if (++deletes === 1) return req.socket.destroy();
      res.writeHead(204).end();
    });
    const c = client();
    expect((await c.updateCase(4, { name: 'renamed' })).name).toBe('renamed');
    await c.deleteCase(4);
    expect([puts, deletes]).toEqual([2, 2]);
  });

  it('never repeats a POST that may have reached the server (5xx, reset, timeout)', async () => {
    server.on('POST /v1/cases', (_req, res) => json(res, 500, {}));
    server.on('POST /v1/cases/5/fileevent', (req) => req.socket.destroy());
    server.on('POST /v1/cases/5/fileevent/e1', () => undefined); // never answers
    const c = client({ timeoutMs: 300 });
    await expect(c.createCase({ name: 'x' })).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    const reset = await c.addFileEvents(5, ['e1', 'e2']).catch((e: unknown) => e);
    expect(reset).toMatchObject({ code: 'NETWORK' });
    // got's own errors carry the request headers; ours must not (they get logged and sent over IPC).
    expect(inspect(reset, { depth: 20 })).not.toMatch(/Bearer|eyJ/u);
    await expect(c.addFileEvent(5, 'e1')).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(server.count('POST /v1/cases')).toBe(1);
    expect(server.count('POST /v1/cases/5/fileevent')).toBe(1);
    expect(server.count('POST /v1/cases/5/fileevent/e1')).toBe(1);
  });

  it('repeats a POST refused with 429 (the server did nothing)', async () => {
    let n = 0;
    server.on('POST /v1/cases', (_req, res, body) => {
      if (++n === 1) return json(res, 429, {}, { 'retry-after': '0' });
      json(res, 200, detail(9, JSON.parse(body) as object));
    });
    expect((await client().createCase({ name: 'made' })).name).toBe('made');
    expect(n).toBe(2);
  });

  it('repeats a POST whose connection was refused (never sent)', async () => {
    server.on('POST /v1/cases', (_req, res, body) => json(res, 200, detail(9, JSON.parse(body) as object)));
    const c = client({ retry: { baseDelayMs: 150 } });
    await c.authenticate();
    const port = server.port;
    await server.close(); // nothing listens now: ECONNREFUSED
    // Let the client notice its pooled keep-alive socket was closed (a reused socket that resets is
    // ambiguous, so a POST on it is rightly not retried).
    await new Promise((r) => setTimeout(r, 30));
    const restarted = new Promise<ScriptedServer>((resolve) =>
      setTimeout(() => {
        void startScriptedServer({ port }).then((s) => {
          s.on('POST /v1/cases', (_req, res, body) => json(res, 200, detail(9, JSON.parse(body) as object)));
          resolve(s);
        });
      }, 40),
    );
    const created = await c.createCase({ name: 'after refusal' });
    server = await restarted;
    expect(created.name).toBe('after refusal');
    expect(server.count('POST /v1/cases')).toBe(1);
  });

  it('maps a refused connection to NETWORK and a silent server to TIMEOUT', async () => {
    server.on('GET /v1/cases/6', () => undefined);
    await expect(
      client({ timeoutMs: 200, retry: { limit: 1, baseDelayMs: 1 } }).getCase(6),
    ).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(server.count('GET /v1/cases/6')).toBe(2);
    const port = server.port;
    await server.close();
    const c = new IncydrClient({
      baseUrl: `http://127.0.0.1:${port}`,
      clientId: 'a',
      clientSecret: 'b',
      retry: { limit: 1, baseDelayMs: 1 },
    });
    await expect(c.authenticate()).rejects.toMatchObject({ code: 'NETWORK' });
    server = await startScriptedServer();
  });
});

describe('answers', () => {
  it('maps problem bodies, 403, 404 and odd bodies to stable codes', async () => {
    server.on('POST /v1/cases', (_req, res) => json(res, 400, { problem: 'NAME_EXISTS', description: null }));
    server.on('PUT /v1/cases/7', (_req, res) =>
      json(res, 400, { timestamp: 'x', status: 400, error: 'Bad Request', message: 'NO_EDITS_ONCE_CLOSED' }),
    );
    server.on('GET /v1/cases/7', (_req, res) => json(res, 200, detail(7)));
    server.on('GET /v1/cases/8', (_req, res) => json(res, 404, {}));
    server.on('DELETE /v1/cases/7', (_req, res) => json(res, 403, { problem: 'USER_VALIDATION_FORBIDDEN' }));
    server.on('DELETE /v1/cases/8', (_req, res) => {
      res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Forbidden</h1>');
    });
    const c = client();
    await expect(c.createCase({ name: 'dup' })).rejects.toMatchObject({
      code: 'NAME_EXISTS',
      status: 400,
      problem: 'NAME_EXISTS',
      description: null,
    });
    await expect(c.updateCase(7, { findings: 'x' })).rejects.toMatchObject({ code: 'NO_EDITS_ONCE_CLOSED' });
    await expect(c.getCase(8)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(c.deleteCase(7)).rejects.toMatchObject({ code: 'USER_VALIDATION_FORBIDDEN', status: 403 });
    await expect(c.deleteCase(8)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('accepts any 2xx, with or without a body', async () => {
    server.on('DELETE /v1/cases/1', (_req, res) => json(res, 200, { deleted: true }));
    server.on('DELETE /v1/cases/2', (_req, res) => res.writeHead(204).end());
    server.on('POST /v1/cases/1/fileevent', (_req, res) => res.writeHead(202).end());
    const c = client();
    await c.deleteCase(1);
    await c.deleteCase(2);
    await c.addFileEvents(1, ['a']);
  });

  it('reports a 2xx that is not JSON as BAD_RESPONSE', async () => {
    server.on('GET /v1/cases/1', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'),
    );
    await expect(client().getCase(1)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('refuses to follow a redirect to plain http on another host', async () => {
    server.on('GET /v1/cases/1', (_req, res) =>
      res.writeHead(302, { location: 'http://example.com/steal' }).end(),
    );
    await expect(client().getCase(1)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('requests as sent', () => {
  it('createCase sends all five keys, null for absent ones', async () => {
    server.on('POST /v1/cases', (_req, res, body) => json(res, 200, detail(10, JSON.parse(body) as object)));
    await client().createCase({ name: 'n', subject: 's' });
    expect(JSON.parse(server.seen.at(-1)?.body ?? '')).toEqual({
      name: 'n',
      description: null,
      findings: null,
      subject: 's',
      assignee: null,
    });
  });

  it('updateCase reads the detail and PUTs all six keys; null clears, undefined keeps', async () => {
    server.on('GET /v1/cases/11', (_req, res) => json(res, 200, detail(11)));
    server.on('PUT /v1/cases/11', (_req, res, body) =>
      json(res, 200, detail(11, JSON.parse(body) as object)),
    );
    const updated = await client().updateCase(11, { assignee: null, findings: undefined, status: 'CLOSED' });
    const puts = server.seen.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(JSON.parse(puts[0]?.body ?? '')).toEqual({
      name: 'Case 11',
      description: 'desc',
      findings: '## findings',
      subject: '1058374412200119088',
      assignee: null,
      status: 'CLOSED',
    });
    expect(updated.status).toBe('CLOSED');
    expect(server.seen.map((r) => r.method).filter((m) => m !== 'POST')).toEqual(['GET', 'PUT']);
  });

  it('replaceCase PUTs exactly what it is given', async () => {
    server.on('PUT /v1/cases/12', (_req, res, body) =>
      json(res, 200, detail(12, JSON.parse(body) as object)),
    );
    const body = {
      name: 'n',
      description: null,
      findings: null,
      subject: null,
      assignee: null,
      status: 'OPEN' as const,
    };
    await client().replaceCase(12, body);
    expect(JSON.parse(server.seen.at(-1)?.body ?? '')).toEqual(body);
    expect(server.count('GET /v1/cases/12')).toBe(0);
  });

  it('serialises list queries as the API reads them', async () => {
    server.on('GET /v1/cases', (_req, res) => json(res, 200, { cases: [], totalCount: 0 }));
    await client().getPage({
      status: ['OPEN', 'ARCHIVED'],
      isAssigned: false,
      createdAt: { start: '2022-08-09T00:00:00.000000Z', end: new Date(Date.UTC(2022, 7, 11)) },
      pgNum: 3,
      pgSize: 25,
      srtKey: ['updatedAt'],
      srtDir: ['desc'],
    });
    expect(server.seen.at(-1)?.url).toBe(
      '/v1/cases?status=OPEN&status=ARCHIVED&isAssigned=false' +
        '&createdAt=2022-08-09T00%3A00%3A00.000Z%2F2022-08-11T00%3A00%3A00.000Z&pgNum=3&pgSize=25&srtKey=updatedAt&srtDir=desc',
    );
  });

  it('encodes IDs as one path segment and rejects bad case numbers locally', async () => {
    server.on('GET /v1/users/a%2F..%2Fb', (_req, res) => json(res, 200, { userId: 'x', username: 'u' }));
    const c = client();
    expect((await c.getUser('a/../b')).userId).toBe('x');
    await expect(c.getCase(0)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(c.getCase(1.5)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(c.removeFileEvent(1, ' ')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('rejects a plain-http base URL that is not this machine', () => {
    expect(
      () => new IncydrClient({ baseUrl: 'http://api.us.code42.com', clientId: 'a', clientSecret: 'b' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('logs method, path, status and duration, never the token or secret', async () => {
    server.on('GET /v1/cases/1', (_req, res) => json(res, 200, detail(1)));
    const lines: string[] = [];
    const c = client({ logger: createLogger({ level: 'debug', write: (l) => lines.push(l) }) });
    await c.getCase(1);
    const text = lines.join('\n');
    expect(text).toMatch(/GET \/v1\/cases\/1 status=200 ms=\d+/u);
    expect(text).toMatch(/POST \/v1\/oauth status=200/u);
    expect(text).not.toContain(CLIENT_SECRET);
    expect(text).not.toMatch(/eyJ/u);
    expect(text.toLowerCase()).not.toContain('bearer ');
  });
});

describe('TLS', () => {
  it('refuses an untrusted certificate with code TLS', async () => {
    const tls = createHttpsServer({ key: TEST_ONLY_KEY, cert: TEST_ONLY_CERT }, (_req, res) =>
      json(res, 200, {}),
    );
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const port = (tls.address() as AddressInfo).port;
    try {
      const c = new IncydrClient({
        baseUrl: `https://127.0.0.1:${port}`,
        clientId: 'a',
        clientSecret: 'b',
        retry: { limit: 0 },
      });
      await expect(c.authenticate()).rejects.toMatchObject({ code: 'TLS' });
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});
