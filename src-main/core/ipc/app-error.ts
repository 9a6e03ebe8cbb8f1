/**
 * Errors the app itself raises (not the Incydr API): a stable code, an optional sentence and optional
 * `details` for the UI — for example the server's current case with CASE_CHANGED, so the editor can
 * show both versions. `toIpcError` passes all three across the contract, so never put a secret in them.
 */
import { messageFor } from '../../../src-shared/domain/problems.js';
import type { ErrorCode } from '../../../src-shared/domain/problems.js';

export interface AppErrorInit {
  /** A plain sentence for the investigator; defaults to the code's sentence. */
  message?: string;
  details?: unknown;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, init: AppErrorInit = {}) {
    super(init.message ?? messageFor(code));
    this.code = code;
    if (init.details !== undefined) this.details = init.details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** A VALIDATION error shaped like the schema's: one `{path, message}` per problem. */
export function validationError(path: string, message: string): AppError {
  return new AppError('VALIDATION', { message, details: [{ path: [path], message }] });
}
