/**
 * The add / edit profile form. The secret lives in this object only until it is sent to main (which
 * keeps it in the keychain, or in memory for this session); editing never shows the saved secret —
 * an empty "new secret" keeps it. Obvious mistakes are caught here; main checks everything again
 * and answers with its own sentence.
 */
import { PROFILE_LABEL_MAX } from '../../../src-shared/domain/profile.js';
import type { TenantProfileView } from '../../../src-shared/domain/profile.js';
import { isRegionName } from '../../../src-shared/domain/regions.js';
import type { InputOf } from '../../../src-shared/ipc/contract.js';
import { CUSTOM_REGION } from './profile-text.js';

/** A custom URL's obvious problem in a sentence, or null (main decides the rest: http only locally). */
export function customUrlProblem(value: string): string | null {
  const url = URL.parse(value.trim());
  if (!url) return 'Enter the full API address, for example https://api.us.code42.com.';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The API address must start with https://.';
  }
  return null;
}

export type AddInput = InputOf<'profiles.add'>;
export type UpdateInput = InputOf<'profiles.update'>;

export class ProfileForm {
  label = $state('');
  region = $state<string>('us');
  customUrl = $state('');
  clientId = $state('');
  secret = $state('');
  /** Keep the secret in memory for this session only (forced when the keychain is unavailable). */
  sessionOnly = $state(false);
  /** A problem found before sending; main's answers are shown by the form's owner. */
  problem = $state<string | null>(null);

  isCustom = $derived(this.region === CUSTOM_REGION);

  /** With a profile: the edit form, filled with everything but the secret. */
  constructor(readonly editing: TenantProfileView | null = null) {
    if (editing) {
      this.label = editing.label;
      this.region = editing.region ?? CUSTOM_REGION;
      this.customUrl = editing.region === null ? editing.baseUrl : '';
      this.clientId = editing.clientId;
      this.sessionOnly = editing.sessionOnly;
    }
  }

  /** The `profiles.add` request, or null with `problem` set. */
  toAddInput(forceSessionOnly: boolean): AddInput | null {
    if (!this.#check(true)) return null;
    return {
      label: this.label.trim(),
      ...this.#endpoint(),
      clientId: this.clientId.trim(),
      secret: this.secret,
      sessionOnly: forceSessionOnly || this.sessionOnly,
    };
  }

  /**
   * The `profiles.update` request with only what changed, or null with `problem` set. An empty new
   * secret keeps the saved one, unless `secretRequired` (there is none to keep).
   */
  toUpdateInput(forceSessionOnly: boolean, secretRequired: boolean): UpdateInput | null {
    const original = this.editing;
    if (original === null) throw new Error('toUpdateInput needs a profile to edit');
    if (!this.#check(secretRequired)) return null;
    const input: UpdateInput = { profileId: original.profileId };
    const label = this.label.trim();
    if (label !== original.label) input.label = label;
    const endpoint = this.#endpoint();
    if (endpoint.region !== undefined && endpoint.region !== original.region) input.region = endpoint.region;
    if (endpoint.baseUrl !== undefined && endpoint.baseUrl !== original.baseUrl)
      input.baseUrl = endpoint.baseUrl;
    const clientId = this.clientId.trim();
    if (clientId !== original.clientId) input.clientId = clientId;
    if (this.secret !== '') {
      input.secret = this.secret;
      input.sessionOnly = forceSessionOnly || this.sessionOnly;
    }
    return input;
  }

  /** Forgets the secret once main has it (or the attempt is over). */
  clearSecret(): void {
    this.secret = '';
  }

  #endpoint(): { region?: AddInput['region']; baseUrl?: string } {
    if (this.isCustom) return { baseUrl: this.customUrl.trim().replace(/\/+$/u, '') };
    return isRegionName(this.region) ? { region: this.region } : {};
  }

  #check(secretRequired: boolean): boolean {
    this.problem = this.#problem(secretRequired);
    return this.problem === null;
  }

  #problem(secretRequired: boolean): string | null {
    const label = this.label.trim();
    if (label === '') return 'Give the profile a name, for example the tenant or region it is for.';
    if (label.length > PROFILE_LABEL_MAX) {
      return `A profile name can have at most ${PROFILE_LABEL_MAX} characters.`;
    }
    if (this.isCustom) {
      const problem = customUrlProblem(this.customUrl);
      if (problem) return problem;
    }
    if (this.clientId.trim() === '') return 'Enter the API client ID.';
    if (secretRequired && this.secret === '') return 'Enter the API client secret.';
    return null;
  }
}
