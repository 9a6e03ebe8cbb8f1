import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFileEvent, CaseFileEventPage, FileEventV2 } from '../../../src-shared/domain/index.js';
import { apiGet, parseJson, startCliHarness } from './helpers.js';
import type { CliHarness } from './helpers.js';

let h: CliHarness;
let dir: string;

beforeAll(async () => {
  h = await startCliHarness({ cases: 40, seed: 5, eventsPerCase: { min: 3, max: 8 } });
  openCases = h.emu.caseNumbers('OPEN').filter((c) => h.emu.eventIdsOnCase(c).length > 0);
  dir = await mkdtemp(path.join(tmpdir(), 'case-desk-cli-ids-'));
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

/** Open cases with events, handed out one per test so tests do not see each other's changes. */
let openCases: number[] = [];
let nextOpen = 0;
function freshOpenCase(): number {
  const n = openCases[nextOpen++];
  if (n === undefined) throw new Error('ran out of open cases');
  return n;
}

/** Unattached IDs, never handed out twice. */
let taken = 0;
function freeIds(count: number): string[] {
  const ids = h.emu.unattachedEventIds(taken + count).slice(taken);
  taken += count;
  expect(ids).toHaveLength(count);
  return ids;
}

interface Result {
  eventId: string;
  result: string;
  message?: string;
}

describe('case-desk cases file-events list / show', () => {
  it('lists every event of a case as JSON equal to the API data', async () => {
    const n = freshOpenCase();
    const r = await h.run(['cases', 'file-events', 'list', String(n), '-f', 'json']);
    expect(r.code).toBe(0);
    const api = await apiGet<CaseFileEventPage>(h.emu, `/v1/cases/${n}/fileevent`);
    expect(parseJson<CaseFileEvent[]>(r.stdout)).toEqual(api.events);
  });

  it('walks past the first page (the official CLI stops at 100)', async () => {
    const n = freshOpenCase();
    const extra = freeIds(1203);
    const add = await h.run(['cases', 'file-events', 'add', String(n), '-', '-f', 'jsonl'], {
      stdin: extra.join('\n'),
    });
    expect(add.code).toBe(0);
    h.emu.resetStats();
    const r = await h.run(['cases', 'file-events', 'list', String(n), '-f', 'jsonl', '--columns', 'eventId']);
    const ids = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => parseJson<CaseFileEvent>(line).eventId);
    expect(ids).toEqual(h.emu.eventIdsOnCase(n));
    expect(ids.length).toBeGreaterThan(1203);
    expect(h.emu.stats.received['GET /v1/cases/{caseNumber}/fileevent']).toBe(3); // pages of 500
  });

  it('prints the default columns of the official CLI, and chosen ones as CSV', async () => {
    const n = freshOpenCase();
    const table = await h.run(['cases', 'file-events', 'list', String(n)]);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^eventTimestamp\s+fileName\s+filePath\s+fileAvailability\s+riskIndicators\s+riskScore\s+eventId$/,
    );
    const csv = await h.run([
      'cases',
      'file-events',
      'list',
      String(n),
      '-f',
      'csv',
      '--columns',
      'event_id',
    ]);
    expect(csv.stdout).toBe(`eventId\n${h.emu.eventIdsOnCase(n).join('\n')}\n`);
  });

  it('shows one event in full', async () => {
    const n = freshOpenCase();
    const id = h.emu.eventIdsOnCase(n)[0] ?? '';
    const json = await h.run(['cases', 'file-events', 'show', String(n), id, '-f', 'json']);
    expect(parseJson<FileEventV2>(json.stdout)).toEqual(
      await apiGet<FileEventV2>(h.emu, `/v1/cases/${n}/fileevent/${encodeURIComponent(id)}`),
    );
    const table = await h.run(['cases', 'file-events', 'show', String(n), id]);
    expect(table.stdout).toMatch(new RegExp(`^event\\.id\\s+${id}$`, 'm'));
    const missing = await h.run(['cases', 'file-events', 'show', String(n), '0_not-here']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `error: NOT_FOUND: Case ${n} has no file event 0_not-here, or there is no case ${n}.\n`,
    );
  });

  it('says plainly when there is no such case', async () => {
    const r = await h.run(['cases', 'file-events', 'list', '999999']);
    expect(r).toMatchObject({ code: 1, stderr: 'error: NOT_FOUND: There is no case 999999.\n' });
  });
});

