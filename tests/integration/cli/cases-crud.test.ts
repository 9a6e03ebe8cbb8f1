import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../src-shared/domain/index.js';
import { apiGet, parseJson, startCliHarness } from './helpers.js';
import type { CliHarness } from './helpers.js';

let h: CliHarness;
beforeAll(async () => {
  h = await startCliHarness({ cases: 20, seed: 11 });
});
afterAll(() => h.close());

const openCase = (index = 0): number => {
  const n = h.emu.caseNumbers('OPEN')[index];
  if (n === undefined) throw new Error('no open case seeded');
  return n;
};

describe('case-desk cases show', () => {
  it('prints the case as JSON equal to the API data', async () => {
    const n = openCase();
    const r = await h.run(['cases', 'show', String(n), '-f', 'json']);
    expect(r.code).toBe(0);
    expect(parseJson<CaseDetail>(r.stdout)).toEqual(await apiGet<CaseDetail>(h.emu, `/v1/cases/${n}`));
  });

  it('prints fields, then the findings as a block, in the table view', async () => {
    const n = openCase();
    const detail = h.emu.getCase(n) as CaseDetail;
    const r = await h.run(['cases', 'show', String(n)]);
    expect(r.stdout).toMatch(new RegExp(`^number\\s+${n}\\n`));
    expect(r.stdout).toContain(`status                  ${detail.status}\n`);
    expect(r.stdout).toMatch(/\nfindings:\n {2}/);
  });

  it('says plainly when there is no such case, exit 1', async () => {
    const r = await h.run(['cases', 'show', '999999']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: NOT_FOUND: There is no case 999999.\n');
  });

  it('refuses a case number that is not a number, exit 2', async () => {
    const r = await h.run(['cases', 'show', '12a']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('A case number is a whole number of at least 1.');
  });
});

describe('case-desk cases create', () => {
  it('creates a case, resolving assignee and subject emails', async () => {
    const analyst = h.emu.users()[3];
    const actor = h.emu.actors().find((a) => a.name.includes('@'));
    expect(analyst && actor).toBeTruthy();
    const r = await h.run([
      'cases',
      'create',
      'CLI created case',
      '--description',
      'made by a test',
      '--findings',
      '## Findings\n- one',
      '--assignee',
      analyst?.username ?? '',
      '--subject',
      actor?.name ?? '',
      '-f',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const created = parseJson<CaseDetail>(r.stdout);
    expect(created).toMatchObject({
      name: 'CLI created case',
      status: 'OPEN',
      description: 'made by a test',
      findings: '## Findings\n- one',
      assignee: analyst?.userId,
      subject: actor?.actorId,
    });
    expect(h.emu.getCase(created.number)).toEqual(created);
  });

  it('passes IDs through untouched', async () => {
    const analyst = h.emu.users()[4];
    const r = await h.run([
      'cases',
      'create',
      'CLI case by ID',
      '--assignee',
      analyst?.userId ?? '',
      '-f',
      'json',
    ]);
    expect(parseJson<CaseDetail>(r.stdout).assigneeUsername).toBe(analyst?.username);
  });

  it('reports the API problem code with its sentence, exit 1', async () => {
    const existing = h.emu.getCase(openCase()) as CaseDetail;
    const r = await h.run(['cases', 'create', existing.name]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: NAME_EXISTS: Another case already has this name\./);
    const long = await h.run(['cases', 'create', 'x'.repeat(51)]);
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/^error: NAME_TOO_LONG: /);
  });

  it("adds the server's description to the sentence when it sends one", async () => {
    const r = await h.run(['cases', 'create', 'Unknown assignee', '--assignee', '12345']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: INVALID_USER: The subject or assignee is not a known user. (server: assignee validation failed)\n',
    );
  });

  it('fails with INVALID_USER when a subject email matches no actor and no user', async () => {
    const r = await h.run(['cases', 'create', 'Unknown subject', '--subject', 'ghost@nowhere.example']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(
      'error: INVALID_USER: No actor or user is named ghost@nowhere.example (subject).\n',
    );
  });

  it('refuses an empty option value and a missing name, exit 2', async () => {
    expect((await h.run(['cases', 'create', 'n', '--description', ''])).code).toBe(2);
    const r = await h.run(['cases', 'create']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'name'");
  });
});

describe('case-desk cases update', () => {
  it('changes only the given fields (read-modify-write)', async () => {
    const n = openCase(1);
    const before = h.emu.getCase(n) as CaseDetail;
    const r = await h.run(['cases', 'update', String(n), '--name', 'Renamed by CLI', '-f', 'json']);
    expect(r.code).toBe(0);
    const after = h.emu.getCase(n) as CaseDetail;
    expect(parseJson<CaseDetail>(r.stdout)).toEqual(after);
    expect(after).toMatchObject({
      name: 'Renamed by CLI',
      description: before.description,
      findings: before.findings,
      subject: before.subject,
      assignee: before.assignee,
      status: before.status,
    });
  });

  it('clears fields named in --clear and keeps the rest', async () => {
    const n = openCase(2);
    await h.run(['cases', 'update', String(n), '--description', 'to be cleared', '--findings', 'kept']);
    const r = await h.run(['cases', 'update', String(n), '--clear', 'description,assignee']);
    expect(r.code).toBe(0);
    expect(h.emu.getCase(n)).toMatchObject({ description: null, assignee: null, findings: 'kept' });
  });

  it('resolves an assignee email', async () => {
    const n = openCase(3);
    const analyst = h.emu.users()[5];
    const r = await h.run(['cases', 'update', String(n), '--assignee', analyst?.username ?? '']);
    expect(r.code).toBe(0);
    expect(h.emu.getCase(n)?.assignee).toBe(analyst?.userId);
  });

  it.each([
    [[], /Nothing to change/],
    [['--description', ''], /--description needs a value\. To empty it, use --clear description\./],
    [['--clear', 'name'], /"name" cannot be cleared/],
    [['--clear', 'findings', '--findings', 'x'], /--findings and --clear findings contradict/],
    [['--status', 'DONE'], /Allowed choices are OPEN, CLOSED, ARCHIVED/],
  ])('refuses %j with exit 2 and changes nothing', async (args, message) => {
    const n = openCase(4);
    const before = h.emu.getCase(n);
    h.emu.resetStats();
    const r = await h.run(['cases', 'update', String(n), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(h.emu.getCase(n)).toEqual(before);
    expect(Object.keys(h.emu.stats.received)).toEqual([]);
  });

  it('closes a case, after which the API refuses edits (exit 1 with the code)', async () => {
    const n = openCase(5);
    expect((await h.run(['cases', 'update', String(n), '--status', 'CLOSED'])).code).toBe(0);
    expect(h.emu.getCase(n)?.status).toBe('CLOSED');
    const r = await h.run(['cases', 'update', String(n), '--name', 'too late']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: NO_EDITS_ONCE_CLOSED: This case is closed, and a closed case cannot be changed\./,
    );
  });

  it('says plainly when there is no such case', async () => {
    const r = await h.run(['cases', 'update', '999999', '--name', 'x']);
    expect(r).toMatchObject({ code: 1, stderr: 'error: NOT_FOUND: There is no case 999999.\n' });
  });
});

describe('case-desk cases delete', () => {
  it('refuses without a terminal and without --yes (exit 2), deleting nothing', async () => {
    const n = openCase(6);
    h.emu.resetStats();
    const r = await h.run(['cases', 'delete', String(n)], { isTTY: false });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Not deleting case \d+ without confirmation.*--yes/);
    expect(r.prompts).toEqual([]);
    expect(h.emu.getCase(n)).toBeDefined();
    expect(h.emu.stats.received[`DELETE /v1/cases/{caseNumber}`]).toBeUndefined();
  });

  it('asks on a terminal and keeps the case unless the answer is yes', async () => {
    const n = openCase(6);
    const name = h.emu.getCase(n)?.name;
    for (const answer of ['', 'n', 'no', 'yess']) {
      const r = await h.run(['cases', 'delete', String(n)], { isTTY: true, answers: [answer] });
      expect(r.prompts).toEqual([`Delete case ${n} "${name}"? [y/N] `]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`Case ${n} was not deleted.\n`);
    }
    expect(h.emu.getCase(n)).toBeDefined();
  });

  it('deletes on "y" at the terminal', async () => {
    const n = openCase(6);
    const r = await h.run(['cases', 'delete', String(n)], { isTTY: true, answers: ['Y'] });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Deleted case ${n}.\n`);
    expect(h.emu.getCase(n)).toBeUndefined();
  });

  it('deletes with --yes and no question, and reports a missing case', async () => {
    const n = openCase(6);
    const r = await h.run(['cases', 'delete', String(n), '--yes']);
    expect(r).toMatchObject({ code: 0, prompts: [] });
    expect(h.emu.getCase(n)).toBeUndefined();
    const again = await h.run(['cases', 'delete', String(n), '-y']);
    expect(again).toMatchObject({ code: 1, stderr: `error: NOT_FOUND: There is no case ${n}.\n` });
  });
});

describe('help and version', () => {
  it('prints help for every command with exit 0', async () => {
    for (const args of [
      ['--help'],
      ['cases', '--help'],
      ['cases', 'list', '--help'],
      ['cases', 'update', '-h'],
      ['cases', 'file-events', 'add', '--help'],
      ['help', 'cases'],
    ]) {
      const r = await h.run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: case-desk/);
    }
    expect((await h.run(['cases', 'update', '--help'])).stdout).toContain('--clear <fields>');
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const r = await h.run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('exits 2 for an unknown command, with a suggestion', async () => {
    const r = await h.run(['cases', 'lst']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'lst'");
    expect(r.stderr).toContain('(Did you mean list?)');
  });
});
