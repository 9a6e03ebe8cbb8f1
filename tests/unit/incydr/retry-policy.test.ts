import { describe, expect, it } from 'vitest';
import { IncydrError } from '../../../src-main/core/incydr/errors.js';
import {
  backoffDelay,
  describeFailure,
  isRetryable,
  parseRetryAfter,
} from '../../../src-main/core/incydr/retry-policy.js';
import type { Failure, HttpMethod } from '../../../src-main/core/incydr/retry-policy.js';

const status = (s: number): Failure => ({ kind: 'status', status: s });
const network = (code: string, notSent = false): Failure => ({ kind: 'network', code, notSent });
const withCode = (code: string, name = 'RequestError', extra: object = {}): Error =>
  Object.assign(new Error(code), { code, name, ...extra });

describe('isRetryable', () => {
  const idempotent: HttpMethod[] = ['GET', 'PUT', 'DELETE'];

  it('retries idempotent methods on 408, 429 and 5xx gateway statuses only', () => {
    for (const method of idempotent) {
      for (const s of [408, 429, 500, 502, 503, 504])
        expect(isRetryable(method, status(s)), `${method} ${s}`).toBe(true);
      for (const s of [400, 401, 403, 404, 409, 501, 505])
        expect(isRetryable(method, status(s)), `${method} ${s}`).toBe(false);
    }
  });

  it('retries idempotent methods on transient network failures', () => {
    for (const code of [
      'ECONNRESET',
      'ECONNREFUSED',
      'ETIMEDOUT',
      'EPIPE',
      'ERR_STREAM_PREMATURE_CLOSE',
      'LENGTH_MISMATCH',
    ]) {
      expect(isRetryable('GET', network(code)), code).toBe(true);
    }
    for (const code of ['ENOTFOUND', 'CERT_HAS_EXPIRED', 'ERR_UNSAFE_REDIRECT', 'UNKNOWN']) {
      expect(isRetryable('GET', network(code)), code).toBe(false);
    }
  });

  it('retries POST only on 429 and on failures before the request was sent', () => {
    expect(isRetryable('POST', status(429))).toBe(true);
    for (const s of [408, 500, 502, 503, 504]) expect(isRetryable('POST', status(s)), String(s)).toBe(false);
    expect(isRetryable('POST', network('ECONNREFUSED', true))).toBe(true);
    expect(isRetryable('POST', network('ECONNRESET'))).toBe(false);
    expect(isRetryable('POST', network('ETIMEDOUT'))).toBe(false);
    expect(isRetryable('POST', network('ERR_STREAM_PREMATURE_CLOSE'))).toBe(false);
  });

  it('retries the token POST like an idempotent request', () => {
    expect(isRetryable('POST', status(503), true)).toBe(true);
    expect(isRetryable('POST', network('ECONNRESET'), true)).toBe(true);
    expect(isRetryable('POST', status(401), true)).toBe(false);
  });
});

describe('describeFailure', () => {
  it('knows which failures happened before sending', () => {
    expect(describeFailure(withCode('ECONNREFUSED'))).toEqual(network('ECONNREFUSED', true));
    expect(describeFailure(withCode('ECONNRESET'))).toEqual(network('ECONNRESET', false));
    expect(describeFailure(withCode('ETIMEDOUT', 'TimeoutError', { event: 'connect' }))).toEqual(
      network('ETIMEDOUT', true),
    );
    expect(describeFailure(withCode('ETIMEDOUT', 'TimeoutError', { event: 'response' }))).toEqual(
      network('ETIMEDOUT', false),
    );
  });

  it('never retries a cancel or a disk error; retries a short download', () => {
    expect(describeFailure(withCode('ERR_ABORTED', 'AbortError'))).toBeUndefined();
    expect(describeFailure(new IncydrError('DISK_FULL'))).toBeUndefined();
    expect(describeFailure(new IncydrError('CANCELLED'))).toBeUndefined();
    expect(describeFailure(new IncydrError('LENGTH_MISMATCH'))).toEqual(network('LENGTH_MISMATCH'));
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2024, 0, 1, 0, 0, 0);

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
  });

  it('never returns a negative wait; ignores junk', () => {
    expect(parseRetryAfter('Sun, 31 Dec 2023 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt, with jitter between half and all of the step, capped', () => {
    expect(backoffDelay(0, 100, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, () => 0)).toBe(400);
    expect(backoffDelay(3, 100, () => 1)).toBe(800);
    expect(backoffDelay(20, 100, () => 1, 5000)).toBe(5000);
  });
});
