/**
 * One case page: the case (`cases.get`), its editor, the irreversible status changes and deletion.
 * Its file events and the attach flow have their own states (features/case-events, attach-events),
 * created here so the page owns them together.
 */
import type { CaseDetail, CaseStatus } from '../../../src-shared/domain/case.js';
import { messageFor } from '../../../src-shared/domain/problems.js';
import { ApiError, caseDesk, toApiError, unwrap } from '../../lib/api.js';
import { AttachState } from '../attach-events/attach-state.svelte.js';
import { CaseEventsState } from '../case-events/case-events-state.svelte.js';
import { CaseDraft } from '../case-edit/case-draft.svelte.js';
import { UserDirectory } from '../../lib/people.js';

/** Why a case cannot be changed, said in place of the edit controls; null for an open case. */
export function readOnlyReason(status: CaseStatus | undefined): string | null {
  if (status === 'CLOSED') {
    return (
      'This case is closed, so it is read-only: closing cannot be undone, and a closed case can no longer be ' +
      'edited and its file events can no longer be added or removed. It can still be archived or deleted.'
    );
  }
  if (status === 'ARCHIVED') {
    return (
      'This case is archived, so it is read-only: archiving cannot be undone, and it deleted the ' +
      "case's file events and captured files."
    );
  }
  return null;
}

export class CaseDetailState {
  readonly number: number;
  detail = $state.raw<CaseDetail | null>(null);
  loading = $state(false);
  error = $state<ApiError | null>(null);

  /** The open editor, or null when the case is shown read-only. */
  draft = $state<CaseDraft | null>(null);
  readonly users = new UserDirectory({ assignableOnly: true });

  /** A status change waiting for its confirmation. */
  confirmStatus = $state<'CLOSED' | 'ARCHIVED' | null>(null);
  confirmDelete = $state(false);
  /** "Back" was pressed with unsaved edits. */
  confirmLeave = $state(false);
  busy = $state(false);
  actionError = $state<ApiError | null>(null);
  /** A short sentence after an action, for the page's polite live region. */
  notice = $state('');

  readonly events: CaseEventsState;
  readonly attach: AttachState;

  readOnly = $derived(readOnlyReason(this.detail?.status));

  constructor(number: number) {
    this.number = number;
    this.events = new CaseEventsState(number);
    this.attach = new AttachState({
      caseNumber: number,
      status: () => this.detail?.status ?? null,
      knownIds: () => this.events.ids,
      count: () => this.events.total ?? this.events.events.length,
      onattached: () => void this.events.load(),
    });
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.detail = unwrap(await caseDesk().cases.get({ number: this.number }));
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.loading = false;
    }
  }

  /** The case and all its events, side by side. */
  loadAll(): Promise<void> {
    return Promise.all([this.load(), this.events.load()]).then(() => undefined);
  }

  startEditing(): void {
    if (this.detail && !this.readOnly) {
      this.actionError = null;
      this.draft = new CaseDraft(this.detail);
    }
  }

  stopEditing(): void {
    this.draft = null;
  }

  /** The editor saved (or took the server's version): show that case. */
  saved(detail: CaseDetail): void {
    const before = this.detail?.status;
    this.detail = detail;
    this.draft = null;
    this.notice = `Case ${detail.number} saved.`;
    // Archiving deleted the events; closing changes nothing in them but the page reads them fresh.
    if (before !== detail.status) void this.events.load();
  }

  /** Closes or archives after the confirmation, through the same staleness check as the editor. */
  async setStatus(status: 'CLOSED' | 'ARCHIVED'): Promise<void> {
    const detail = this.detail;
    if (!detail || this.busy) return;
    this.busy = true;
    this.actionError = null;
    try {
      this.detail = unwrap(
        await caseDesk().cases.update({
          number: this.number,
          changes: { status },
          expectedUpdatedAt: detail.updatedAt,
        }),
      );
      this.notice = status === 'ARCHIVED' ? `Case ${this.number} archived.` : `Case ${this.number} closed.`;
      void this.events.load();
    } catch (error) {
      const refusal = toApiError(error);
      if (refusal.code === 'CASE_CHANGED') {
        // Someone changed the case meanwhile: show what it is now and let the investigator decide again.
        const current = (refusal.details as { current?: CaseDetail } | undefined)?.current;
        if (current) this.detail = current;
        this.actionError = new ApiError({
          code: 'CASE_CHANGED',
          message: `${messageFor('CASE_CHANGED')} It is shown as it is now; nothing was changed. Check it and try again.`,
        });
      } else {
        this.actionError = refusal;
      }
    } finally {
      this.busy = false;
      this.confirmStatus = null;
    }
  }

  /** Deletes the case; resolves true when it is gone. */
  async deleteCase(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.actionError = null;
    try {
      unwrap(await caseDesk().cases.delete({ number: this.number }));
      this.events.dispose();
      return true;
    } catch (error) {
      this.actionError = toApiError(error);
      return false;
    } finally {
      this.busy = false;
      this.confirmDelete = false;
    }
  }
}
