/**
 * Editing one case. The draft starts from the case as it was read (`base`) and saves only the fields
 * the investigator changed, through `cases.update` with the `updatedAt` it started from: main reads the
 * case, applies the changes, sends all six fields, and refuses with CASE_CHANGED when someone else
 * changed the case meanwhile. Then the draft keeps everything typed and holds the server's version
 * (`conflict`) for a field-by-field comparison, until the investigator overwrites or discards.
 */
import type { CaseDetail, CaseStatus } from '../../../src-shared/domain/case.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';
import {
  CASE_FIELDS,
  changesBetween,
  fieldProblems,
  isCaseDetail,
  sameValue,
  valuesOf,
} from './case-values.js';
import type { CaseChanges, CaseField, CaseValues } from './case-values.js';

/** Status changes that cannot be undone, so a save that makes one asks first. */
export function irreversibleStatus(from: CaseStatus, to: CaseStatus): 'CLOSED' | 'ARCHIVED' | null {
  if (from === to) return null;
  return to === 'CLOSED' || to === 'ARCHIVED' ? to : null;
}

export interface ComparedField {
  field: CaseField;
  mine: CaseValues;
  server: CaseValues;
  /** Who changed the field since the editor opened. */
  changedBy: 'you' | 'server' | 'both' | 'nobody';
  /** Both sides hold the same value now. */
  same: boolean;
}

export class CaseDraft {
  /** The case as it was when editing began. */
  base = $state.raw<CaseDetail>() as CaseDetail;
  values = $state<CaseValues>() as CaseValues;
  saving = $state(false);
  error = $state<ApiError | null>(null);
  /** The server's case after a CASE_CHANGED refusal; null when there is no conflict. */
  conflict = $state.raw<CaseDetail | null>(null);
  /** Set by a save attempt that the length checks stopped, so the problems show. */
  showProblems = $state(false);

  problems = $derived(fieldProblems(this.values));
  changes = $derived<CaseChanges>(changesBetween(valuesOf(this.base), this.values));
  dirty = $derived(Object.keys(this.changes).length > 0);
  /** The irreversible status this save would set, if any. */
  pendingStatus = $derived(irreversibleStatus(this.base.status, this.values.status));

  constructor(detail: CaseDetail) {
    this.base = detail;
    this.values = valuesOf(detail);
  }

  /** The fields side by side: the draft against the server's current case. */
  compare(server: CaseDetail): ComparedField[] {
    const base = valuesOf(this.base);
    const theirs = valuesOf(server);
    return CASE_FIELDS.map((field) => {
      const mineChanged = !sameValue(base, this.values, field);
      const serverChanged = !sameValue(base, theirs, field);
      const changedBy =
        mineChanged && serverChanged ? 'both' : mineChanged ? 'you' : serverChanged ? 'server' : 'nobody';
      return {
        field,
        mine: this.values,
        server: theirs,
        changedBy,
        same: sameValue(this.values, theirs, field),
      };
    });
  }

  /**
   * Sends the changes. Resolves with the saved case, or null when the save did not happen (length
   * problems, a refusal, a conflict): then `problems`, `error` or `conflict` say why, and the draft
   * still holds everything typed.
   */
  async save(): Promise<CaseDetail | null> {
    if (this.saving) return null;
    if (this.problems.length > 0) {
      this.showProblems = true;
      return null;
    }
    return this.#send(this.base.updatedAt);
  }

  /** After a conflict: the same changes again, over the server's newer version. */
  async overwrite(): Promise<CaseDetail | null> {
    const server = this.conflict;
    if (!server || this.saving) return null;
    return this.#send(server.updatedAt);
  }

  /** After a conflict: drop the draft and take the server's version. */
  discard(): CaseDetail | null {
    const server = this.conflict;
    if (server) this.reset(server);
    return server;
  }

  /** Starts over from `detail`. */
  reset(detail: CaseDetail): void {
    this.base = detail;
    this.values = valuesOf(detail);
    this.conflict = null;
    this.error = null;
    this.showProblems = false;
  }

  async #send(expectedUpdatedAt: string | null): Promise<CaseDetail | null> {
    this.saving = true;
    this.error = null;
    try {
      const changes = $state.snapshot(this.changes);
      const saved = unwrap(
        await caseDesk().cases.update({ number: this.base.number, changes, expectedUpdatedAt }),
      );
      this.conflict = null;
      return saved;
    } catch (caught) {
      const error = toApiError(caught);
      const current = (error.details as { current?: unknown } | undefined)?.current;
      if (error.code === 'CASE_CHANGED' && isCaseDetail(current)) this.conflict = current;
      else this.error = error;
      return null;
    } finally {
      this.saving = false;
    }
  }
}
