import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePage, CaseSlim } from '../../../src-shared/domain/index.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { api, problemOf, start } from './helpers.js';
import type { Api } from './helpers.js';

let emu: RunningEmulator;
let a: Api;
let all: CaseSlim[];

beforeAll(async () => {
  emu = await start({ cases: 60 });
  a = await api(emu);
  all = (await a.json<CasePage>('/v1/cases')).cases;
});
afterAll(() => emu.close());

const list = (query: string): Promise<CasePage> => a.json<CasePage>(`/v1/cases?${query}`);
const numbers = (page: CasePage): number[] => page.cases.map((c) => c.number);

/** Microseconds since the epoch of an API timestamp, for exact comparisons in the test. */
function micros(iso: string): bigint {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso);
  if (!m) throw new Error(`unexpected timestamp ${iso}`);
  return BigInt(Date.parse(`${m[1]}Z`)) * 1000n + BigInt((m[2] ?? '').padEnd(6, '0').slice(0, 6));
}

describe('GET /v1/cases defaults', () => {
  it('returns every case, slim, sorted by number, with totalCount', async () => {
    expect(all).toHaveLength(60);
    expect(numbers({ cases: all, totalCount: 0 })).toEqual([...Array(60).keys()].map((i) => i + 1));
    const first = all[0] as CaseSlim & Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(
      [
        'number',
        'name',
        'createdAt',
        'updatedAt',
        'subject',
        'subjectUsername',
        'status',
        'assignee',
        'assigneeUsername',
        'createdByUserUid',
        'createdByUsername',
        'lastModifiedByUserUid',
        'lastModifiedByUsername',
        'archivalTime',
      ].sort(),
    );
    expect(first.description).toBeUndefined();
    expect(first.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('seeds every status, unique names of at most 50 characters, and string IDs', () => {
    const statuses = new Set(all.map((c) => c.status));
    expect(statuses).toEqual(new Set(['OPEN', 'CLOSED', 'ARCHIVED']));
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    for (const c of all) {
      expect(c.name.length).toBeLessThanOrEqual(50);
      if (c.assignee !== null) expect(c.assignee).toMatch(/^\d{18,19}$/);
      if (c.subject !== null) expect(c.subject).toMatch(/^\d{18,19}$/);
      if (c.status === 'OPEN') expect(c.archivalTime).toBeNull();
      else expect(c.archivalTime).not.toBeNull();
    }
    expect(all.some((c) => c.assignee === null)).toBe(true);
  });
});

describe('filters', () => {
  it('status is repeatable (and comma lists work too)', async () => {
    const open = await list('status=OPEN');
    expect(open.totalCount).toBe(all.filter((c) => c.status === 'OPEN').length);
    expect(open.cases.every((c) => c.status === 'OPEN')).toBe(true);
    const two = await list('status=CLOSED&status=ARCHIVED');
    expect(two.totalCount).toBe(all.filter((c) => c.status !== 'OPEN').length);
    expect(two.cases.every((c) => c.status !== 'OPEN')).toBe(true);
    expect((await list('status=CLOSED,ARCHIVED')).totalCount).toBe(two.totalCount);
  });

  it('rejects an unknown status with 400', async () => {
    const res = await a.get('/v1/cases?status=REOPENED');
    expect(res.status).toBe(400);
  });

  it('assignee, subject and lastModifiedBy match IDs exactly', async () => {
    const sample = all.find((c) => c.assignee !== null && c.subject !== null) as CaseSlim;
    const byAssignee = await list(`assignee=${sample.assignee}`);
    expect(byAssignee.totalCount).toBe(all.filter((c) => c.assignee === sample.assignee).length);
    expect(byAssignee.cases.every((c) => c.assignee === sample.assignee)).toBe(true);
    const bySubject = await list(`subject=${sample.subject}`);
    expect(bySubject.cases.map((c) => c.number)).toContain(sample.number);
    expect(bySubject.cases.every((c) => c.subject === sample.subject)).toBe(true);
    const byModifier = await list(`lastModifiedBy=${sample.lastModifiedByUserUid}`);
    expect(byModifier.totalCount).toBe(
      all.filter((c) => c.lastModifiedByUserUid === sample.lastModifiedByUserUid).length,
    );
    expect((await list('assignee=000')).totalCount).toBe(0);
  });

  it('isAssigned accepts booleans in any case and splits the cases in two', async () => {
    const assigned = await list('isAssigned=True');
    const unassigned = await list('isAssigned=FALSE');
    expect(assigned.cases.every((c) => c.assignee !== null)).toBe(true);
    expect(unassigned.cases.every((c) => c.assignee === null)).toBe(true);
    expect(assigned.totalCount + unassigned.totalCount).toBe(all.length);
    expect((await list('isAssigned=true')).totalCount).toBe(assigned.totalCount);
    expect((await a.get('/v1/cases?isAssigned=maybe')).status).toBe(400);
  });

  it('name is a case-insensitive substring match', async () => {
    const target = all[10] as CaseSlim;
    const word = target.name.split(' ')[1] ?? target.name;
    const hits = await list(`name=${encodeURIComponent(word.toUpperCase())}`);
    expect(hits.cases.map((c) => c.number)).toContain(target.number);
    expect(hits.totalCount).toBe(all.filter((c) => c.name.toLowerCase().includes(word.toLowerCase())).length);
    expect((await list('name=zzz-no-such-case')).totalCount).toBe(0);
  });

  it('createdAt and updatedAt take ISO-8601 intervals with 0–9 fractional digits and offsets', async () => {
    const sorted = [...all].sort((x, y) => (micros(x.createdAt) < micros(y.createdAt) ? -1 : 1));
    const from = sorted[10] as CaseSlim;
    const to = sorted[30] as CaseSlim;
    // Exact bounds, microseconds: both ends inclusive.
    const exact = await list(`createdAt=${encodeURIComponent(`${from.createdAt}/${to.createdAt}`)}`);
    expect(exact.totalCount).toBe(21);
    expect(new Set(numbers(exact))).toEqual(new Set(sorted.slice(10, 31).map((c) => c.number)));

    const day = (iso: string): string => iso.slice(0, 10);
    const expectDays = (start: string, end: string): number =>
      all.filter((c) => micros(c.createdAt) >= micros(start) && micros(c.createdAt) <= micros(end)).length;
    const start = `${day(from.createdAt)}T00:00:00Z`;
    const end = `${day(to.createdAt)}T23:59:59Z`;
    const expected = expectDays(start, end);
    for (const interval of [
      `${start}/${end}`,
      `${day(from.createdAt)}T00:00:00.000Z/${day(to.createdAt)}T23:59:59.000Z`,
      `${day(from.createdAt)}T00:00:00.000000Z/${day(to.createdAt)}T23:59:59.000000Z`,
      `${day(from.createdAt)}T00:00:00.000000000Z/${day(to.createdAt)}T23:59:59.000000000Z`,
      `${day(from.createdAt)}T02:00:00+02:00/${day(to.createdAt)}T23:59:59+00:00`,
    ]) {
      expect((await list(`createdAt=${encodeURIComponent(interval)}`)).totalCount, interval).toBe(expected);
    }
    const updated = await list(`updatedAt=${encodeURIComponent(`${start}/${end}`)}`);
    expect(updated.totalCount).toBe(
      all.filter(
        (c) => micros(c.updatedAt ?? '') >= micros(start) && micros(c.updatedAt ?? '') <= micros(end),
      ).length,
    );
  });

  it('rejects bad intervals with INVALID_TIME_INTERVAL', async () => {
    for (const bad of [
      'yesterday',
      '2024-01-01T00:00:00Z',
      '2024-02-01T00:00:00Z/2024-01-01T00:00:00Z',
      '2024-02-30T00:00:00Z/2024-03-01T00:00:00Z',
      '2024-01-01T00:00:00.1234567890Z/2024-03-01T00:00:00Z',
      '2024-01-01 00:00:00Z/2024-03-01T00:00:00Z',
      '2024-01-01T00:00:00/2024-03-01T00:00:00',
    ]) {
      for (const param of ['createdAt', 'updatedAt']) {
        const res = await a.get(`/v1/cases?${param}=${encodeURIComponent(bad)}`);
        expect(res.status, bad).toBe(400);
        expect((await problemOf(res)).problem).toBe('INVALID_TIME_INTERVAL');
      }
    }
  });

  it('combines filters with AND', async () => {
    const page = await list('status=OPEN&isAssigned=true');
    expect(page.totalCount).toBe(all.filter((c) => c.status === 'OPEN' && c.assignee !== null).length);
  });
});

describe('paging', () => {
  it('walks pages of any size and returns an empty page past the end', async () => {
    const seen: number[] = [];
    for (let pg = 1; pg <= 9; pg++) {
      const page = await list(`pgNum=${pg}&pgSize=7`);
      expect(page.totalCount).toBe(60);
      seen.push(...numbers(page));
    }
    expect(seen).toEqual(numbers({ cases: all, totalCount: 0 }));
    const past = await list('pgNum=10&pgSize=7');
    expect(past).toEqual({ cases: [], totalCount: 60 });
    expect(await list('pgNum=99999&pgSize=2147483647')).toEqual({ cases: [], totalCount: 60 });
  });

  it('rejects bad page numbers and sizes with their problem codes', async () => {
    for (const [query, code] of [
      ['pgNum=0', 'INVALID_PAGE_NUMBER'],
      ['pgNum=-1', 'INVALID_PAGE_NUMBER'],
      ['pgNum=abc', 'INVALID_PAGE_NUMBER'],
      ['pgNum=1.5', 'INVALID_PAGE_NUMBER'],
      ['pgSize=0', 'INVALID_PAGE_SIZE'],
      ['pgSize=2.5', 'INVALID_PAGE_SIZE'],
      ['pgSize=2147483648', 'INVALID_PAGE_SIZE'],
    ] as const) {
      const res = await a.get(`/v1/cases?${query}`);
      expect(res.status, query).toBe(400);
      expect(await problemOf(res)).toMatchObject({ problem: code });
    }
  });
});

describe('sorting', () => {
  const value = (c: CaseSlim, key: string): string | number | bigint | null => {
    switch (key) {
      case 'createdAt':
      case 'updatedAt':
      case 'archivalTime': {
        const v = c[key];
        return v === null ? null : micros(v);
      }
      case 'name':
        return c.name.toLowerCase();
      case 'assigneeUsername':
      case 'subjectUsername':
        return c[key]?.toLowerCase() ?? null;
      default:
        return c[key as 'number' | 'status'];
    }
  };
  /** Ascending with nulls last; descending reverses, so nulls come first. */
  const cmp = (x: ReturnType<typeof value>, y: ReturnType<typeof value>): number =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;

  for (const key of [
    'number',
    'name',
    'createdAt',
    'updatedAt',
    'status',
    'assigneeUsername',
    'subjectUsername',
    'archivalTime',
  ]) {
    for (const dir of ['asc', 'desc']) {
      it(`sorts by ${key} ${dir}`, async () => {
        const page = await list(`srtKey=${key}&srtDir=${dir}&pgSize=60`);
        const sign = dir === 'asc' ? 1 : -1;
        for (let i = 1; i < page.cases.length; i++) {
          const prev = page.cases[i - 1] as CaseSlim;
          const cur = page.cases[i] as CaseSlim;
          const c = sign * cmp(value(prev, key), value(cur, key));
          expect(c, `${prev.number} before ${cur.number}`).toBeLessThanOrEqual(0);
          // Ties are broken by number, ascending.
          if (c === 0) expect(prev.number).toBeLessThan(cur.number);
        }
      });
    }
  }

  it('pairs repeated srtKey/srtDir by position; a key without a direction sorts ascending', async () => {
    const page = await list('srtKey=status&srtKey=createdAt&srtDir=desc&pgSize=60');
    const order = page.cases.map((c) => c.status);
    expect(order[0]).toBe('OPEN');
    expect(order[order.length - 1]).toBe('ARCHIVED');
    for (let i = 1; i < page.cases.length; i++) {
      const prev = page.cases[i - 1] as CaseSlim;
      const cur = page.cases[i] as CaseSlim;
      if (prev.status === cur.status) expect(micros(prev.createdAt) <= micros(cur.createdAt)).toBe(true);
    }
    const defaults = await list('srtDir=desc&pgSize=3');
    expect(numbers(defaults)).toEqual([60, 59, 58]);
  });

  it('rejects an unknown sort key or direction with 400', async () => {
    expect((await a.get('/v1/cases?srtKey=description')).status).toBe(400);
    expect((await a.get('/v1/cases?srtKey=number&srtDir=up')).status).toBe(400);
  });
});
