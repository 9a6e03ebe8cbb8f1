/**
 * The "connect to a tenant for this session" form. The secret lives in this object only until it is
 * sent to main; main keeps it in memory for the session (saved profiles come in a later issue).
 */
import type { ConnectInput } from '../../lib/session.svelte.js';
import { CUSTOM_REGION, regionUrl } from './regions.js';

/**
 * A custom base URL's obvious problem in a sentence, or null. Main makes the final decision (plain
 * `http:` only for this computer, no credentials in the URL) and answers with its own sentence.
 */
export function customUrlProblem(value: string): string | null {
  const url = URL.parse(value.trim());
  if (!url) return 'Enter the full API address, for example https://api.us.code42.com.';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The API address must start with https://.';
  }
  return null;
}

export class ConnectForm {
  region = $state('us');
  customUrl = $state('');
  clientId = $state('');
  secret = $state('');
  /** A problem found before sending; server errors live in the session state. */
  problem = $state<string | null>(null);

  isCustom = $derived(this.region === CUSTOM_REGION);
  baseUrl = $derived(this.isCustom ? this.customUrl.trim() : (regionUrl(this.region) ?? ''));

  /** The request to send, or null with `problem` set. */
  toInput(): ConnectInput | null {
    this.problem = null;
    if (this.isCustom) {
      const problem = customUrlProblem(this.customUrl);
      if (problem) {
        this.problem = problem;
        return null;
      }
    }
    if (this.clientId.trim() === '') {
      this.problem = 'Enter the API client ID.';
      return null;
    }
    if (this.secret === '') {
      this.problem = 'Enter the API client secret.';
      return null;
    }
    return { baseUrl: this.baseUrl, clientId: this.clientId.trim(), clientSecret: this.secret };
  }

  /** Forgets the secret once main has it (or the attempt is over). */
  clearSecret(): void {
    this.secret = '';
  }
}
