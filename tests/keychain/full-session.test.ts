/**
 * The full session (add, list cases, switch, remove) with secrets in the real keychain: no secret and
 * no bearer token in any ProfileService result, session event or log line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src-main/core/credentials/keytar-store.js';
import { ProfileService } from '../../src-main/core/credentials/profile-service.js';
import { FileProfileStore } from '../../src-main/core/credentials/profile-store.js';
import { expectNoCredentials } from '../integration/credentials/expect-no-credentials.js';
import { TENANT_A, TENANT_B, WRONG_SECRET, runFullSession } from '../integration/credentials/full-session.js';
import { filesContaining } from '../integration/credentials/helpers.js';
import { requireSecretService } from './secret-service.js';

beforeEach(requireSecretService);

describe('a full session with the keychain', () => {
  it('never shows a secret or a bearer token in results or logs', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'case-desk-session-'));
    try {
      const record = await runFullSession({ dataDir, keychain: new KeytarSecretStore(), sessionOnly: false });
      expectNoCredentials(record);
      expect(await filesContaining(dataDir, [TENANT_A.secret, TENANT_B.secret, WRONG_SECRET])).toEqual([]);
      // Tenant B is left, its secret in the keychain; clean it up.
      const service = new ProfileService({
        store: new FileProfileStore(dataDir),
        keychain: new KeytarSecretStore(),
      });
      const left = (await service.list()).filter((p) => p.kind === 'tenant');
      expect(left.map((p) => [p.label, p.hasSecret, p.sessionOnly])).toEqual([['Tenant B', true, false]]);
      expect((await service.remove('Tenant B')).keychainEntryRemoved).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
