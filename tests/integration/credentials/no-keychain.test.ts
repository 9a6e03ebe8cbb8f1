/**
 * Without any Secret Service: the clear "keychain unavailable" state, the session-only path (add ->
 * list -> connect -> list cases), and afterwards no file under the data folder or HOME holds the secret.
 */
import { testHome, restoreEnv } from './no-keychain-env.js';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src-main/core/credentials/data-dir.js';
import { KEYCHAIN_SENTENCES } from '../../../src-main/core/credentials/keychain-reasons.js';
import { KeytarSecretStore } from '../../../src-main/core/credentials/keytar-store.js';
import { ProfileService } from '../../../src-main/core/credentials/profile-service.js';
import { FileProfileStore } from '../../../src-main/core/credentials/profile-store.js';
import { SessionManager } from '../../../src-main/core/session/index.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { runWith } from '../cli/helpers.js';
import { allFiles, filesContaining } from './helpers.js';

const CLIENT_ID = 'key-nokeychain';
const SECRET = 'N0-keychain-secret-4e8d2a';

let emu: RunningEmulator;
let dataDir: string;
beforeAll(async () => {
  emu = await startEmulator({ cases: 8, seed: 31, clientId: CLIENT_ID, clientSecret: SECRET });
  // The platform default under the temp HOME, as the CLI and the app would pick it.
  dataDir = defaultDataDir({ env: process.env });
  expect(dataDir).toBe(join(testHome, '.config', 'case-desk'));
});
afterAll(async () => {
  await emu.close();
  await rm(testHome, { recursive: true, force: true });
  restoreEnv();
});

function newService(): ProfileService {
  return new ProfileService({ store: new FileProfileStore(dataDir), keychain: new KeytarSecretStore() });
}

describe('no Secret Service', () => {
  it('says plainly that the keychain is unavailable, and why', async () => {
    const status = await new KeytarSecretStore().status();
    expect(status).toEqual({
      available: false,
      reason: 'no-secret-service',
      message: KEYCHAIN_SENTENCES['no-secret-service'],
    });
  });

  it('calls a keytar that does not load "not installed"', async () => {
    const store = new KeytarSecretStore({
      load: async () => {
        const specifier = 'keytar-that-is-not-installed';
        return (await import(specifier)) as never;
      },
    });
    expect(await store.status()).toMatchObject({ available: false, reason: 'not-installed' });
  });

  it('refuses to save a profile without sessionOnly, and saves nothing', async () => {
    const service = newService();
    const error = await service
      .add({ label: 'Work', baseUrl: emu.url, clientId: CLIENT_ID, secret: SECRET })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: KEYCHAIN_SENTENCES['no-secret-service'],
      details: { reason: 'no-secret-service' },
    });
    expect(emu.stats.tokensIssued).toBe(0); // not even tested
    expect(await allFiles(dataDir)).toEqual([]);
  });

  it('connects for this session only: add -> list -> connect -> cases, and no file holds the secret', async () => {
    const service = newService();
    const view = await service.add(
      { label: 'Work', baseUrl: emu.url, clientId: CLIENT_ID, secret: SECRET },
      { sessionOnly: true },
    );
    expect(view).toMatchObject({ label: 'Work', hasSecret: true, sessionOnly: true, selected: true });
    const list = await service.list();
    expect(list.map((p) => [p.kind, p.label, p.hasSecret, p.sessionOnly])).toEqual([
      ['demo', 'Demo workspace', true, false],
      ['tenant', 'Work', true, true],
    ]);

    const session = new SessionManager();
    try {
      const info = await session.connect(await service.connectionFor('Work'));
      expect(info).toMatchObject({
        connected: true,
        kind: 'tenant',
        clientId: CLIENT_ID,
        tenantId: emu.tenantUid,
      });
      const page = await session.client().getPage({ pgSize: 3 });
      expect(page.cases).toHaveLength(3);
    } finally {
      await session.disconnect();
    }
    service.forgetSessionSecrets();
    await expect(service.secretFor('Work')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });

    // The profile itself was saved (without its secret); nothing anywhere holds the secret.
    expect((await allFiles(dataDir)).map((f) => f.slice(dataDir.length))).toEqual(['/profiles.json']);
    expect(await filesContaining(testHome, [SECRET])).toEqual([]);
  });

  it('the CLI prints the plain sentence and exits 1, saving nothing', async () => {
    const cliData = join(testHome, 'cli-data');
    const env = { CASE_DESK_DATA_DIR: cliData, HOME: testHome };
    const add = await runWith(
      env,
      ['profiles', 'add', 'work', '--url', emu.url, '--client-id', CLIENT_ID, '--secret-stdin'],
      { stdin: `${SECRET}\n` },
    );
    expect(add).toMatchObject({ code: 1, stdout: '' });
    expect(add.stderr).toContain(
      'error: KEYCHAIN_UNAVAILABLE: No system keychain is running (on Linux: a Secret Service such as GNOME ' +
        'Keyring or KWallet), so the API client secret cannot be saved. Without a keychain the command line ' +
        'cannot keep a secret between runs; set INCYDR_URL, INCYDR_API_CLIENT_ID and INCYDR_API_CLIENT_SECRET instead.',
    );
    expect(add.stderr).not.toContain(SECRET);
    expect(await allFiles(cliData)).toEqual([]);

    // A profile saved earlier (when a keychain worked) cannot be used now: the same sentence, exit 1.
    await mkdir(cliData, { recursive: true });
    await writeFile(
      join(cliData, 'profiles.json'),
      JSON.stringify({
        version: 1,
        selectedProfileId: null,
        profiles: [
          {
            id: '3f1c2b4a-5d6e-4f70-8a91-b2c3d4e5f607',
            label: 'work',
            baseUrl: emu.url,
            clientId: CLIENT_ID,
            createdAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      }),
    );
    const list = await runWith(env, ['--profile', 'work', 'cases', 'list']);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/^error: KEYCHAIN_UNAVAILABLE: No system keychain is running/u);
    const profiles = await runWith(env, ['profiles', 'list']);
    expect(profiles.code).toBe(0);
    expect(profiles.stderr).toMatch(/^note: No system keychain is running/u);
    expect(profiles.stdout).toMatch(
      /^-\s+work\s+custom\s+http:\/\/127\.0\.0\.1:\d+\s+key-nokeychain\s+missing$/mu,
    );
    expect(await filesContaining(testHome, [SECRET])).toEqual([]);
  });
});
