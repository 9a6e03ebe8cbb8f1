/**
 * A full session (session-only secrets, as without a keychain): every ProfileService result, every
 * session event and every log line is searched for the secrets and the bearer tokens the emulator
 * handed out (seen by a recording proxy on the wire). The keychain variant: tests/keychain/.
 */
import { testHome, restoreEnv } from './no-keychain-env.js';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../src-main/core/credentials/keytar-store.js';
import { expectNoCredentials } from './expect-no-credentials.js';
import { runFullSession } from './full-session.js';
import { filesContaining } from './helpers.js';
import { TENANT_A, TENANT_B, WRONG_SECRET } from './full-session.js';

afterAll(async () => {
  await rm(testHome, { recursive: true, force: true });
  restoreEnv();
});

describe('a full session without a keychain', () => {
  it('never shows a secret or a bearer token in results or logs', async () => {
    const record = await runFullSession({
      dataDir: join(testHome, 'data'),
      keychain: new KeytarSecretStore(),
      sessionOnly: true,
    });
    expectNoCredentials(record);
    expect(await filesContaining(testHome, [TENANT_A.secret, TENANT_B.secret, WRONG_SECRET])).toEqual([]);
  });
});
