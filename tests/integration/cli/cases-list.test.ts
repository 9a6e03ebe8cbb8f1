import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePage, CaseSlim } from '../../../src-shared/domain/index.js';
import { apiGet, parseJson, runWith, startCliHarness } from './helpers.js';
import type { CliHarness } from './helpers.js';

let h: CliHarness;
let all: CaseSlim[];

beforeAll(async () => {
  h = await startCliHarness({ cases: 45, seed: 7 });
  all = (await apiGet<CasePage>(h.emu, '/v1/cases?pgSize=1000')).cases;
});
afterAll(() => h.close());

const listKey = 'GET /v1/cases';

describe('case-desk cases list', () => {
  it('prints every case as JSON equal to the API data, walking all pages', async () => {
    h.emu.resetStats();
    const r = await h.run(['cases', 'list', '--format', 'json', '--page-size', '10']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(parseJson<CaseSlim[]>(r.stdout)).toEqual(all);
    expect(all).toHaveLength(45);
    // 45 cases in pages of 10: five pages, the last one short.
    expect(h.emu.stats.received[listKey]).toBe(5);
  });

  it('prints an aligned table with the default columns', async () => {
    const r = await h.run(['cases', 'list', '--limit', '3']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^number\s+name\s+status\s+assigneeUsername\s+subjectUsername\s+createdAt\s+updatedAt$/,
    );
    // Every row starts its status column where the header does.
    const statusAt = lines[0]?.indexOf('status') ?? -1;
    for (const line of lines.slice(1)) expect(line.slice(statusAt)).toMatch(/^(OPEN|CLOSED|ARCHIVED) /);
    expect(lines[1]?.startsWith(`${all[0]?.number} `)).toBe(true);
  });

  it('stops after --limit without fetching more pages than needed', async () => {
    h.emu.resetStats();
    const r = await h.run(['cases', 'list', '--limit', '7', '-f', 'jsonl']);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => parseJson<CaseSlim>(line));
    expect(rows.map((c) => c.number)).toEqual(all.slice(0, 7).map((c) => c.number));
    expect(h.emu.stats.received[listKey]).toBe(1);
  });

  it('filters by several statuses, given repeated or as a comma list', async () => {
    const expected = all.filter((c) => c.status !== 'OPEN').map((c) => c.number);
    for (const args of [
      ['--status', 'CLOSED', '--status', 'ARCHIVED'],
      ['--status', 'closed,archived'],
    ]) {
      const r = await h.run(['cases', 'list', ...args, '-f', 'json']);
      expect(r.code).toBe(0);
      expect(parseJson<CaseSlim[]>(r.stdout).map((c) => c.number)).toEqual(expected);
    }
    expect(expected.length).toBeGreaterThan(0);
  });

  it('filters unassigned and assigned cases', async () => {
    const un = parseJson<CaseSlim[]>((await h.run(['cases', 'list', '--unassigned', '-f', 'json'])).stdout);
    const as = parseJson<CaseSlim[]>((await h.run(['cases', 'list', '--assigned', '-f', 'json'])).stdout);
    expect(un.map((c) => c.number)).toEqual(all.filter((c) => c.assignee === null).map((c) => c.number));
    expect(as.every((c) => c.assignee !== null)).toBe(true);
    expect(un.length + as.length).toBe(all.length);
  });

  it('resolves an assignee email to the user ID', async () => {
    const withAssignee = all.find((c) => c.assigneeUsername !== null);
    expect(withAssignee).toBeDefined();
    const email = withAssignee?.assigneeUsername ?? '';
    h.emu.resetStats();
    const r = await h.run(['cases', 'list', '--assignee', email.toUpperCase(), '-f', 'json']);
    expect(r.code).toBe(0);
    const numbers = parseJson<CaseSlim[]>(r.stdout).map((c) => c.number);
    expect(numbers).toEqual(all.filter((c) => c.assigneeUsername === email).map((c) => c.number));
    expect(h.emu.stats.received['GET /v1/users']).toBe(1);
  });

  it('resolves a subject email through the actor search', async () => {
    const subject = all[0];
    const r = await h.run(['cases', 'list', '--subject', subject?.subjectUsername ?? '', '-f', 'json']);
    expect(r.code).toBe(0);
    const got = parseJson<CaseSlim[]>(r.stdout);
    expect(got.map((c) => c.number)).toEqual(
      all.filter((c) => c.subject === subject?.subject).map((c) => c.number),
    );
    expect(got.length).toBeGreaterThan(0);
  });

  it('fails with INVALID_USER for an email nobody has', async () => {
    const r = await h.run(['cases', 'list', '--assignee', 'nobody@nowhere.example']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: INVALID_USER: No user has the username nobody@nowhere\.example/);
  });

  it('filters by name and by creation date, including a relative span', async () => {
    const target = all[10] as CaseSlim;
    const word = target.name.split(' ')[0] ?? '';
    const byName = parseJson<CaseSlim[]>(
      (await h.run(['cases', 'list', '--name', word, '-f', 'json'])).stdout,
    );
    // The name filter is a substring match that ignores case.
    const lower = word.toLowerCase();
    expect(byName.map((c) => c.number)).toEqual(
      all.filter((c) => c.name.toLowerCase().includes(lower)).map((c) => c.number),
    );
    expect(byName.length).toBeGreaterThan(0);

    const pivot = new Date(target.createdAt);
    const after = parseJson<CaseSlim[]>(
      (await h.run(['cases', 'list', '--created-after', target.createdAt, '-f', 'json'])).stdout,
    );
    expect(after.map((c) => c.number)).toEqual(
      all.filter((c) => new Date(c.createdAt) >= pivot).map((c) => c.number),
    );

    // "10d" back from a clock pinned ten days after the pivot is the pivot itself.
    const now = new Date(pivot.getTime() + 10 * 86_400_000);
    const relative = await h.run(['cases', 'list', '--created-after', '10d', '-f', 'json'], { now });
    expect(parseJson<CaseSlim[]>(relative.stdout).map((c) => c.number)).toEqual(after.map((c) => c.number));

    const before = parseJson<CaseSlim[]>(
      (await h.run(['cases', 'list', '--created-before', target.createdAt, '-f', 'json'])).stdout,
    );
    expect(before.length + after.length).toBe(all.length);
  });

  it('sorts by one or more keys in either direction', async () => {
    const r = await h.run(['cases', 'list', '--sort', 'updated_at:desc', '-f', 'json']);
    const got = parseJson<CaseSlim[]>(r.stdout).map((c) => c.updatedAt ?? '');
    expect(got).toEqual([...got].sort().reverse());
    const byStatus = await h.run([
      'cases',
      'list',
      '--sort',
      'status',
      '--sort',
      'number:desc',
      '-f',
      'json',
    ]);
    const rows = parseJson<CaseSlim[]>(byStatus.stdout);
    const expected = [...all].sort((a, b) => a.status.localeCompare(b.status) || b.number - a.number);
    expect(rows.map((c) => c.number)).toEqual(expected.map((c) => c.number));
  });

  it('writes CSV with the chosen columns (snake_case accepted)', async () => {
    const r = await h.run([
      'cases',
      'list',
      '--limit',
      '2',
      '-f',
      'csv',
      '--columns',
      'number,assignee_username,name',
    ]);
    const [first, second] = all as [CaseSlim, CaseSlim];
    const quote = (s: string | null): string =>
      s !== null && /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : (s ?? '');
    expect(r.stdout).toBe(
      'number,assigneeUsername,name\n' +
        `${first.number},${quote(first.assigneeUsername)},${quote(first.name)}\n` +
        `${second.number},${quote(second.assigneeUsername)},${quote(second.name)}\n`,
    );
  });

  it.each([
    [['--status', 'PENDING'], /Unknown status "PENDING"\. Statuses: OPEN, CLOSED, ARCHIVED\./],
    [['--sort', 'size'], /Cannot sort by "size"\. Sort keys: name, number/],
    [['--sort', 'name:up'], /Sort direction must be asc or desc/],
    [['--created-after', 'last tuesday'], /--created-after takes a date/],
    [['--created-after', '2024-05-01', '--created-before', '2024-04-01'], /--created-after must be earlier/],
    [['--columns', 'number,colour'], /Unknown column "colour"/],
    [['--limit', '0'], /Expected a whole number of at least 1/],
    [['--assigned', '--unassigned'], /cannot be used with/],
    [['--format', 'xml'], /Allowed choices are table, json, jsonl, csv/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ])('refuses %j with exit 2 and no request', async (args, message) => {
    h.emu.resetStats();
    const r = await h.run(['cases', 'list', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(h.emu.stats.received[listKey]).toBeUndefined();
  });

  it('names the missing connection variable, exit 2', async () => {
    const r = await runWith({ INCYDR_URL: h.emu.url, INCYDR_API_CLIENT_ID: 'key-x' }, ['cases', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: INCYDR_API_CLIENT_SECRET is not set\./);
    const none = await runWith({}, ['cases', 'list']);
    expect(none.stderr).toMatch(/INCYDR_URL, INCYDR_API_CLIENT_ID and INCYDR_API_CLIENT_SECRET are not set/);
  });

  it('reports refused credentials as AUTH_FAILED, exit 1', async () => {
    const r = await runWith(
      { INCYDR_URL: h.emu.url, INCYDR_API_CLIENT_ID: h.emu.clientId, INCYDR_API_CLIENT_SECRET: 'wrong' },
      ['cases', 'list'],
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: AUTH_FAILED: /);
    expect(r.stderr).not.toContain('wrong');
  });

  it('logs requests on stderr at INCYDR_LOG_LEVEL=debug, never the secret or the token', async () => {
    const r = await h.run(['cases', 'list', '--limit', '1', '-f', 'json'], {
      env: { INCYDR_LOG_LEVEL: 'DEBUG' },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/DEBUG POST \/v1\/oauth/);
    expect(r.stderr).toMatch(/DEBUG GET \/v1\/cases/);
    expect(r.stderr).not.toContain(h.emu.clientSecret);
    expect(r.stderr).not.toMatch(/eyJ|Bearer|Basic/);
  });

  it('reports an unreachable server as a network failure, exit 1', async () => {
    const r = await runWith(
      { INCYDR_URL: 'http://127.0.0.1:1', INCYDR_API_CLIENT_ID: 'key-x', INCYDR_API_CLIENT_SECRET: 'y' },
      ['cases', 'list'],
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: NETWORK: The connection to Incydr failed\./);
  });
});
