import { describe, expect, it } from 'vitest';
import { jwtClaims, refreshMarginMs, TokenSource } from '../../../src-main/core/incydr/auth.js';
import type { TokenGrant } from '../../../src-main/core/incydr/auth.js';
import { IncydrError } from '../../../src-main/core/incydr/errors.js';

const jwt = (claims: object): string =>
  `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

/** A fake token endpoint: counts calls, answers when released. */
function fakeEndpoint(expiresIn = 900) {
  let calls = 0;
  const waiting: (() => void)[] = [];
  const fetchGrant = (): Promise<TokenGrant> => {
    calls++;
    const n = calls;
    return new Promise((resolve) =>
      waiting.push(() => resolve({ accessToken: jwt({ tenantUid: 't', n }), expiresIn })),
    );
  };
  const release = (): void => {
    for (const answer of waiting.splice(0)) answer();
  };
  return { fetchGrant, release, calls: () => calls };
}

describe('refreshMarginMs', () => {
  it('is 60 s for long tokens and a fifth of the lifetime for short ones', () => {
    expect(refreshMarginMs(900)).toBe(60_000);
    expect(refreshMarginMs(300)).toBe(60_000);
    expect(refreshMarginMs(100)).toBe(20_000);
    expect(refreshMarginMs(1)).toBe(200);
  });
});

describe('TokenSource', () => {
  it('shares one refresh between concurrent callers', async () => {
    const endpoint = fakeEndpoint();
    const tokens = new TokenSource(endpoint.fetchGrant);
    const all = Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    endpoint.release();
    const [a, b, c] = await all;
    expect(endpoint.calls()).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it('reuses the token until the margin before expiry, then refreshes', async () => {
    let now = 1_000_000;
    let calls = 0;
    const tokens = new TokenSource(
      () => Promise.resolve({ accessToken: jwt({ tenantUid: 't', n: ++calls }), expiresIn: 900 }),
      () => now,
    );
    const first = await tokens.get();
    now += 900_000 - 60_000 - 1; // one millisecond before the margin
    expect(await tokens.get()).toBe(first);
    now += 1;
    const second = await tokens.get();
    expect(second).not.toBe(first);
    expect(calls).toBe(2);
  });

  it('counts the lifetime from when the request was sent', async () => {
    let now = 0;
    let calls = 0;
    const tokens = new TokenSource(
      async () => {
        calls++;
        now += 5000; // the answer takes five seconds
        return { accessToken: `t${calls}`, expiresIn: 10 }; // margin 2 s → refresh at 8 s after sending
      },
      () => now,
    );
    await tokens.get();
    now = 7999;
    expect(await tokens.get()).toBe('t1');
    now = 8000;
    expect(await tokens.get()).toBe('t2');
  });

  it('forgets an invalidated token, but not a newer one', async () => {
    let calls = 0;
    const tokens = new TokenSource(() => Promise.resolve({ accessToken: `t${++calls}`, expiresIn: 900 }));
    const first = await tokens.get();
    tokens.invalidate('something-else');
    expect(await tokens.get()).toBe(first);
    tokens.invalidate(first);
    expect(await tokens.get()).toBe('t2');
  });

  it('lets a failed refresh be tried again', async () => {
    let calls = 0;
    const tokens = new TokenSource(() =>
      ++calls === 1
        ? Promise.reject(new IncydrError('AUTH_FAILED'))
        : Promise.resolve({ accessToken: 'ok', expiresIn: 900 }),
    );
    await expect(tokens.get()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(await tokens.get()).toBe('ok');
  });

  it('clear() drops the token and ignores a refresh that was in flight', async () => {
    const endpoint = fakeEndpoint();
    const tokens = new TokenSource(endpoint.fetchGrant);
    const inFlight = tokens.get();
    tokens.clear();
    endpoint.release();
    await inFlight;
    const next = tokens.get();
    endpoint.release();
    await next;
    expect(endpoint.calls()).toBe(2);
  });

  it('reads tenantUid from the JWT', async () => {
    const tokens = new TokenSource(() =>
      Promise.resolve({ accessToken: jwt({ tenantUid: 'abc-123' }), expiresIn: 900 }),
    );
    expect(await tokens.tenantId()).toBe('abc-123');
    const noClaim = new TokenSource(() =>
      Promise.resolve({ accessToken: jwt({ sub: 'x' }), expiresIn: 900 }),
    );
    await expect(noClaim.tenantId()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('jwtClaims', () => {
  it('decodes the payload and tolerates junk', () => {
    expect(jwtClaims(jwt({ tenantUid: 'x', n: 1 }))).toEqual({ tenantUid: 'x', n: 1 });
    expect(jwtClaims('not-a-jwt')).toEqual({});
    expect(jwtClaims('a.!!!.c')).toEqual({});
    expect(jwtClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toEqual({});
  });
});
