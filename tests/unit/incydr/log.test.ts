import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../../src-main/core/log.js';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJ0ZW5hbnRVaWQiOiJ4In0.c2lnbmF0dXJl';

function capture(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    write: (line) => lines.push(line),
    home: '/home/alice',
    secrets: ['s3cr3t-value'],
    now: () => new Date(0),
  });
  return { logger, lines };
}

describe('redact', () => {
  it('hides authorization headers, bearer and basic credentials and JWTs', () => {
    expect(redact(`Authorization: Bearer ${jwt}`)).toBe('Authorization: [redacted]');
    expect(redact('{"authorization":"Basic a2V5OnNlY3JldA=="}')).toBe('{"authorization":"[redacted]"}');
    expect(redact(`token was ${jwt}!`)).toBe('token was [redacted]!');
    expect(redact('sent bearer abc.def-ghi')).toBe('sent bearer [redacted]');
  });

  it('hides secret-looking key/value pairs', () => {
    expect(redact('client_secret=abc&x=1')).toBe('client_secret=[redacted]&x=1');
    expect(redact('{"access_token": "zzz", "expires_in": 900}')).toBe(
      '{"access_token": "[redacted]", "expires_in": 900}',
    );
    expect(redact('password: hunter2')).toBe('password: [redacted]');
  });

  it('replaces the whole home folder with ~ only', () => {
    const options = { home: '/home/al' };
    expect(redact('saved /home/al/Downloads/x.zip', options)).toBe('saved ~/Downloads/x.zip');
    expect(redact('/home/alice/x', options)).toBe('/home/alice/x');
    expect(redact('C:\\Users\\Al\\Desktop', { home: 'C:\\Users\\Al' })).toBe('~\\Desktop');
  });

  it('hides literal secrets it was given', () => {
    expect(redact('the secret is s3cr3t-value.', { secrets: ['s3cr3t-value'] })).toBe(
      'the secret is [redacted].',
    );
  });
});

describe('createLogger', () => {
  it('writes levels at or above the threshold', () => {
    const { logger, lines } = capture('info');
    logger.debug('hidden');
    logger.info('shown');
    logger.error('also shown');
    expect(lines).toEqual([
      '1970-01-01T00:00:00.000Z INFO shown',
      '1970-01-01T00:00:00.000Z ERROR also shown',
    ]);
  });

  it('redacts messages and fields, including nested ones and errors', () => {
    const { logger, lines } = capture();
    logger.debug('GET /v1/cases', {
      status: 200,
      ms: 12,
      headers: { authorization: `Bearer ${jwt}`, accept: 'application/json' },
      clientSecret: 'abc',
      path: '/home/alice/Downloads',
      error: Object.assign(new Error('failed with s3cr3t-value'), { code: 'ECONNRESET' }),
    });
    const line = lines[0] ?? '';
    expect(line).toContain('GET /v1/cases status=200 ms=12');
    expect(line).toContain('authorization:[redacted]');
    expect(line).toContain('clientSecret=[redacted]');
    expect(line).toContain('path=~/Downloads');
    expect(line).toContain('error="ECONNRESET: failed with [redacted]"');
    expect(line).not.toContain(jwt);
    expect(line).not.toContain('s3cr3t');
  });
});
