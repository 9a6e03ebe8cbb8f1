/**
 * `profiles.*` through dispatch, against two emulated tenants with different data: adding (tested
 * first), listing, testing, renaming, replacing a secret, switching (the old client is dropped: the
 * next request reaches the new tenant), opening the last used profile on start, removing, and the
 * session-only path without a keychain. Every result, event and log line is searched for the secrets
 * and the bearer tokens a recording proxy saw on the wire.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src-shared/ipc/contract.js';
import { KEYCHAIN_SENTENCES } from '../../../src-main/core/credentials/keychain-reasons.js';
import { SessionSecretStore } from '../../../src-main/core/credentials/secret-store.js';
import { openLastProfile } from '../../../src-main/core/handlers/index.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { UnavailableKeychain } from '../../harness/unavailable-keychain.js';
import { credentialsSeen, recordingProxy } from '../credentials/helpers.js';
import type { RecordingProxy } from '../credentials/helpers.js';
import { createRig, tempFolder } from './helpers.js';
import type { Rig } from './helpers.js';

const A = { clientId: 'key-profile-a', secret: 'Pr0file-A-secret-5c1e9a' };
const B = { clientId: 'key-profile-b', secret: 'Pr0file-B-secret-0d7b42' };
const WRONG = 'Wr0ng-profile-secret-8e2f11';

let emuA: RunningEmulator;
let emuB: RunningEmulator;
let proxyA: RecordingProxy;
let proxyB: RecordingProxy;
let folder: string;
let removeFolder: () => Promise<void>;
const rigs: Rig[] = [];

beforeAll(async () => {
  emuA = await startEmulator({ cases: 9, seed: 303, clientId: A.clientId, clientSecret: A.secret });
  emuB = await startEmulator({ cases: 14, seed: 404, clientId: B.clientId, clientSecret: B.secret });
  proxyA = await recordingProxy(emuA.url);
  proxyB = await recordingProxy(emuB.url);
});

afterAll(async () => {
  await proxyA.close();
  await proxyB.close();
  await emuA.close();
  await emuB.close();
});

afterEach(async () => {
  for (const rig of rigs.splice(0)) await rig.close();
  await removeFolder?.();
});

async function newRig(options: Parameters<typeof createRig>[0] = {}): Promise<Rig> {
  const rig = await createRig(options);
  rigs.push(rig);
  return rig;
}

async function freshFolder(): Promise<string> {
  ({ folder, remove: removeFolder } = await tempFolder('profiles'));
  return folder;
}

/** Whether anything still answers HTTP at this URL. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/v1/cases`);
    return true;
  } catch {
    return false;
  }
}

function addA(rig: Rig, extra: object = {}) {
  return rig.ok('profiles.add', {
    label: 'Tenant A',
    baseUrl: proxyA.url,
    clientId: A.clientId,
    secret: A.secret,
    ...extra,
  });
}

function addB(rig: Rig, extra: object = {}) {
  return rig.ok('profiles.add', {
    label: 'Tenant B',
    baseUrl: proxyB.url,
    clientId: B.clientId,
    secret: B.secret,
    ...extra,
  });
}

async function caseNames(rig: Rig): Promise<string[]> {
  const page = await rig.ok('cases.page', { pgSize: 100 });
  return page.cases.map((c) => c.name);
}

function allCaseNames(emu: RunningEmulator): string[] {
  return emu.caseNumbers().map((n) => emu.getCase(n)?.name ?? '');
}

/** Every result, event and log line of the rig must be free of secrets and of every bearer token. */
function expectNoCredentials(rig: Rig, secrets: string[]): void {
  const { bearers, basics } = credentialsSeen([...proxyA.seen, ...proxyB.seen]);
  expect(bearers.length).toBeGreaterThan(0); // the wire did carry tokens, so there is something to find
  const texts = {
    results: JSON.stringify(rig.results),
    events: JSON.stringify(rig.events),
    log: rig.logLines.join('\n'),
  };
  for (const [where, text] of Object.entries(texts)) {
    for (const value of [...secrets, ...bearers, ...basics]) {
      expect(text.includes(value), `${where} contains a credential`).toBe(false);
    }
    expect(text, where).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./u);
  }
}

