/**
 * The whole profile flow on a real Secret Service and the emulator: add (tested first), several
 * profiles side by side, connect and list cases, replace a secret, remove — with the keychain entries
 * checked behind the service's back and the data folder searched for the secrets after every step.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, KeytarSecretStore } from '../../src-main/core/credentials/keytar-store.js';
import { ProfileService } from '../../src-main/core/credentials/profile-service.js';
import { FileProfileStore } from '../../src-main/core/credentials/profile-store.js';
import { SessionManager } from '../../src-main/core/session/index.js';
import { startEmulator } from '../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import { filesContaining } from '../integration/credentials/helpers.js';
import { rawKeytar, requireSecretService } from './secret-service.js';

const A = { clientId: 'key-keychain-a', secret: 'K3ychain-A-secret-0c9e' };
const B = { clientId: 'key-keychain-b', secret: 'K3ychain-B-secret-7a1d' };
const WRONG = 'K3ychain-wrong-secret-55';
const SECRETS = [A.secret, B.secret, WRONG];

let emuA: RunningEmulator;
let emuB: RunningEmulator;
let dataDir: string;

beforeAll(async () => {
  emuA = await startEmulator({ cases: 5, seed: 11, clientId: A.clientId, clientSecret: A.secret });
  emuB = await startEmulator({ cases: 5, seed: 12, clientId: B.clientId, clientSecret: B.secret });
  dataDir = await mkdtemp(join(tmpdir(), 'case-desk-keychain-'));
});
afterAll(async () => {
  await emuA.close();
  await emuB.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(requireSecretService);

async function expectNoSecretOnDisk(): Promise<void> {
  expect(await filesContaining(dataDir, SECRETS)).toEqual([]);
}

describe('profiles on a real keychain', () => {
  it('add, list, connect, replace, remove', async () => {
    const service = new ProfileService({
      store: new FileProfileStore(dataDir),
      keychain: new KeytarSecretStore(),
    });
    const keytar = await rawKeytar();

    const a = await service.add({
      label: 'Tenant A',
      baseUrl: emuA.url,
      clientId: A.clientId,
      secret: A.secret,
    });
    expect(a).toMatchObject({ hasSecret: true, sessionOnly: false, selected: true });
    expect(await keytar.getPassword(APP_ID, a.profileId)).toBe(A.secret);
    await expectNoSecretOnDisk();

    const b = await service.add({
      label: 'Tenant B',
      baseUrl: emuB.url,
      clientId: B.clientId,
      secret: B.secret,
    });
    expect(await keytar.getPassword(APP_ID, b.profileId)).toBe(B.secret);
    expect(await keytar.getPassword(APP_ID, a.profileId)).toBe(A.secret); // side by side
    await expectNoSecretOnDisk();

    const wrong = await service
      .add({ label: 'Tenant C', baseUrl: emuA.url, clientId: A.clientId, secret: WRONG })
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'AUTH_FAILED' });
    expect((await service.list()).map((p) => [p.label, p.hasSecret])).toEqual([
      ['Demo workspace', true],
      ['Tenant A', true],
      ['Tenant B', true],
    ]);
    await expectNoSecretOnDisk();

    // A new service over the same folder and keychain (the app's next start) connects to A.
    const restarted = new ProfileService({
      store: new FileProfileStore(dataDir),
      keychain: new KeytarSecretStore(),
    });
    const selected = await restarted.selected();
    expect(selected).toMatchObject({ profileId: a.profileId, hasSecret: true });
    const session = new SessionManager();
    try {
      await session.connect(await restarted.connectionFor(a.profileId));
      expect((await session.client().getPage({ pgSize: 5 })).totalCount).toBe(5);
      expect(await session.client().tenantId()).toBe(emuA.tenantUid);
    } finally {
      await session.disconnect();
    }

    // Replace A's secret by moving it to tenant B's credentials: tested, then the keychain entry changes.
    const failed = await restarted.update(a.profileId, { secret: WRONG }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'AUTH_FAILED' });
    expect(await keytar.getPassword(APP_ID, a.profileId)).toBe(A.secret);
    const moved = await restarted.update(a.profileId, {
      baseUrl: emuB.url,
      clientId: B.clientId,
      secret: B.secret,
    });
    expect(JSON.stringify(moved)).not.toContain(A.secret);
    expect(await keytar.getPassword(APP_ID, a.profileId)).toBe(B.secret);
    expect(await restarted.test(a.profileId)).toEqual({ profileId: a.profileId, tenantId: emuB.tenantUid });
    await expectNoSecretOnDisk();

    // Remove: the keychain entry goes with the profile; the other stays.
    const removed = await restarted.remove('tenant a');
    expect(removed).toEqual({ profileId: a.profileId, label: 'Tenant A', keychainEntryRemoved: true });
    expect(await keytar.getPassword(APP_ID, a.profileId)).toBeNull();
    expect(await keytar.getPassword(APP_ID, b.profileId)).toBe(B.secret);
    expect(await restarted.selected()).toBeNull();
    await restarted.remove(b.profileId);
    expect(await keytar.getPassword(APP_ID, b.profileId)).toBeNull();
    await expectNoSecretOnDisk();
    // Nor anywhere under HOME (the wrapper's temp HOME holds the keyring file, which is encrypted).
    expect(await filesContaining(homedir(), SECRETS)).toEqual([]);
  });
});
