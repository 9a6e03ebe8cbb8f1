/**
 * The offline export library screen: every file exported on this machine for the connected profile,
 * verified against its recorded size and SHA-256. Nothing here needs the network.
 */
import type { LibraryCheck, LibraryEntry } from '../../../src-shared/domain/exports.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';
import { openEntry, revealEntry } from './library-actions.js';

export class LibraryState {
  entries = $state.raw<LibraryEntry[]>([]);
  loading = $state(false);
  verifying = $state<'all' | string | null>(null);
  error = $state.raw<ApiError | null>(null);
  notice = $state('');
  /** The newest check per entry (this session's, else the recorded one). */
  checks = $state.raw<Record<string, LibraryCheck>>({});

  problems = $derived(
    Object.values(this.checks).filter(
      (c) => c.status !== 'ok' && this.entries.some((e) => e.entryId === c.entryId),
    ).length,
  );

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.entries = unwrap(await caseDesk().library.list({})).entries;
      const checks: Record<string, LibraryCheck> = {};
      for (const e of this.entries)
        if (e.lastCheck) checks[e.entryId] = { entryId: e.entryId, ...e.lastCheck };
      this.checks = checks;
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.loading = false;
    }
  }

  /** Re-hashes one entry, or every entry shown. */
  async verify(entryId?: string): Promise<void> {
    this.verifying = entryId ?? 'all';
    this.error = null;
    try {
      const results = unwrap(await caseDesk().library.verify(entryId ? { entryIds: [entryId] } : {}));
      const checks = { ...this.checks };
      for (const check of results) checks[check.entryId] = check;
      this.checks = checks;
      const bad = results.filter((c) => c.status !== 'ok').length;
      this.notice =
        bad === 0
          ? `${results.length === 1 ? 'The file is' : `All ${results.length} files are`} as saved.`
          : `${bad} of ${results.length} ${results.length === 1 ? 'file' : 'files'} missing or altered.`;
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.verifying = null;
    }
  }

  async reveal(entryId: string): Promise<void> {
    await this.#run(() => revealEntry(entryId));
  }

  async open(entryId: string): Promise<void> {
    await this.#run(() => openEntry(entryId));
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.error = null;
    try {
      await action();
    } catch (error) {
      this.error = toApiError(error);
    }
  }
}
