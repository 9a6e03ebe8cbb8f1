/**
 * The app's `profiles.*` channels through dispatch on a real Secret Service (as the Electron main wires
 * them: a KeytarSecretStore): a session-only secret stays out of the keyring, entering it to keep puts
 * it there, a refused secret replaces nothing, switching connects with it, removing the profile removes the keyring entry — and no result,
 * event or log line carries a secret.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, KeytarSecretStore } from '../../src-main/core/credentials/keytar-store.js';
import { startEmulator } from '../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import { filesContaining } from '../integration/credentials/helpers.js';
import { createRig, tempFolder } from '../integration/handlers/helpers.js';
import type { Rig } from '../integration/handlers/helpers.js';
import { rawKeytar, requireSecretService } from './secret-service.js';

const TENANT = { clientId: 'key-app-keychain', secret: 'App-k3ychain-secret-2f81' };
const WRONG = 'App-k3ychain-wrong-9c04';

let emu: RunningEmulator;
let rig: Rig;
let folder: { folder: string; remove: () => Promise<void> };

beforeAll(async () => {
  emu = await startEmulator({ cases: 6, seed: 77, clientId: TENANT.clientId, clientSecret: TENANT.secret });
  folder = await tempFolder('keychain-app');
  rig = await createRig({ dataDir: folder.folder, keychain: new KeytarSecretStore() });
});
afterAll(async () => {
  await rig?.close();
  await folder?.remove();
  await emu?.close();
});
beforeEach(requireSecretService);

describe('profiles.* on a real keychain', () => {
  it('keeps the secret in the keyring only when asked, connects with it and removes it', async () => {
    const keytar = await rawKeytar();
    expect((await rig.ok('profiles.list')).keychain).toEqual({ available: true });

    // For this session only first: nothing goes to the keyring.
    const added = await rig.ok('profiles.add', {
      label: 'Keyring tenant',
      baseUrl: emu.url,
      clientId: TENANT.clientId,
      secret: TENANT.secret,
      sessionOnly: true,
    });
    expect(added).toMatchObject({ hasSecret: true, sessionOnly: true });
    expect(await keytar.getPassword(APP_ID, added.profileId)).toBeNull();

    // Entered again to keep: now it is in the keyring.
    const kept = await rig.ok('profiles.update', { profileId: added.profileId, secret: TENANT.secret });
    expect(kept).toMatchObject({ hasSecret: true, sessionOnly: false });
    expect(await keytar.getPassword(APP_ID, added.profileId)).toBe(TENANT.secret);

    // A secret the tenant refuses replaces nothing.
    const refused = await rig.fail('profiles.update', { profileId: added.profileId, secret: WRONG });
    expect(refused.code).toBe('AUTH_FAILED');
    expect(await keytar.getPassword(APP_ID, added.profileId)).toBe(TENANT.secret);

    const info = await rig.ok('profiles.switch', { profileId: added.profileId });
    expect(info).toMatchObject({ connected: true, profileId: added.profileId, label: 'Keyring tenant' });
    expect((await rig.ok('cases.page', {})).totalCount).toBe(6);

    const removed = await rig.ok('profiles.remove', { profileId: added.profileId });
    expect(removed).toMatchObject({ keychainEntryRemoved: true });
    expect(await keytar.getPassword(APP_ID, added.profileId)).toBeNull();
    expect((await rig.ok('session.get')).connected).toBe(false);

    expect(await filesContaining(folder.folder, [TENANT.secret, WRONG])).toEqual([]);
    const seen = JSON.stringify([rig.results, rig.events]) + rig.logLines.join('\n');
    expect(seen).not.toContain(TENANT.secret);
    expect(seen).not.toContain(WRONG);
  });
});