describe('profiles with a working keychain', () => {
  it('lists the demo workspace first, before anything is added', async () => {
    const rig = await newRig({ dataDir: await freshFolder() });
    expect(await rig.ok('profiles.list')).toEqual({
      profiles: [expect.objectContaining({ kind: 'demo', profileId: 'demo', label: 'Demo workspace' })],
      selectedId: null,
      keychain: { available: true },
    });
  });

  it('tests a new profile first: a refused secret saves nothing and says why', async () => {
    const rig = await newRig({ dataDir: await freshFolder() });
    const error = await rig.fail('profiles.add', {
      label: 'Tenant A',
      baseUrl: proxyA.url,
      clientId: A.clientId,
      secret: WRONG,
    });
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('refused the API client ID or secret');
    expect((await rig.ok('profiles.list')).profiles).toHaveLength(1);

    // A host nothing listens on: its own sentence, naming the host.
    const closed = await rig.fail('profiles.add', {
      label: 'Nowhere',
      baseUrl: 'http://127.0.0.1:9',
      clientId: A.clientId,
      secret: A.secret,
    });
    expect(closed.code).toBe('NETWORK');
    expect(closed.message).toContain('127.0.0.1:9');
    // A plain-http URL to another computer is refused before any connection is tried.
    const plain = await rig.fail('profiles.add', {
      label: 'Plain',
      baseUrl: 'http://incydr.example.com',
      clientId: A.clientId,
      secret: A.secret,
    });
    expect(plain.code).toBe('VALIDATION');
    expect(plain.message).toContain('https://');
  });

  it('adds, switches between tenants and the demo, renames, re-keys, tests and removes', async () => {
    const keychain = new SessionSecretStore(); // stands in for the OS keychain
    const rig = await newRig({ dataDir: await freshFolder(), keychain });

    const a = await addA(rig);
    expect(a).toMatchObject({
      kind: 'tenant',
      label: 'Tenant A',
      region: null,
      baseUrl: proxyA.url,
      clientId: A.clientId,
      hasSecret: true,
      sessionOnly: false,
      selected: true, // the first profile added opens on start
    });
    expect(await keychain.get(a.profileId)).toBe(A.secret);
    const b = await addB(rig);
    const list = await rig.ok('profiles.list');
    expect(list.profiles.map((p) => p.label)).toEqual(['Demo workspace', 'Tenant A', 'Tenant B']);
    expect(list.selectedId).toBe(a.profileId);

    // Demo first.
    const demo = await rig.ok('profiles.switch', { profileId: 'demo' });
    expect(demo).toMatchObject({ connected: true, kind: 'demo', profileId: 'demo', label: 'Demo workspace' });
    const demoUrl = rig.emulator().url;
    const demoNames = await caseNames(rig);

    // To A: the demo emulator stops, the session says so before A opens, A's cases come back.
    rig.events.length = 0;
    const infoA = await rig.ok('profiles.switch', { profileId: a.profileId });
    expect(infoA).toEqual({
      connected: true,
      kind: 'tenant',
      label: 'Tenant A',
      baseUrl: proxyA.url,
      clientId: A.clientId,
      tenantId: emuA.tenantUid,
      profileId: a.profileId,
      region: null,
    });
    expect(rig.eventsOf('session.changed').map((i) => [i.connected, i.profileId])).toEqual([
      [false, null],
      [true, a.profileId],
    ]);
    expect(await answers(demoUrl)).toBe(false);
    const namesA = await caseNames(rig);
    expect(namesA.sort()).toEqual(allCaseNames(emuA).sort());
    expect(namesA.some((name) => demoNames.includes(name))).toBe(false);

    // To B: the next request reaches B, and A hears nothing more.
    const seenByA = proxyA.seen.length;
    const infoB = await rig.ok('profiles.switch', { profileId: b.profileId });
    expect(infoB).toMatchObject({ profileId: b.profileId, label: 'Tenant B', tenantId: emuB.tenantUid });
    const namesB = await caseNames(rig);
    expect(namesB.sort()).toEqual(allCaseNames(emuB).sort());
    expect(namesB.some((name) => namesA.includes(name))).toBe(false);
    expect(proxyA.seen.length).toBe(seenByA);
    expect((await rig.ok('profiles.list')).selectedId).toBe(b.profileId);
    const used = (await rig.ok('profiles.list')).profiles.find((p) => p.profileId === b.profileId);
    expect(used?.lastUsedAt).toEqual(expect.any(String));

    // Switching to the open profile changes nothing.
    rig.events.length = 0;
    expect(await rig.ok('profiles.switch', { profileId: b.profileId })).toEqual(infoB);
    expect(rig.eventsOf('session.changed')).toEqual([]);

    // Renaming the open profile relabels the session without reconnecting.
    const renamed = await rig.ok('profiles.update', { profileId: b.profileId, label: 'Tenant B (lab)' });
    expect(renamed.label).toBe('Tenant B (lab)');
    expect(rig.eventsOf('session.changed')).toEqual([{ ...infoB, label: 'Tenant B (lab)' }]);

    // A wrong new secret is refused and the saved one stays; the right one reconnects with it.
    const refused = await rig.fail('profiles.update', { profileId: b.profileId, secret: WRONG });
    expect(refused.code).toBe('AUTH_FAILED');
    expect(await keychain.get(b.profileId)).toBe(B.secret);
    rig.events.length = 0;
    const rekeyed = await rig.ok('profiles.update', { profileId: b.profileId, secret: ` ${B.secret} ` });
    expect(rekeyed).toMatchObject({ hasSecret: true, sessionOnly: false });
    expect(rig.eventsOf('session.changed').map((i) => i.connected)).toEqual([false, true]);
    expect((await rig.ok('session.get')).profileId).toBe(b.profileId);
    expect(await caseNames(rig)).toHaveLength(14);

    // Test a saved profile.
    expect(await rig.ok('profiles.test', { profileId: a.profileId })).toEqual({
      profileId: a.profileId,
      tenantId: emuA.tenantUid,
    });
    expect((await rig.fail('profiles.test', { profileId: 'demo' })).code).toBe('VALIDATION');

    // The demo workspace is built in.
    expect((await rig.fail('profiles.remove', { profileId: 'demo' })).code).toBe('VALIDATION');
    expect((await rig.fail('profiles.update', { profileId: 'demo', label: 'Mine' })).code).toBe('VALIDATION');

    // Removing the open profile removes its keychain entry and disconnects.
    expect(await rig.ok('profiles.remove', { profileId: b.profileId })).toEqual({
      profileId: b.profileId,
      label: 'Tenant B (lab)',
      keychainEntryRemoved: true,
    });
    expect(await keychain.get(b.profileId)).toBeNull();
    expect((await rig.ok('session.get')).connected).toBe(false);
    expect((await rig.fail('cases.page', {})).code).toBe('NOT_CONNECTED');
    expect((await rig.ok('profiles.list')).profiles.map((p) => p.label)).toEqual([
      'Demo workspace',
      'Tenant A',
    ]);
    expect((await rig.fail('profiles.switch', { profileId: b.profileId })).code).toBe('NOT_FOUND');

    // Saved views follow the profile: the session's key is the profile's ID.
    await rig.ok('profiles.switch', { profileId: a.profileId });
    expect(rig.context.session.profileKey()).toBe(a.profileId);

    // profiles.json holds no secret.
    const file = await readFile(path.join(folder, 'profiles.json'), 'utf8');
    expect(file).toContain(A.clientId);
    expect(file).not.toContain(A.secret);
    expect(file).not.toContain(B.secret);
    expectNoCredentials(rig, [A.secret, B.secret, WRONG]);
  });

  it('keeps the session when the chosen profile has no secret', async () => {
    const rig = await newRig({ dataDir: await freshFolder(), openDemo: true });
    const a = await addA(rig, { sessionOnly: true });
    expect(a).toMatchObject({ hasSecret: true, sessionOnly: true });
    rig.context.profiles.forgetSessionSecrets(); // as after a restart
    const before = await rig.ok('session.get');
    rig.events.length = 0;
    const error = await rig.fail('profiles.switch', { profileId: a.profileId });
    expect(error.code).toBe('SECRET_MISSING');
    expect(error.message).toContain('Tenant A');
    expect(await rig.ok('session.get')).toEqual(before);
    expect(rig.eventsOf('session.changed')).toEqual([]);
    // Entering it again (edit with a new secret) makes it usable.
    await rig.ok('profiles.update', { profileId: a.profileId, secret: A.secret });
    expect((await rig.ok('profiles.switch', { profileId: a.profileId })).profileId).toBe(a.profileId);
  });
});

