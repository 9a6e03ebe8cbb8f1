/** A new case: the same fields as the editor (without status: a new case is open), then `cases.create`. */
import type { CaseDetail } from '../../../src-shared/domain/case.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';
import { createInput, EMPTY_VALUES, fieldProblems } from './case-values.js';
import type { CaseValues } from './case-values.js';
import { UserDirectory } from '../../lib/people.js';

export class CaseCreateState {
  values = $state<CaseValues>({ ...EMPTY_VALUES });
  saving = $state(false);
  error = $state<ApiError | null>(null);
  showProblems = $state(false);
  readonly users = new UserDirectory({ assignableOnly: true });

  problems = $derived(fieldProblems(this.values));
  /** Something was typed (leaving asks first). */
  touched = $derived(
    this.values.name !== '' ||
      this.values.description !== '' ||
      this.values.findings !== '' ||
      this.values.subject !== null ||
      this.values.assignee !== null,
  );

  /** Creates the case; null when it was not created (problems or a refusal), with everything kept. */
  async create(): Promise<CaseDetail | null> {
    if (this.saving) return null;
    if (this.problems.length > 0) {
      this.showProblems = true;
      return null;
    }
    this.saving = true;
    this.error = null;
    try {
      return unwrap(await caseDesk().cases.create(createInput($state.snapshot(this.values))));
    } catch (error) {
      this.error = toApiError(error);
      return null;
    } finally {
      this.saving = false;
    }
  }
}
