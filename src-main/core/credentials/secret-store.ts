/**
 * Where API client secrets live (design.md §3): the OS keychain, one entry per profile, behind this
 * small interface, so keytar (a native module, archived upstream) can fail to load without taking the
 * app down. A secret is never written anywhere else; when no keychain works, the investigator may keep
 * it in memory for this run only (SessionSecretStore), never in a file.
 */
import type { KeychainReason, KeychainStatus } from '../../../src-shared/domain/profile.js';
import { messageFor } from '../../../src-shared/domain/problems.js';
import { AppError } from '../ipc/app-error.js';

export type { KeychainReason, KeychainStatus };

export interface SecretStore {
  /** The secret of that profile, or null when none is stored. */
  get(profileId: string): Promise<string | null>;
  /** Stores or replaces the secret of that profile. */
  set(profileId: string, secret: string): Promise<void>;
  /** Removes it; false when there was none. */
  delete(profileId: string): Promise<boolean>;
  /** Whether secrets can be stored now, and if not, why (a plain sentence). */
  status(): Promise<KeychainStatus>;
}

/**
 * KEYCHAIN_UNAVAILABLE with the reason in `details`, so the UI can offer the session-only path. The
 * message is the plain sentence for the reason; keytar's raw words are kept off it (they can name
 * folders) and go to the log instead.
 */
export class KeychainUnavailableError extends AppError {
  readonly reason: KeychainReason;

  constructor(reason: KeychainReason, message: string = messageFor('KEYCHAIN_UNAVAILABLE')) {
    super('KEYCHAIN_UNAVAILABLE', { message, details: { reason } });
    this.reason = reason;
  }
}

export function isKeychainUnavailable(error: unknown): error is KeychainUnavailableError {
  return error instanceof KeychainUnavailableError;
}

/** Secrets kept in this process's memory for this run only: the explicit fallback without a keychain. */
export class SessionSecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  get(profileId: string): Promise<string | null> {
    return Promise.resolve(this.secrets.get(profileId) ?? null);
  }

  set(profileId: string, secret: string): Promise<void> {
    this.secrets.set(profileId, secret);
    return Promise.resolve();
  }

  delete(profileId: string): Promise<boolean> {
    return Promise.resolve(this.secrets.delete(profileId));
  }

  has(profileId: string): boolean {
    return this.secrets.has(profileId);
  }

  status(): Promise<KeychainStatus> {
    return Promise.resolve({ available: true });
  }

  /** Forgets every secret (quitting, or a test's cleanup). */
  clear(): void {
    this.secrets.clear();
  }
}