describe('on start', () => {
  it('opens the profile used last, and the first session.get answers with it', async () => {
    const dataDir = await freshFolder();
    const keychain = new SessionSecretStore();
    const first = await newRig({ dataDir, keychain });
    await addA(first);
    const b = await addB(first);
    await first.ok('profiles.switch', { profileId: b.profileId });
    await first.close();
    rigs.splice(rigs.indexOf(first), 1);

    const restarted = await newRig({ dataDir, keychain });
    const opening = openLastProfile(restarted.context);
    const info: SessionInfo = await restarted.ok('session.get');
    expect(info).toMatchObject({ connected: true, profileId: b.profileId, label: 'Tenant B' });
    expect(await opening).toEqual(info);
    expect(await caseNames(restarted)).toHaveLength(14);
  });

  it('stays on the profiles page when the last used profile has no secret at hand', async () => {
    const dataDir = await freshFolder();
    const first = await newRig({ dataDir });
    const a = await addA(first, { sessionOnly: true });
    await first.ok('profiles.switch', { profileId: a.profileId });
    await first.close();
    rigs.splice(rigs.indexOf(first), 1);

    const restarted = await newRig({ dataDir }); // a new run: the session-only secret is gone
    await openLastProfile(restarted.context);
    expect((await restarted.ok('session.get')).connected).toBe(false);
    const list = await restarted.ok('profiles.list');
    expect(list.selectedId).toBe(a.profileId);
    expect(list.profiles.find((p) => p.profileId === a.profileId)?.hasSecret).toBe(false);
  });

  it('opens the demo workspace when it was used last', async () => {
    const dataDir = await freshFolder();
    const first = await newRig({ dataDir });
    await first.ok('profiles.switch', { profileId: 'demo' });
    await first.close();
    rigs.splice(rigs.indexOf(first), 1);
    const restarted = await newRig({ dataDir });
    await openLastProfile(restarted.context);
    expect(await restarted.ok('session.get')).toMatchObject({ kind: 'demo', profileId: 'demo' });
  });
});

