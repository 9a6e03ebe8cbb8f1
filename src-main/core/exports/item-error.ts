/**
 * What an export item's failure says: a stable code and one plain sentence, naming the folder for
 * disk problems (design.md §5). Also which failures are worth another try, and which are about the
 * folder rather than the case (so the job stops trying the rest of them against that folder).
 */
import { messageFor } from '../../../src-shared/domain/problems.js';
import type { ErrorCode } from '../../../src-shared/domain/problems.js';
import type { ExportError } from '../../../src-shared/domain/exports.js';
import { isIncydrError } from '../incydr/errors.js';
import { isAppError } from '../ipc/app-error.js';

/** Failures of the folder, not of the case: every other item would fail the same way. */
const FOLDER_CODES: ReadonlySet<ErrorCode> = new Set(['DISK_FULL', 'PERMISSION_DENIED', 'FOLDER_MISSING']);

/** Failures that another attempt a little later may not have (the client already retried quickly). */
const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set([
  'NETWORK',
  'TIMEOUT',
  'SERVER_ERROR',
  'RATE_LIMITED',
  'LENGTH_MISMATCH',
]);

export function isFolderProblem(error: ExportError): boolean {
  return FOLDER_CODES.has(error.code);
}

export function isTransient(error: ExportError): boolean {
  return TRANSIENT_CODES.has(error.code);
}

/** The code and sentence for anything an item's download threw. */
export function exportError(error: unknown, caseNumber: number): ExportError {
  if (isIncydrError(error) || isAppError(error)) {
    const code = error.code;
    // Disk errors carry a sentence that names the folder; keep it.
    if (isIncydrError(error) && error.folder !== undefined) return { code, message: error.message };
    if (code === 'NOT_FOUND') {
      return { code, message: `There is no case ${caseNumber}: it may have been deleted.` };
    }
    if (isAppError(error)) return { code, message: error.message };
    return { code, message: messageFor(code) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'UNKNOWN', message: `${messageFor('UNKNOWN')} (${detail})` };
}
