import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS, FaultInjector } from '../../../src-main/emulator/faults.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { basic, raw, start, token } from './helpers.js';
import type { RawResult } from './helpers.js';

let emu: RunningEmulator;
let auth: Record<string, string>;

beforeAll(async () => {
  emu = await start({ cases: 10 });
  auth = { Authorization: `Bearer ${await token(emu)}` };
});
afterEach(() => emu.setFaultRate(0));
afterAll(() => emu.close());

const declared = (r: RawResult): number => Number(r.headers['content-length']);

describe('fault injection', () => {
  it('with faultRate 1 every kind appears, each behaving as described', async () => {
    emu.resetStats();
    emu.setFaultRate(1);
    const results = await Promise.all(
      Array.from({ length: 48 }, async () => {
        const t0 = performance.now();
        const r = await raw(`${emu.url}/v1/cases`, auth);
        return { r, ms: performance.now() - t0 };
      }),
    );
    emu.setFaultRate(0);
    for (const kind of FAULT_KINDS) expect(emu.stats.faults[kind], kind).toBeGreaterThan(0);
    expect(Object.values(emu.stats.faults).reduce((x, y) => x + y, 0)).toBe(48);

    const ok = results.filter(({ r }) => r.status === 200 && r.complete);
    const statuses = results.map(({ r }) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(emu.stats.faults['rate-limit']);
    expect(statuses.filter((s) => s === 500)).toHaveLength(emu.stats.faults['server-error']);
    expect(statuses.filter((s) => s === 503)).toHaveLength(emu.stats.faults.unavailable);
    // Latency answers arrive whole, late.
    expect(ok).toHaveLength(emu.stats.faults.latency);
    for (const { ms } of ok) expect(ms).toBeGreaterThanOrEqual(195);
    for (const { r } of results.filter(({ r }) => r.status === 429))
      expect(r.headers['retry-after']).toBe('1');
    // Cut answers: headers arrived, the body did not (fully).
    const cut = results.filter(({ r }) => r.status === 200 && !r.complete);
    expect(cut).toHaveLength(emu.stats.faults.reset + emu.stats.faults['wrong-length']);
    for (const { r } of cut) {
      expect(r.body.length).toBeLessThan(declared(r));
      expect(r.error).toBeDefined();
    }
  });

  it('reset cuts a download mid-body and really resets the connection', async () => {
    const n = emu.caseNumbers('OPEN').find((c) => emu.eventIdsOnCase(c).length > 3)!;
    emu.queueFaults('reset');
    const r = await raw(`${emu.url}/v1/cases/${n}/export/full`, auth);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.body.length).toBeGreaterThan(0);
    expect(r.body.length).toBeLessThan(declared(r));
    expect(r.complete).toBe(false);
    expect(r.error).toMatch(/ECONNRESET|aborted|closed early/);
    const whole = await raw(`${emu.url}/v1/cases/${n}/export/full`, auth);
    expect(whole.complete).toBe(true);
    expect(whole.body.subarray(0, r.body.length).equals(r.body)).toBe(true);
  });

  it('wrong-length declares more bytes than it sends, then closes', async () => {
    emu.queueFaults('wrong-length');
    const r = await raw(`${emu.url}/v1/cases/1`, auth);
    expect(r.status).toBe(200);
    expect(r.complete).toBe(false);
    expect(declared(r)).toBeGreaterThan(r.body.length);
    // Every byte promised up to the real end was sent: the JSON itself is whole.
    expect(JSON.parse(r.body.toString('utf8'))).toMatchObject({ number: 1 });
  });

  it('pre-execution faults on a POST execute nothing', async () => {
    const before = emu.caseNumbers().length;
    const executed = emu.stats.executed['POST /v1/cases'] ?? 0;
    emu.queueFaults('rate-limit', 'server-error', 'unavailable');
    const headers = { ...auth, 'Content-Type': 'application/json' };
    const statuses: (number | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await raw(`${emu.url}/v1/cases`, headers, 'POST', JSON.stringify({ name: `pre ${i}` }))).status,
      );
    }
    expect(statuses).toEqual([429, 500, 503]);
    expect(emu.caseNumbers().length).toBe(before);
    expect(emu.stats.executed['POST /v1/cases'] ?? 0).toBe(executed);
  });

  it('a reset after a POST executed it: the client sees an error, the case exists', async () => {
    const before = emu.caseNumbers().length;
    const executed = emu.stats.executed['POST /v1/cases'] ?? 0;
    emu.queueFaults('reset');
    const headers = { ...auth, 'Content-Type': 'application/json' };
    const r = await raw(`${emu.url}/v1/cases`, headers, 'POST', JSON.stringify({ name: 'created then cut' }));
    expect(r.complete).toBe(false);
    expect(emu.caseNumbers().length).toBe(before + 1);
    expect(emu.stats.executed['POST /v1/cases']).toBe(executed + 1);
  });

  it('a reset on a 204 attach drops the connection before any answer, after attaching', async () => {
    const n = emu.caseNumbers('OPEN')[0]!;
    const [id] = emu.unattachedEventIds(1) as [string];
    emu.queueFaults('reset');
    const headers = { ...auth, 'Content-Type': 'application/json' };
    const r = await raw(
      `${emu.url}/v1/cases/${n}/fileevent`,
      headers,
      'POST',
      JSON.stringify({ events: [id] }),
    );
    expect(r.status).toBeUndefined();
    expect(r.error).toBeDefined();
    expect(emu.eventIdsOnCase(n)).toContain(id);
  });

  it('the token endpoint misbehaves too', async () => {
    emu.queueFaults('unavailable');
    const r = await raw(
      `${emu.url}/v1/oauth`,
      { Authorization: basic(emu.clientId, emu.clientSecret) },
      'POST',
    );
    expect(r.status).toBe(503);
    expect(emu.stats.received['POST /v1/oauth']).toBeGreaterThan(0);
  });

  it('setFaultRate(0) stops the faults', async () => {
    emu.setFaultRate(1);
    emu.setFaultRate(0);
    const results = await Promise.all(Array.from({ length: 10 }, () => raw(`${emu.url}/v1/cases`, auth)));
    expect(results.every((r) => r.status === 200 && r.complete)).toBe(true);
  });
});

describe('FaultInjector', () => {
  it('is deterministic from the seed, in arrival order, at the given rate', () => {
    const plans = (seed: number) => {
      const f = new FaultInjector(seed, 0.3);
      return Array.from({ length: 2000 }, () => f.next()?.kind ?? 'none');
    };
    expect(plans(42)).toEqual(plans(42));
    expect(plans(42)).not.toEqual(plans(43));
    const faulty = plans(42).filter((k) => k !== 'none').length;
    expect(faulty / 2000).toBeGreaterThan(0.25);
    expect(faulty / 2000).toBeLessThan(0.35);
  });

  it('keeps latency within 200–800 ms and never faults at rate 0', () => {
    const f = new FaultInjector(1, 1);
    for (let i = 0; i < 500; i++) {
      const plan = f.next()!;
      expect(plan.delayMs).toBeGreaterThanOrEqual(200);
      expect(plan.delayMs).toBeLessThanOrEqual(800);
    }
    const none = new FaultInjector(1, 0);
    expect(Array.from({ length: 500 }, () => none.next()).every((p) => p === undefined)).toBe(true);
  });
});