describe('without a keychain', () => {
  it('says why, refuses to save a secret, and offers the session-only path', async () => {
    const keychain = new UnavailableKeychain('no-secret-service');
    const rig = await newRig({ dataDir: await freshFolder(), keychain });
    const list = await rig.ok('profiles.list');
    expect(list.keychain).toEqual({
      available: false,
      reason: 'no-secret-service',
      message: KEYCHAIN_SENTENCES['no-secret-service'],
    });
    expect(list.keychain.available === false && list.keychain.message).toContain('for this session only');

    const refused = await rig.fail('profiles.add', {
      label: 'Tenant A',
      baseUrl: proxyA.url,
      clientId: A.clientId,
      secret: A.secret,
    });
    expect(refused).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', details: { reason: 'no-secret-service' } });
    expect((await rig.ok('profiles.list')).profiles).toHaveLength(1);

    const a = await addA(rig, { sessionOnly: true });
    expect(a).toMatchObject({ hasSecret: true, sessionOnly: true });
    expect(keychain.setAttempts).toBe(0);
    const info = await rig.ok('profiles.switch', { profileId: a.profileId });
    expect(info).toMatchObject({ connected: true, profileId: a.profileId });
    expect(await caseNames(rig)).toHaveLength(9);

    // Removing it says the keychain could not be reached (nothing was ever saved there).
    const removed = await rig.ok('profiles.remove', { profileId: a.profileId });
    expect(removed.keychainEntryRemoved).toBe(false);
    expect(removed.keychainProblem).toContain('could not be reached');

    const file = await readFile(path.join(folder, 'profiles.json'), 'utf8');
    expect(file).not.toContain(A.secret);
    expectNoCredentials(rig, [A.secret, B.secret, WRONG]);
  });
});
