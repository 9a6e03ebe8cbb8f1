/**
 * Adding a profile tests it first against real endpoints: each way /v1/oauth can fail gets its own
 * sentence naming the host, and nothing is saved.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { incydrClientFactory } from '../../../src-main/core/credentials/connection-test.js';
import { ProfileService } from '../../../src-main/core/credentials/profile-service.js';
import { FileProfileStore } from '../../../src-main/core/credentials/profile-store.js';
import { SessionSecretStore } from '../../../src-main/core/credentials/secret-store.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { TEST_ONLY_CERT, TEST_ONLY_KEY } from '../client/helpers/self-signed.js';
import { allFiles } from './helpers.js';

const SECRET = 'C0nnection-test-secret-81c4';
const savedProxyEnv = { HTTPS_PROXY: process.env['HTTPS_PROXY'], NO_PROXY: process.env['NO_PROXY'] };

let emu: RunningEmulator;
let dataDir: string;
let keychain: SessionSecretStore;
let service: ProfileService;
const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  emu = await startEmulator({ cases: 3, seed: 5, clientId: 'key-conn', clientSecret: SECRET });
  delete process.env['HTTPS_PROXY'];
  delete process.env['NO_PROXY'];
});
afterAll(async () => {
  await emu.close();
  for (const [key, value] of Object.entries(savedProxyEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  delete process.env['HTTPS_PROXY'];
  await rm(dataDir, { recursive: true, force: true });
});

async function addFails(baseUrl: string, secret = SECRET): Promise<{ code: string; message: string }> {
  dataDir = await mkdtemp(join(tmpdir(), 'case-desk-conn-'));
  keychain = new SessionSecretStore();
  service = new ProfileService({
    store: new FileProfileStore(dataDir),
    keychain,
    clients: incydrClientFactory({ timeoutMs: 400, retry: { limit: 0 } }),
  });
  const error = (await service
    .add({ label: 'Work', baseUrl, clientId: 'key-conn', secret })
    .then(() => new Error('saved'))
    .catch((e: unknown) => e)) as { code: string; message: string };
  // Nothing saved: no file, no secret.
  expect(await allFiles(dataDir)).toEqual([]);
  expect((await service.list()).map((p) => p.kind)).toEqual(['demo']);
  expect(error.message).not.toContain(SECRET);
  return error;
}

describe('the connection test on add', () => {
  it('passes with the right credentials', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'case-desk-conn-'));
    service = new ProfileService({
      store: new FileProfileStore(dataDir),
      keychain: new SessionSecretStore(),
    });
    const before = emu.stats.tokensIssued;
    const view = await service.add({ label: 'Work', baseUrl: emu.url, clientId: 'key-conn', secret: SECRET });
    expect(emu.stats.tokensIssued).toBe(before + 1);
    expect(await service.test(view.profileId)).toEqual({
      profileId: view.profileId,
      tenantId: emu.tenantUid,
    });
  });

  it('wrong ID or secret: AUTH_FAILED', async () => {
    const error = await addFails(emu.url, 'Wr0ng-secret-1111');
    expect(error).toMatchObject({ code: 'AUTH_FAILED' });
    expect(error.message).toBe(
      `${new URL(emu.url).host} refused the API client ID or secret. Check both, and that the API client is still active in the Incydr console.`,
    );
  });

  it('unknown host: HOST_NOT_FOUND', async () => {
    const error = await addFails('https://incydr.invalid');
    expect(error).toMatchObject({ code: 'HOST_NOT_FOUND' });
    expect(error.message).toMatch(
      /^The address incydr\.invalid could not be found\. Check the region or URL/u,
    );
  });

  it('untrusted certificate: TLS, without offering to turn checks off', async () => {
    const host = await listen(
      createHttpsServer({ key: TEST_ONLY_KEY, cert: TEST_ONLY_CERT }, (_req, res) => res.end('{}')),
    );
    const error = await addFails(`https://${host}`);
    expect(error).toMatchObject({ code: 'TLS' });
    expect(error.message).toMatch(
      /^The secure connection to 127\.0\.0\.1:\d+ failed: its certificate is not trusted/u,
    );
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS');
    expect(error.message).not.toMatch(/disable|turn off|ignore/iu);
  });

  it('refusing proxy: PROXY', async () => {
    const proxy = createServer();
    proxy.on('connect', (_req, socket) => {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
    });
    process.env['HTTPS_PROXY'] = `http://${await listen(proxy)}`;
    const error = await addFails('https://api.us.code42.com');
    expect(error).toMatchObject({ code: 'PROXY' });
    expect(error.message).toMatch(
      /^The proxy refused the connection to api\.us\.code42\.com\. Check HTTPS_PROXY/u,
    );
  });

  it('no answer: TIMEOUT', async () => {
    const host = await listen(createServer(() => undefined)); // accepts, never answers
    const error = await addFails(`http://${host}`);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(error.message).toMatch(/^127\.0\.0\.1:\d+ did not answer in time\./u);
  });

  it('nothing listening: NETWORK', async () => {
    const host = await listen(createServer());
    const closing = servers.pop() as Server;
    await new Promise((resolve) => closing.close(resolve));
    const error = await addFails(`http://${host}`);
    expect(error).toMatchObject({ code: 'NETWORK' });
    expect(error.message).toMatch(/^Could not connect to 127\.0\.0\.1:\d+\./u);
  });
});
