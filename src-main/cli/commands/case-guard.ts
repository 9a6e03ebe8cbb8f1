/** Case-level failures in words that name the case, instead of a bare "not found". */
import type { CaseDetail } from '../../../src-shared/domain/index.js';
import type { IncydrClient } from '../../core/incydr/index.js';
import { isIncydrError } from '../../core/incydr/index.js';
import { CliFailure } from '../errors.js';

/** Runs `work`; a 404 becomes "There is no case N." (or `notFound`, when the 404 may mean more). */
export async function onCase<T>(n: number, work: () => Promise<T>, notFound?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isIncydrError(error) && error.code === 'NOT_FOUND') {
      throw new CliFailure('NOT_FOUND', notFound ?? `There is no case ${n}.`);
    }
    throw error;
  }
}

/** The case, which must exist and be OPEN for its file events to change. */
export async function requireOpenCase(client: IncydrClient, n: number): Promise<CaseDetail> {
  const detail = await onCase(n, () => client.getCase(n));
  if (detail.status !== 'OPEN') {
    const state = detail.status === 'CLOSED' ? 'closed' : 'archived';
    throw new CliFailure('CASE_IS_CLOSED', `Case ${n} is ${state}, so its file events cannot be changed.`);
  }
  return detail;
}
