/**
 * The keychain tests need a real Secret Service: scripts/with-keyring.sh starts a private D-Bus session
 * with an unlocked GNOME Keyring. Without it they fail (never skip), saying how to run them.
 */
import { expect } from 'vitest';
import { KeytarSecretStore } from '../../src-main/core/credentials/keytar-store.js';
import type { KeytarApi } from '../../src-main/core/credentials/keytar-store.js';
import { importKeytar } from '../../src-main/core/credentials/keytar-store.js';

export async function requireSecretService(): Promise<void> {
  const status = await new KeytarSecretStore().status();
  expect(
    status,
    'No usable Secret Service: run this project with scripts/with-keyring.sh ' +
      '(e.g. scripts/with-keyring.sh npx vitest run --project keychain)',
  ).toEqual({ available: true });
}

/** keytar itself, to look at the keyring behind the store's back. */
export function rawKeytar(): Promise<KeytarApi> {
  return importKeytar();
}
