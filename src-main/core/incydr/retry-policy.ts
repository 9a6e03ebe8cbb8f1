/**
 * When to try a request again (design.md §3). Idempotent methods (GET, PUT, DELETE) retry on
 * 408/429/5xx and on network failures. POST creates things (a case, event links), so it is retried only
 * when the server cannot have acted on it: a 429 refusal, or a connection that never got established.
 */
import { errorCodeOf, IncydrError } from './errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Failures of the connection or the body that are worth another attempt. */
const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_READING_RESPONSE_STREAM',
  'HPE_INVALID_CONSTANT',
  'HPE_UNEXPECTED_CONTENT_LENGTH',
  'LENGTH_MISMATCH', // a download that ended short; the whole GET is repeated
]);

/** Failures that happen before a single byte of the request left this machine. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
/** got timeout phases that end before the request is written. */
const NOT_SENT_TIMEOUT_EVENTS: ReadonlySet<string> = new Set(['lookup', 'connect', 'secureConnect']);

export type Failure =
  { kind: 'status'; status: number } | { kind: 'network'; code: string; notSent: boolean };

/** Describes a thrown error for the policy; undefined when it must never be retried (cancel, disk). */
export function describeFailure(error: unknown): Failure | undefined {
  if (error instanceof IncydrError) {
    return error.code === 'LENGTH_MISMATCH'
      ? { kind: 'network', code: 'LENGTH_MISMATCH', notSent: false }
      : undefined;
  }
  const code = errorCodeOf(error) ?? 'UNKNOWN';
  if (code === 'ERR_ABORTED' || code === 'ABORT_ERR') return undefined;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') {
    const event = (error as { event?: unknown }).event;
    const notSent = typeof event === 'string' && NOT_SENT_TIMEOUT_EVENTS.has(event);
    return { kind: 'network', code: 'ETIMEDOUT', notSent };
  }
  return { kind: 'network', code, notSent: NOT_SENT_CODES.has(code) };
}

/**
 * Whether this failure of this method may be retried. `alwaysSafe` marks requests that are safe to
 * repeat whatever their method (the token request: it changes nothing on the server).
 */
export function isRetryable(method: HttpMethod, failure: Failure, alwaysSafe = false): boolean {
  const idempotent = method !== 'POST' || alwaysSafe;
  if (failure.kind === 'status') {
    if (!RETRY_STATUSES.has(failure.status)) return false;
    return idempotent || failure.status === 429;
  }
  if (!TRANSIENT_NETWORK_CODES.has(failure.code)) return false;
  return idempotent || failure.notSent;
}

/**
 * `Retry-After` as milliseconds from now: delta-seconds or an HTTP date. Undefined when absent or
 * unreadable; never negative.
 */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/u.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names a day or month; this keeps Date.parse from reading `-5` as a year.
  if (!/[A-Za-z]{3}/u.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Exponential backoff with jitter: attempt 0 waits base/2…base, each next attempt doubles, up to capMs. */
export function backoffDelay(
  attempt: number,
  baseDelayMs: number,
  random = Math.random,
  capMs = 15_000,
): number {
  const ceiling = Math.min(capMs, baseDelayMs * 2 ** attempt);
  // "Equal jitter": at least half the step, so retries never bunch up at zero.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
