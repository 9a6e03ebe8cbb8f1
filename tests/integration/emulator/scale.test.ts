/** 20,000 cases: the seeded tenant starts quickly and pages stay correct (timings are for the bench). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePage } from '../../../src-shared/domain/index.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { api, start } from './helpers.js';
import type { Api } from './helpers.js';

let emu: RunningEmulator;
let a: Api;
let startMs: number;

beforeAll(async () => {
  const t0 = performance.now();
  emu = await start({ cases: 20_000 });
  startMs = performance.now() - t0;
  a = await api(emu);
});
afterAll(() => emu.close());

describe('a 20,000-case tenant', () => {
  it('starts in seconds, not minutes (a guard against accidental quadratic seeding)', () => {
    expect(startMs).toBeLessThan(10_000);
  });

  it('pages, filters and sorts over all cases', async () => {
    const last = await a.json<CasePage>('/v1/cases?pgNum=200&pgSize=100&srtKey=number&srtDir=asc');
    expect(last.totalCount).toBe(20_000);
    expect(last.cases.map((c) => c.number)).toEqual([...Array(100).keys()].map((i) => 19_901 + i));
    const open = await a.json<CasePage>('/v1/cases?status=OPEN&pgSize=50&srtKey=name&srtDir=desc');
    expect(open.totalCount).toBeGreaterThan(10_000);
    const names = open.cases.map((c) => c.name.toLowerCase());
    expect([...names].sort().reverse()).toEqual(names);
    const none = await a.json<CasePage>('/v1/cases?pgNum=201&pgSize=100');
    expect(none).toEqual({ cases: [], totalCount: 20_000 });
    const unique = new Set((await a.json<CasePage>('/v1/cases?pgSize=20000')).cases.map((c) => c.name));
    expect(unique.size).toBe(20_000);
  });
});
