/**
 * The connection the app works on: a saved profile (the demo workspace is one) or nothing. Main owns
 * it (and every secret); this mirrors what main reports, including `session.changed` pushes, and
 * holds the shell's own state: whether the profiles page is open over the workspace, and which
 * profile needs its secret entered again.
 */
import type { SessionInfo } from '../../src-shared/ipc/contract.js';
import { DEMO_PROFILE_ID, DEMO_PROFILE_LABEL } from '../../src-shared/domain/profile.js';
import { caseDesk, toApiError, unwrap } from './api.js';
import type { ApiError } from './api.js';

/** Codes that mean "this profile's secret is not at hand": the profiles page asks for it. */
const NEEDS_SECRET = new Set(['SECRET_MISSING', 'KEYCHAIN_UNAVAILABLE']);

export class SessionState {
  info = $state<SessionInfo | null>(null);
  /** True until the first `session.get` answers (main opens the profile used last before that). */
  starting = $state(true);
  /** A switch or disconnect in flight. */
  pending = $state<'switch' | 'disconnect' | null>(null);
  /** The label of the profile being opened, while `pending` is `switch`. */
  switchingTo = $state<string | null>(null);
  error = $state<ApiError | null>(null);
  /** The profile a switch could not open for want of its secret (the profiles page asks for it). */
  needsSecret = $state<string | null>(null);
  /** The profiles page is open over the workspace. */
  profilesOpen = $state(false);

  connected = $derived(this.info?.connected === true);
  /**
   * What the workspace is keyed by: a new profile, tenant or demo emulator re-creates it, so no list,
   * case, selection, cache or view of the previous connection survives.
   */
  workspaceKey = $derived.by(() => {
    const i = this.info;
    if (!i?.connected) return '';
    return [i.profileId ?? '', i.kind, i.baseUrl, i.clientId, i.tenantId].join('|');
  });

  #unsubscribe: (() => void) | null = null;

  async start(): Promise<void> {
    try {
      this.#unsubscribe = caseDesk().on('session.changed', (info) => {
        this.info = info;
      });
      this.info = unwrap(await caseDesk().session.get({}));
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.starting = false;
    }
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  openDemo(): Promise<boolean> {
    return this.switchTo(DEMO_PROFILE_ID, DEMO_PROFILE_LABEL);
  }

  /**
   * Opens a saved profile in place of the current connection. Main drops the old client, token and
   * downloads first; the workspace is unmounted at once (`pending`), so nothing of the old tenant
   * stays on screen while the new one connects.
   */
  async switchTo(profileId: string, label: string): Promise<boolean> {
    if (this.pending) return false;
    this.pending = 'switch';
    this.switchingTo = label;
    this.error = null;
    this.needsSecret = null;
    try {
      this.info = unwrap(await caseDesk().profiles.switch({ profileId }));
      this.profilesOpen = false;
      return true;
    } catch (error) {
      const apiError = toApiError(error);
      this.error = apiError;
      if (NEEDS_SECRET.has(apiError.code)) {
        this.needsSecret = profileId;
        this.profilesOpen = true;
      }
      // A failed switch may have dropped the old connection already: ask main what is left.
      await this.#refresh();
      return false;
    } finally {
      this.pending = null;
      this.switchingTo = null;
    }
  }

  async disconnect(): Promise<boolean> {
    if (this.pending) return false;
    this.pending = 'disconnect';
    this.error = null;
    try {
      this.info = unwrap(await caseDesk().session.disconnect({}));
      this.profilesOpen = false;
      return true;
    } catch (error) {
      this.error = toApiError(error);
      return false;
    } finally {
      this.pending = null;
    }
  }

  openProfiles(): void {
    this.profilesOpen = true;
  }

  closeProfiles(): void {
    this.profilesOpen = false;
    this.needsSecret = null;
  }

  async #refresh(): Promise<void> {
    try {
      this.info = unwrap(await caseDesk().session.get({}));
    } catch {
      // Keep what the last `session.changed` said.
    }
  }
}
