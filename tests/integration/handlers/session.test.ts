/** `session.*` through dispatch: the demo workspace, connecting to a tenant, disconnecting. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { createRig } from './helpers.js';
import type { Rig } from './helpers.js';

const DISCONNECTED = {
  connected: false,
  kind: null,
  label: null,
  baseUrl: null,
  clientId: null,
  tenantId: null,
  profileId: null,
  region: null,
};

let tenant: RunningEmulator;
beforeAll(async () => {
  tenant = await startEmulator({
    cases: 12,
    seed: 7,
    clientId: 'key-tenant-1',
    clientSecret: 'tenant-secret-1',
  });
});
afterAll(async () => {
  await tenant.close();
});

let rig: Rig;
afterEach(async () => {
  await rig.close();
});

/** Whether anything still answers HTTP at this URL. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/v1/cases`);
    return true;
  } catch {
    return false;
  }
}

describe('before connecting', () => {
  it('says so, and every API channel fails with NOT_CONNECTED', async () => {
    rig = await createRig();
    expect(await rig.ok('session.get')).toEqual(DISCONNECTED);
    for (const [channel, input] of [
      ['cases.page', {}],
      ['cases.get', { number: 1 }],
      ['events.page', { number: 1 }],
      ['users.list', {}],
      ['actors.get', { actorId: '1' }],
    ] as const) {
      const error = await rig.fail(channel, input);
      expect(error).toEqual({ code: 'NOT_CONNECTED', message: 'Not connected to an Incydr tenant.' });
    }
    expect(await rig.ok('session.disconnect')).toEqual(DISCONNECTED);
    expect(rig.eventsOf('session.changed')).toEqual([]);
  });
});

describe('the demo workspace', () => {
  it('starts the seeded emulator in-process, connects to it and announces the change', async () => {
    rig = await createRig({ session: { demo: { cases: 240 } } });
    const info = await rig.ok('session.openDemo');
    const emulator = rig.emulator();
    expect(info).toEqual({
      connected: true,
      kind: 'demo',
      label: 'Demo workspace',
      baseUrl: emulator.url,
      clientId: emulator.clientId,
      tenantId: emulator.tenantUid,
      profileId: 'demo',
      region: null,
    });
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect(rig.eventsOf('session.changed')).toEqual([info]);
    expect(await rig.ok('session.get')).toEqual(info);
    // The seeded demo tenant: 240 cases, paged by the server.
    const page = await rig.ok('cases.page', { pgSize: 25 });
    expect(page.totalCount).toBe(240);
    expect(page.cases).toHaveLength(25);

    // Opening it again keeps the same workspace (no second emulator, no event).
    expect(await rig.ok('session.openDemo')).toEqual(info);
    expect(rig.eventsOf('session.changed')).toHaveLength(1);

    // Disconnecting stops the emulator and forgets the client.
    expect(await rig.ok('session.disconnect')).toEqual(DISCONNECTED);
    expect(rig.eventsOf('session.changed')).toEqual([info, DISCONNECTED]);
    expect(await answers(emulator.url)).toBe(false);
    expect((await rig.fail('cases.page', {})).code).toBe('NOT_CONNECTED');
  });

  it('is the same tenant every time (fixed seed)', async () => {
    rig = await createRig();
    await rig.ok('session.openDemo');
    const first = await rig.ok('cases.page', { srtKey: ['number'], pgSize: 5 });
    await rig.ok('session.disconnect');
    await rig.ok('session.openDemo');
    const second = await rig.ok('cases.page', { srtKey: ['number'], pgSize: 5 });
    expect(second.cases.map((c) => c.name)).toEqual(first.cases.map((c) => c.name));
  });
});

describe('connecting to a tenant', () => {
  it('authenticates at once, replaces the demo workspace and never reports the secret', async () => {
    rig = await createRig({ openDemo: true });
    const demoUrl = rig.emulator().url;
    const info = await rig.ok('session.connect', {
      baseUrl: `${tenant.url}/`,
      clientId: ' key-tenant-1 ',
      clientSecret: 'tenant-secret-1',
    });
    expect(info).toEqual({
      connected: true,
      kind: 'tenant',
      label: `127.0.0.1:${tenant.port}`,
      baseUrl: tenant.url,
      clientId: 'key-tenant-1',
      tenantId: tenant.tenantUid,
      profileId: null,
      region: null,
    });
    expect(JSON.stringify(info)).not.toContain('tenant-secret-1');
    expect(rig.eventsOf('session.changed').at(-1)).toEqual(info);
    expect(await answers(demoUrl)).toBe(false); // the demo emulator was stopped
    expect((await rig.ok('cases.page', {})).totalCount).toBe(12);
  });

  it('fails with AUTH_FAILED for a wrong secret and keeps the current session', async () => {
    rig = await createRig({ openDemo: true });
    const before = await rig.ok('session.get');
    const error = await rig.fail('session.connect', {
      baseUrl: tenant.url,
      clientId: 'key-tenant-1',
      clientSecret: 'wrong-secret',
    });
    expect(error).toEqual({ code: 'AUTH_FAILED', message: 'Incydr refused the API client ID or secret.' });
    expect(await rig.ok('session.get')).toEqual(before);
    expect(rig.eventsOf('session.changed')).toHaveLength(1);
    expect((await rig.ok('cases.page', {})).totalCount).toBe(24);
  });

  it('refuses plain http:// to another computer before sending anything (VALIDATION on baseUrl)', async () => {
    rig = await createRig();
    const received = tenant.stats.tokensIssued;
    const error = await rig.fail('session.connect', {
      baseUrl: 'http://incydr.example.com',
      clientId: 'key-tenant-1',
      clientSecret: 'tenant-secret-1',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/must start with https:\/\//u);
    expect(error.details).toEqual([{ path: ['baseUrl'], message: error.message }]);
    expect(tenant.stats.tokensIssued).toBe(received);
    expect(await rig.ok('session.get')).toEqual(DISCONNECTED);
  });

  it('fails with a network code when nothing listens at the URL', async () => {
    rig = await createRig();
    const closed = await startEmulator({ cases: 0 });
    await closed.close();
    const error = await rig.fail('session.connect', {
      baseUrl: closed.url,
      clientId: 'key-x',
      clientSecret: 'secret-x',
    });
    expect(error.code).toBe('NETWORK');
    expect(await rig.ok('session.get')).toEqual(DISCONNECTED);
  });
});
