/** The installed command itself: `bin/case-desk.js` and `npx case-desk` as separate processes. */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSlim } from '../../../src-shared/domain/index.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { connectionEnv, parseJson, testDataDir } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Async spawn: the emulator runs in this process, so a blocking spawnSync would starve it. */
function run(command: string, args: string[], env: Record<string, string>, stdin = ''): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      // Only what a process needs to run, plus the connection: nothing from this test's environment leaks in.
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? root,
        CASE_DESK_DATA_DIR: testDataDir(),
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ cases: 12, seed: 9 });
});
afterAll(() => emu.close());

describe('the case-desk executable', () => {
  it('runs through npx right after install', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await run('npx', ['--no-install', 'case-desk', '--version'], {});
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('lists cases as JSON from the real process', async () => {
    const r = await run(
      'node',
      ['bin/case-desk.js', 'cases', 'list', '--limit', '3', '-f', 'json'],
      connectionEnv(emu),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(parseJson<CaseSlim[]>(r.stdout).map((c) => c.number)).toEqual([1, 2, 3]);
  });

  it('reads event IDs from a pipe', async () => {
    const n = emu.caseNumbers('OPEN')[0] as number;
    const ids = emu.unattachedEventIds(2);
    const r = await run(
      'node',
      ['bin/case-desk.js', 'cases', 'file-events', 'add', String(n), '-', '-f', 'jsonl'],
      connectionEnv(emu),
      `eventId\n${ids.join('\n')}\n`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      ids.map((eventId) => `${JSON.stringify({ eventId, result: 'attached' })}\n`).join(''),
    );
    expect(emu.eventIdsOnCase(n)).toEqual(expect.arrayContaining(ids));
  });

  it('exits 2 for usage errors and 1 for API failures, with the message on stderr', async () => {
    const usage = await run('node', ['bin/case-desk.js', 'cases', 'list'], {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(
      /^error: INCYDR_URL, INCYDR_API_CLIENT_ID and INCYDR_API_CLIENT_SECRET are not set/,
    );
    const api = await run('node', ['bin/case-desk.js', 'cases', 'show', '4242'], connectionEnv(emu));
    expect(api).toMatchObject({ code: 1, stdout: '', stderr: 'error: NOT_FOUND: There is no case 4242.\n' });
  });

  it('refuses to delete without a terminal unless --yes', async () => {
    const n = emu.caseNumbers('OPEN')[1] as number;
    const r = await run('node', ['bin/case-desk.js', 'cases', 'delete', String(n)], connectionEnv(emu));
    expect(r.code).toBe(2);
    expect(emu.getCase(n)).toBeDefined();
  });
});
