/**
 * A SecretStore with no keychain behind it, for the harness and the handler tests: every call fails
 * exactly as KeytarSecretStore does when no Secret Service runs (or keytar did not load), and
 * `status()` says why. It never holds anything, so a test can prove the secret went nowhere.
 */
import type { KeychainReason, KeychainStatus } from '../../src-shared/domain/profile.js';
import { KEYCHAIN_SENTENCES } from '../../src-main/core/credentials/keychain-reasons.js';
import { KeychainUnavailableError } from '../../src-main/core/credentials/secret-store.js';
import type { SecretStore } from '../../src-main/core/credentials/secret-store.js';

export class UnavailableKeychain implements SecretStore {
  /** How often something tried to store a secret here (it always failed). */
  setAttempts = 0;

  constructor(readonly reason: KeychainReason = 'no-secret-service') {}

  get(): Promise<string | null> {
    return Promise.reject(this.error());
  }

  set(): Promise<void> {
    this.setAttempts += 1;
    return Promise.reject(this.error());
  }

  delete(): Promise<boolean> {
    return Promise.reject(this.error());
  }

  status(): Promise<KeychainStatus> {
    return Promise.resolve({
      available: false,
      reason: this.reason,
      message: KEYCHAIN_SENTENCES[this.reason],
    });
  }

  private error(): KeychainUnavailableError {
    return new KeychainUnavailableError(this.reason, KEYCHAIN_SENTENCES[this.reason]);
  }
}
