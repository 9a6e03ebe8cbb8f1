/**
 * The profiles page's data: the saved profiles as main reports them (never a secret: only whether
 * one is at hand), the keychain's state, and the result of the last connection test per profile.
 */
import type {
  KeychainStatus,
  ProfileList,
  ProfileView,
  RemovedProfileView,
  TenantProfileView,
} from '../../../src-shared/domain/profile.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';
import type { AddInput, UpdateInput } from './profile-form.svelte.js';

export type TestState =
  { state: 'running' } | { state: 'ok'; tenantId: string } | { state: 'failed'; error: ApiError };

export class ProfilesState {
  list = $state.raw<ProfileList | null>(null);
  loading = $state(false);
  /** Loading the list failed. */
  error = $state<ApiError | null>(null);
  /** The last connection test per profile ID. */
  tests = $state<Record<string, TestState>>({});

  profiles = $derived<ProfileView[]>(this.list?.profiles ?? []);
  tenants = $derived(this.profiles.filter((p): p is TenantProfileView => p.kind === 'tenant'));
  keychain = $derived<KeychainStatus>(this.list?.keychain ?? { available: true });

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.list = unwrap(await caseDesk().profiles.list({}));
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.loading = false;
    }
  }

  find(profileId: string): ProfileView | undefined {
    return this.profiles.find((p) => p.profileId === profileId);
  }

  /** Tests, then saves; throws the ApiError (with its sentence) when main refuses. */
  async add(input: AddInput): Promise<TenantProfileView> {
    const added = unwrap(await caseDesk().profiles.add(input));
    await this.load();
    return added;
  }

  async update(input: UpdateInput): Promise<TenantProfileView> {
    const updated = unwrap(await caseDesk().profiles.update(input));
    delete this.tests[updated.profileId];
    await this.load();
    return updated;
  }

  async remove(profileId: string): Promise<RemovedProfileView> {
    const removed = unwrap(await caseDesk().profiles.remove({ profileId }));
    delete this.tests[profileId];
    await this.load();
    return removed;
  }

  async test(profileId: string): Promise<void> {
    this.tests[profileId] = { state: 'running' };
    try {
      const result = unwrap(await caseDesk().profiles.test({ profileId }));
      this.tests[profileId] = { state: 'ok', tenantId: result.tenantId };
    } catch (error) {
      this.tests[profileId] = { state: 'failed', error: toApiError(error) };
    }
  }
}
