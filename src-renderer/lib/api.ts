/**
 * Typed access to `window.caseDesk`, the only way the renderer reaches main (design.md §2). The
 * preload provides it in the app; the browser test harness provides the same shape. Only types are
 * imported from the contract: its zod schemas run in main, never in the page bundle.
 */
import { messageFor } from '../../src-shared/domain/problems.js';
import type { CaseDeskApi, IpcError, Result } from '../../src-shared/ipc/contract.js';

declare global {
  interface Window {
    caseDesk?: CaseDeskApi;
  }
}

/** A `{ ok: false }` result as a thrown value: a stable code, its plain sentence, optional details. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  readonly details: unknown;

  constructor(error: IpcError | { code: string; message?: string; details?: unknown }) {
    super(error.message || messageFor(error.code));
    this.code = error.code;
    this.details = error.details;
  }
}

/** The page's API; throws a plain ApiError when the page runs without a bridge (opened directly). */
export function caseDesk(): CaseDeskApi {
  const api = window.caseDesk;
  if (!api) throw new ApiError({ code: 'UNKNOWN', message: 'Case Desk cannot reach its main process.' });
  return api;
}

/** The value of an ok result; a failed result throws its error as an ApiError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** Anything caught in the UI as an ApiError, so every error banner has a code and a sentence. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ code: 'UNKNOWN', message: messageFor('UNKNOWN') });
}

/**
 * Field problems of a VALIDATION error (`[{ path, message }]`), for showing under the sentence;
 * a problem that only repeats the sentence is left out.
 */
export function validationProblems(error: ApiError): string[] {
  if (error.code !== 'VALIDATION' || !Array.isArray(error.details)) return [];
  return error.details.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof message !== 'string' || message === error.message) return [];
    const where = Array.isArray(path) && path.length > 0 ? `${path.map(String).join('.')}: ` : '';
    return [`${where}${message}`];
  });
}
