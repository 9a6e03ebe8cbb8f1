/** Test doubles for the profile service: a keychain that can be switched off, a scripted client factory. */
import type { KeychainReason, KeychainStatus } from '../../../src-shared/domain/profile.js';
import type { ErrorCode } from '../../../src-shared/domain/problems.js';
import type { ClientFactory, Credentials } from '../../../src-main/core/credentials/connection-test.js';
import { KEYCHAIN_SENTENCES } from '../../../src-main/core/credentials/keychain-reasons.js';
import { KeychainUnavailableError } from '../../../src-main/core/credentials/secret-store.js';
import type { SecretStore } from '../../../src-main/core/credentials/secret-store.js';
import { IncydrError } from '../../../src-main/core/incydr/errors.js';

export class FakeKeychain implements SecretStore {
  readonly entries = new Map<string, string>();
  /** When set, every call fails as keytar does without a keychain. */
  unavailable: KeychainReason | undefined;

  private check(): void {
    if (this.unavailable)
      throw new KeychainUnavailableError(this.unavailable, KEYCHAIN_SENTENCES[this.unavailable]);
  }

  get(profileId: string): Promise<string | null> {
    return Promise.resolve().then(() => {
      this.check();
      return this.entries.get(profileId) ?? null;
    });
  }

  set(profileId: string, secret: string): Promise<void> {
    return Promise.resolve().then(() => {
      this.check();
      this.entries.set(profileId, secret);
    });
  }

  delete(profileId: string): Promise<boolean> {
    return Promise.resolve().then(() => {
      this.check();
      return this.entries.delete(profileId);
    });
  }

  status(): Promise<KeychainStatus> {
    const reason = this.unavailable;
    return Promise.resolve(
      reason ? { available: false, reason, message: KEYCHAIN_SENTENCES[reason] } : { available: true },
    );
  }
}

export interface FakeTenant {
  clientId: string;
  secret: string;
  tenantId: string;
}

/**
 * A client factory that accepts the given tenants' credentials, fails hosts listed in `failures` with
 * that code, and records every connection attempt (the secret included, for the test to check).
 */
export function fakeClients(
  tenants: readonly FakeTenant[],
  failures: Record<string, ErrorCode> = {},
): ClientFactory & { attempts: Credentials[] } {
  const attempts: Credentials[] = [];
  const factory = (credentials: Credentials) => {
    attempts.push({ ...credentials });
    const host = new URL(credentials.baseUrl).host;
    let tenantId: string | undefined;
    return {
      authenticate: async () => {
        const failure = failures[host];
        if (failure) throw new IncydrError(failure);
        const tenant = tenants.find(
          (t) => t.clientId === credentials.clientId && t.secret === credentials.clientSecret,
        );
        if (!tenant) throw new IncydrError('AUTH_FAILED', { status: 401 });
        tenantId = tenant.tenantId;
      },
      tenantId: async () => {
        if (tenantId === undefined) throw new Error('not authenticated');
        return tenantId;
      },
      close: () => undefined,
    };
  };
  return Object.assign(factory, { attempts });
}
