/**
 * One error type for everything the client can fail at, with a stable `code` (design.md §2): the API's
 * problem code when the body names one, otherwise a code for the HTTP status or the network failure.
 */
import { findProblemCode, messageFor } from '../../../src-shared/domain/index.js';
import type { ApiProblemCode, ErrorCode } from '../../../src-shared/domain/index.js';

export interface IncydrErrorInit {
  message?: string;
  status?: number;
  problem?: string;
  description?: string | null;
  /** The folder a download was going to, for disk errors. */
  folder?: string;
  cause?: unknown;
}

export class IncydrError extends Error {
  override readonly name = 'IncydrError';
  readonly code: ErrorCode;
  readonly status?: number;
  /** The raw `problem` value of the body, even when it is not a known code. */
  readonly problem?: string;
  readonly description?: string | null;
  readonly folder?: string;

  constructor(code: ErrorCode, init: IncydrErrorInit = {}) {
    super(init.message ?? messageFor(code), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    if (init.status !== undefined) this.status = init.status;
    if (init.problem !== undefined) this.problem = init.problem;
    if (init.description !== undefined) this.description = init.description;
    if (init.folder !== undefined) this.folder = init.folder;
  }
}

export function isIncydrError(value: unknown): value is IncydrError {
  return value instanceof IncydrError;
}

export interface ParsedProblem {
  /** The `problem` string of a `{problem, description}` body, as sent. */
  problem?: string;
  description?: string | null;
  /** A known API problem code: the `problem` value, else one found anywhere in the raw body. */
  code?: ApiProblemCode;
}

/**
 * Reads an error body: `{problem, description}` JSON first, then (Spring-style JSON, plain text,
 * HTML) a substring search for a known problem code, as py42 and the old CLI do.
 */
export function parseProblemBody(body: string): ParsedProblem {
  const result: ParsedProblem = {};
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const record = parsed as Record<string, unknown>;
        if (typeof record['problem'] === 'string') result.problem = record['problem'];
        if (typeof record['description'] === 'string' || record['description'] === null) {
          result.description = record['description'];
        }
        if (result.problem !== undefined) {
          const known = findProblemCode(result.problem);
          if (known !== undefined && known === result.problem) result.code = known;
        }
      }
    } catch {
      // not JSON after all: fall through to the substring search
    }
  }
  if (result.code === undefined) {
    const found = findProblemCode(body);
    if (found !== undefined) result.code = found;
  }
  return result;
}

/** The error for a non-2xx answer. */
export function errorFromResponse(status: number, body: string): IncydrError {
  const parsed = parseProblemBody(body);
  const init: IncydrErrorInit = { status };
  if (parsed.problem !== undefined) init.problem = parsed.problem;
  if (parsed.description !== undefined) init.description = parsed.description;
  return new IncydrError(codeForStatus(status, parsed.code), init);
}

/** 401 is always AUTH_FAILED; otherwise a problem code in the body wins over the status. */
export function codeForStatus(status: number, problem?: ApiProblemCode): ErrorCode {
  if (status === 401) return 'AUTH_FAILED';
  if (status === 407) return 'PROXY';
  if (problem !== undefined) return problem;
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 408) return 'TIMEOUT';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  if (status >= 400) return 'BAD_REQUEST';
  return 'BAD_RESPONSE'; // 1xx/3xx where a 2xx was expected
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'EPROTO',
]);

/** The `code` of a Node or got error (got copies the underlying code onto its own errors). */
export function errorCodeOf(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Maps a failure without an HTTP answer (DNS, TCP, TLS, timeouts, resets) to a stable code. */
export function codeForNetworkError(error: unknown, viaProxy = false): ErrorCode {
  if (error instanceof IncydrError) return error.code;
  const code = errorCodeOf(error) ?? '';
  const name = error instanceof Error ? error.name : '';
  if (code === 'ERR_ABORTED' || name === 'AbortError' || code === 'ABORT_ERR') return 'CANCELLED';
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'TIMEOUT';
  if (code === 'ERR_UNSAFE_REDIRECT') return 'BAD_RESPONSE';
  if (code === 'ENOTFOUND') return viaProxy ? 'PROXY' : 'HOST_NOT_FOUND';
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'TLS';
  if (viaProxy && (code === 'ECONNREFUSED' || code === 'ECONNRESET')) return 'PROXY';
  return 'NETWORK';
}

export function errorFromNetwork(error: unknown, viaProxy = false): IncydrError {
  if (error instanceof IncydrError) return error;
  const code = codeForNetworkError(error, viaProxy);
  const detail = error instanceof Error ? error.message : String(error);
  const raw = errorCodeOf(error);
  return new IncydrError(code, {
    message: `${messageFor(code)} (${raw && !detail.includes(raw) ? `${raw}: ` : ''}${detail})`,
    cause: safeCause(error),
  });
}

/**
 * A copy of an error with only its name, code and message. got's errors carry the request options,
 * Authorization header included, so they must never hang off an error that may be logged,
 * inspected or sent over IPC.
 */
export function safeCause(error: unknown): Error {
  const copy = new Error(error instanceof Error ? error.message : String(error));
  if (error instanceof Error) copy.name = error.name;
  const code = errorCodeOf(error);
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}
