/** Tokens against the emulator: expiry mid-run, revocation, wrong credentials. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWith, clientFor, startTestEmulator } from './helpers/emulator.js';
import type { RunningEmulator } from './helpers/emulator.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ cases: 4, seed: 5, tokenTtlSeconds: 1 });
});

afterAll(async () => {
  await emu.close();
});

describe('tokens', () => {
  it('re-authenticates transparently when a 1-second token runs out mid-run', async () => {
    const client = clientFor(emu);
    const n = caseWith(emu, 'OPEN');
    const before = emu.stats.tokensIssued;
    await client.getCase(n);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await client.getCase(n);
    await client.getPage({ pgSize: 1 });
    expect(emu.stats.tokensIssued - before).toBe(2);
  });

  it('recovers from a token the server stopped accepting (401) with one fresh token', async () => {
    emu.setTokenTtl(900);
    const client = clientFor(emu);
    const n = caseWith(emu, 'OPEN');
    await client.getCase(n);
    const before = emu.stats.tokensIssued;
    emu.revokeTokens();
    expect((await client.getCase(n)).number).toBe(n);
    expect(emu.stats.tokensIssued - before).toBe(1);
    // Concurrent callers that all meet the 401 still share one refresh per rejected token.
    emu.revokeTokens();
    const results = await Promise.all(Array.from({ length: 5 }, () => client.getCase(n)));
    expect(results.every((r) => r.number === n)).toBe(true);
    expect(emu.stats.tokensIssued - before).toBe(2);
  });

  it('reports a wrong secret as AUTH_FAILED', async () => {
    const client = clientFor(emu, { clientSecret: 'not-the-secret' });
    await expect(client.authenticate()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    await expect(client.getPage()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('close() forgets the token', async () => {
    emu.setTokenTtl(900);
    const client = clientFor(emu);
    await client.authenticate();
    const before = emu.stats.tokensIssued;
    client.close();
    await client.tenantId();
    expect(emu.stats.tokensIssued - before).toBe(1);
  });
});