describe('case-desk cases file-events add', () => {
  it('attaches a comma list in one batched request', async () => {
    const n = freshOpenCase();
    const ids = freeIds(3);
    h.emu.resetStats();
    const r = await h.run(['cases', 'file-events', 'add', String(n), ids.join(',')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^eventId\s+result$/),
      ...ids.map((id) => expect.stringMatching(new RegExp(`^${id}\\s+attached$`))),
    ]);
    expect(r.stderr).toBe('3 attached.\n');
    expect(h.emu.stats.received['POST /v1/cases/{caseNumber}/fileevent']).toBe(1);
    expect(h.emu.eventIdsOnCase(n)).toEqual(expect.arrayContaining(ids));
  });

  it('reads a CSV with duplicates, IDs already attached, unknown and malformed IDs, with a result per ID', async () => {
    const n = freshOpenCase();
    const [onCase] = h.emu.eventIdsOnCase(n) as [string];
    const [x, y] = freeIds(2) as [string, string];
    const file = path.join(dir, 'events.csv');
    await writeFile(
      file,
      '\uFEFFfileName,"event_id",riskScore\r\n' +
        `"report, final.pdf",${x},5\r\n` +
        `a.txt,${onCase},3\r\n` +
        `b.txt,${x},3\r\n` +
        `c.txt,0_unknown-event,1\r\n` +
        `d.txt,not/an/id,1\r\n` +
        `e.txt,${y},2\r\n`,
    );
    h.emu.resetStats();
    const r = await h.run(['cases', 'file-events', 'add', String(n), `@${file}`, '-f', 'json']);
    // One event is unknown, so the command reports a partial failure.
    expect(r.code).toBe(1);
    expect(parseJson<Result[]>(r.stdout)).toEqual([
      { eventId: x, result: 'attached' },
      { eventId: onCase, result: 'already on case' },
      { eventId: '0_unknown-event', result: 'not found' },
      { eventId: y, result: 'attached' },
    ]);
    expect(r.stderr).toContain(`warning: ${file} line 6: skipped "not/an/id": contains "/"`);
    expect(r.stderr).toContain('note: 1 repeated ID was left out.');
    expect(r.stderr).toContain('2 attached, 1 already on case, 1 not found.');
    // The batch was refused as a whole, then sent one ID at a time.
    expect(h.emu.stats.received['POST /v1/cases/{caseNumber}/fileevent']).toBe(1);
    expect(h.emu.stats.received['POST /v1/cases/{caseNumber}/fileevent/{eventId}']).toBe(4);
    expect(h.emu.eventIdsOnCase(n)).toEqual(expect.arrayContaining([x, y, onCase]));
  });

  it('exits 0 when every ID ends up on the case, including ones already there', async () => {
    const n = freshOpenCase();
    const [onCase] = h.emu.eventIdsOnCase(n) as [string];
    const [x] = freeIds(1) as [string];
    const r = await h.run(['cases', 'file-events', 'add', String(n), `${onCase};${x}`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('1 attached, 1 already on case.\n');
  });

  it('reads JSON Lines from stdin, as `incydr file-events search -f json-lines` prints them', async () => {
    const n = freshOpenCase();
    const ids = freeIds(2);
    const stdin = ids
      .map((id) => JSON.stringify({ '@timestamp': '2024-01-01T00:00:00Z', event: { id } }))
      .join('\n');
    const r = await h.run(['cases', 'file-events', 'add', String(n), '-', '-f', 'csv'], {
      stdin: `${stdin}\n{broken\n`,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`eventId,result,message\n${ids.map((id) => `${id},attached,`).join('\n')}\n`);
    expect(r.stderr).toContain('warning: stdin line 3: skipped "{broken": is not valid JSON');
  });

  it('sends large inputs in batches of 1,000', async () => {
    const n = freshOpenCase();
    const ids = freeIds(2500);
    const file = path.join(dir, 'many.txt');
    await writeFile(file, ids.join('\n'));
    h.emu.resetStats();
    const r = await h.run(['cases', 'file-events', 'add', String(n), `@${file}`, '-f', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2500);
    expect(h.emu.stats.received['POST /v1/cases/{caseNumber}/fileevent']).toBe(3);
    expect(h.emu.stats.received['POST /v1/cases/{caseNumber}/fileevent/{eventId}']).toBeUndefined();
  });

  it('says plainly that a closed case cannot take events, exit 1, sending nothing', async () => {
    const closed = h.emu.caseNumbers('CLOSED')[0];
    h.emu.resetStats();
    const r = await h.run(['cases', 'file-events', 'add', String(closed), freeIds(1).join(',')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: CASE_IS_CLOSED: Case ${closed} is closed, so its file events cannot be changed.\n`,
    );
    expect(h.emu.stats.received['POST /v1/cases/{caseNumber}/fileevent']).toBeUndefined();
  });

  it.each([
    ['an input without IDs', ['   '], /^error: The input holds only whitespace/m],
    ['a missing file', ['@/no/such/file.csv'], /^error: The file \/no\/such\/file\.csv does not exist\./m],
    [
      'a CSV without an ID column',
      ['@CSV'],
      /^error: .*nocol\.csv: The CSV has no event ID column: name the column "eventId" or "event_id"\./m,
    ],
    ['only malformed IDs', ['a/b,c|d,é'], /^error: None of the 3 entries is a valid event ID\./m],
  ])('refuses %s with exit 2', async (_label, args, message) => {
    const file = path.join(dir, 'nocol.csv');
    await writeFile(file, 'name,size\nx,1\n');
    const n = freshOpenCase();
    const resolved = args.map((a) => (a === '@CSV' ? `@${file}` : a));
    h.emu.resetStats();
    const r = await h.run(['cases', 'file-events', 'add', String(n), ...resolved]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(Object.keys(h.emu.stats.received)).toEqual([]);
  });

  it('never writes control characters from an input file to the terminal', async () => {
    const n = freshOpenCase();
    const file = path.join(dir, 'hostile.txt');
    await writeFile(file, `${freeIds(1).join('')}\nx\u001b]0;owned\u0007 \u202egnp.exe`);
    const r = await h.run(['cases', 'file-events', 'add', String(n), `@${file}`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('skipped "x\\u001B]0": contains U+001B');
    expect(r.stderr).toContain('skipped "\\u202Egnp.exe"');
    const raw = [...(r.stderr + r.stdout)].filter((ch) => /\p{Cc}|\p{Cf}/u.test(ch) && ch !== '\n');
    expect(raw).toEqual([]);
  });
});

describe('case-desk cases file-events remove', () => {
  it('detaches each ID and reports IDs that were not on the case', async () => {
    const n = freshOpenCase();
    const [a, b] = h.emu.eventIdsOnCase(n) as [string, string];
    const r = await h.run([
      'cases',
      'file-events',
      'remove',
      String(n),
      `${a},0_never-attached,${b}`,
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(parseJson<Result[]>(r.stdout)).toEqual([
      { eventId: a, result: 'removed' },
      { eventId: '0_never-attached', result: 'not on case' },
      { eventId: b, result: 'removed' },
    ]);
    expect(h.emu.eventIdsOnCase(n)).not.toContain(a);
    expect(h.emu.eventIdsOnCase(n)).not.toContain(b);
  });

  it('refuses to touch an archived case', async () => {
    const archived = h.emu.caseNumbers('ARCHIVED')[0];
    const r = await h.run(['cases', 'file-events', 'remove', String(archived), '0_x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: CASE_IS_CLOSED: Case ${archived} is archived, so its file events cannot be changed.\n`,
    );
  });
});
