import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { basic, start, token } from './helpers.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ cases: 5 });
});
afterAll(() => emu.close());

function payloadOf(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  expect(parts).toHaveLength(3);
  return JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('POST /v1/oauth', () => {
  it('issues a bearer JWT for HTTP Basic credentials without grant_type (as the SDK sends)', async () => {
    const res = await fetch(`${emu.url}/v1/oauth`, {
      method: 'POST',
      headers: { Authorization: basic('key-demo-0000', 'demo-secret') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe('bearer');
    expect(body.expires_in).toBe(900);
    const claims = payloadOf(body.access_token);
    expect(claims.tenantUid).toBe(emu.tenantUid);
    expect(claims.sub).toBe('key-demo-0000');
    expect(typeof claims.exp).toBe('number');
    expect(claims.exp as number).toBeGreaterThan(Date.now() / 1000 + 890);
  });

  it('accepts the portal form: query grant_type and an empty body', async () => {
    const res = await fetch(`${emu.url}/v1/oauth?grant_type=client_credentials`, {
      method: 'POST',
      headers: { Authorization: basic(emu.clientId, emu.clientSecret) },
    });
    expect(res.status).toBe(200);
  });

  it('accepts credentials in a form body', async () => {
    const res = await fetch(`${emu.url}/v1/oauth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=key-demo-0000&client_secret=demo-secret',
    });
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    const cases = await fetch(`${emu.url}/v1/cases`, {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(cases.status).toBe(200);
  });

  it('rejects a wrong grant type with 400', async () => {
    const res = await fetch(`${emu.url}/v1/oauth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&client_id=key-demo-0000&client_secret=demo-secret',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('rejects bad or missing credentials with 401', async () => {
    for (const headers of [
      { Authorization: basic('key-demo-0000', 'wrong') },
      { Authorization: basic('someone-else', 'demo-secret') },
      {} as Record<string, string>,
    ]) {
      const res = await fetch(`${emu.url}/v1/oauth`, { method: 'POST', headers });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_client');
    }
  });

  it('counts issued tokens', async () => {
    const before = emu.stats.tokensIssued;
    await token(emu);
    expect(emu.stats.tokensIssued).toBe(before + 1);
  });
});

describe('bearer tokens', () => {
  it('are required on every other endpoint (401 with a JSON body)', async () => {
    for (const path of ['/v1/cases', '/v1/cases/1', '/v1/users', '/v1/actors/actor/search']) {
      const res = await fetch(`${emu.url}${path}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('rejects a forged or garbled token', async () => {
    const good = await token(emu);
    const [head, , sig] = good.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ tenantUid: emu.tenantUid, exp: 9e9 })).toString('base64url')}.${sig}`;
    for (const t of [forged, 'not-a-jwt', `${good}x`]) {
      const res = await fetch(`${emu.url}/v1/cases`, { headers: { Authorization: `Bearer ${t}` } });
      expect(res.status).toBe(401);
    }
  });

  it('expire after the configured lifetime', async () => {
    const short = await start({ cases: 1, tokenTtlSeconds: 1 });
    try {
      const t = await token(short);
      const ok = await fetch(`${short.url}/v1/cases`, { headers: { Authorization: `Bearer ${t}` } });
      expect(ok.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await fetch(`${short.url}/v1/cases`, { headers: { Authorization: `Bearer ${t}` } });
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { message: string }).message).toMatch(/expired/);
    } finally {
      await short.close();
    }
  });

  it('stop working when revoked (simulated expiry for tests)', async () => {
    const t = await token(emu);
    emu.revokeTokens();
    const res = await fetch(`${emu.url}/v1/cases`, { headers: { Authorization: `Bearer ${t}` } });
    expect(res.status).toBe(401);
  });

  it('are not valid on another emulator instance', async () => {
    const other = await start({ cases: 1 });
    try {
      const t = await token(other);
      const res = await fetch(`${emu.url}/v1/cases`, { headers: { Authorization: `Bearer ${t}` } });
      expect(res.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('routing', () => {
  it('answers unknown paths with a JSON 404 and wrong methods with 405', async () => {
    const t = await token(emu);
    const headers = { Authorization: `Bearer ${t}` };
    const missing = await fetch(`${emu.url}/v1/nothing-here`, { headers });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 404 });
    const wrong = await fetch(`${emu.url}/v1/cases`, { method: 'PATCH', headers });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
  });

  it('listens on loopback only', () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
