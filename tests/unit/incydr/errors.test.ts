import { describe, expect, it } from 'vitest';
import {
  codeForNetworkError,
  codeForStatus,
  errorFromNetwork,
  errorFromResponse,
  IncydrError,
  parseProblemBody,
} from '../../../src-main/core/incydr/errors.js';
import { messageFor } from '../../../src-shared/domain/index.js';

const withCode = (code: string, message = code, name = 'Error'): Error =>
  Object.assign(new Error(message), { code, name });

describe('parseProblemBody', () => {
  it('reads the {problem, description} body', () => {
    expect(parseProblemBody('{"problem":"INVALID_USER","description":"subject validation failed"}')).toEqual({
      problem: 'INVALID_USER',
      description: 'subject validation failed',
      code: 'INVALID_USER',
    });
    expect(parseProblemBody('{"problem":"NAME_EXISTS","description":null}')).toEqual({
      problem: 'NAME_EXISTS',
      description: null,
      code: 'NAME_EXISTS',
    });
  });

  it('keeps an unknown problem without inventing a code', () => {
    expect(parseProblemBody('{"problem":"SOMETHING_NEW"}')).toEqual({ problem: 'SOMETHING_NEW' });
  });

  it('finds a code by substring in Spring-style JSON, text and HTML', () => {
    const spring =
      '{"timestamp":"2024-01-01T00:00:00Z","status":400,"error":"Bad Request","message":"NO_EDITS_ONCE_CLOSED","path":"/api/v1/case"}';
    expect(parseProblemBody(spring).code).toBe('NO_EDITS_ONCE_CLOSED');
    expect(parseProblemBody('Error: CASE_ALREADY_HAS_EVENT for 0_abc').code).toBe('CASE_ALREADY_HAS_EVENT');
    expect(parseProblemBody('<html><body>TOO_MANY_EVENTS</body></html>').code).toBe('TOO_MANY_EVENTS');
    expect(parseProblemBody('{not json NAME_TOO_LONG').code).toBe('NAME_TOO_LONG');
  });

  it('returns nothing for bodies without a code', () => {
    expect(parseProblemBody('')).toEqual({});
    expect(parseProblemBody('{"error":"nope"}')).toEqual({});
    expect(parseProblemBody('[1,2]')).toEqual({});
  });
});

describe('codeForStatus and errorFromResponse', () => {
  it('maps statuses to stable codes', () => {
    expect(codeForStatus(400)).toBe('BAD_REQUEST');
    expect(codeForStatus(401)).toBe('AUTH_FAILED');
    expect(codeForStatus(403)).toBe('FORBIDDEN');
    expect(codeForStatus(404)).toBe('NOT_FOUND');
    expect(codeForStatus(407)).toBe('PROXY');
    expect(codeForStatus(408)).toBe('TIMEOUT');
    expect(codeForStatus(409)).toBe('BAD_REQUEST');
    expect(codeForStatus(429)).toBe('RATE_LIMITED');
    expect(codeForStatus(500)).toBe('SERVER_ERROR');
    expect(codeForStatus(503)).toBe('SERVER_ERROR');
  });

  it('prefers a problem code, except on 401', () => {
    expect(codeForStatus(403, 'USER_VALIDATION_FORBIDDEN')).toBe('USER_VALIDATION_FORBIDDEN');
    expect(codeForStatus(503, 'USER_VALIDATION_UNAVAILABLE')).toBe('USER_VALIDATION_UNAVAILABLE');
    expect(codeForStatus(401, 'INVALID_USER')).toBe('AUTH_FAILED');
  });

  it('builds an IncydrError with status, problem, description and the plain message', () => {
    const error = errorFromResponse(400, '{"problem":"NAME_EXISTS","description":"taken"}');
    expect(error).toBeInstanceOf(IncydrError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'NAME_EXISTS',
      status: 400,
      problem: 'NAME_EXISTS',
      description: 'taken',
    });
    expect(error.message).toBe(messageFor('NAME_EXISTS'));
    expect(errorFromResponse(404, '{}')).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(errorFromResponse(400, '{"problem":"WHATEVER"}')).toMatchObject({
      code: 'BAD_REQUEST',
      problem: 'WHATEVER',
    });
  });
});

describe('codeForNetworkError', () => {
  it('maps DNS, TLS, timeouts, cancels and resets', () => {
    expect(codeForNetworkError(withCode('ENOTFOUND'))).toBe('HOST_NOT_FOUND');
    expect(codeForNetworkError(withCode('CERT_HAS_EXPIRED'))).toBe('TLS');
    expect(codeForNetworkError(withCode('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('TLS');
    expect(codeForNetworkError(withCode('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('TLS');
    expect(codeForNetworkError(withCode('ERR_SSL_WRONG_VERSION_NUMBER'))).toBe('TLS');
    expect(codeForNetworkError(withCode('ETIMEDOUT', 'Timeout awaiting', 'TimeoutError'))).toBe('TIMEOUT');
    expect(codeForNetworkError(withCode('ERR_ABORTED', 'aborted', 'AbortError'))).toBe('CANCELLED');
    expect(codeForNetworkError(withCode('ECONNRESET'))).toBe('NETWORK');
    expect(codeForNetworkError(withCode('ECONNREFUSED'))).toBe('NETWORK');
    expect(codeForNetworkError(withCode('ERR_UNSAFE_REDIRECT'))).toBe('BAD_RESPONSE');
    expect(codeForNetworkError('weird')).toBe('NETWORK');
  });

  it('blames the proxy for refused connections when one is in use', () => {
    expect(codeForNetworkError(withCode('ECONNREFUSED'), true)).toBe('PROXY');
    expect(codeForNetworkError(withCode('ENOTFOUND'), true)).toBe('PROXY');
  });

  it('wraps with the raw code in the message and keeps IncydrErrors as they are', () => {
    const wrapped = errorFromNetwork(withCode('ECONNRESET', 'socket hang up'));
    expect(wrapped).toMatchObject({ code: 'NETWORK' });
    expect(wrapped.message).toContain('ECONNRESET: socket hang up');
    const own = new IncydrError('DISK_FULL');
    expect(errorFromNetwork(own)).toBe(own);
  });
});
