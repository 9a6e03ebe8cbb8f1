/**
 * The installed command on a real keychain: `profiles add … --secret-stdin` then `--profile work cases
 * list` from separate processes, the connection precedence --profile > INCYDR_* > selected profile, and
 * `profiles update` rotating a secret and moving a profile.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseSlim } from '../../src-shared/domain/index.js';
import { APP_ID } from '../../src-main/core/credentials/keytar-store.js';
import { startEmulator } from '../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import { rawKeytar, requireSecretService } from './secret-service.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WORK = { clientId: 'key-cli-work', secret: 'Cl1-work-secret-3f0b8e' };
const LAB = { clientId: 'key-cli-lab', secret: 'Cl1-lab-secret-9a2c44' };

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: RunningEmulator;
let lab: RunningEmulator;
let dataDir: string;

/** `node bin/case-desk.js …` in its own process, with only what it needs from this environment. */
function caseDesk(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['bin/case-desk.js', ...args], {
      cwd: root,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] ?? '',
        CASE_DESK_DATA_DIR: dataDir,
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

function numbers(r: Exit): number[] {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as CaseSlim[]).map((c) => c.number);
}

beforeAll(async () => {
  work = await startEmulator({ cases: 4, seed: 21, ...as(WORK) });
  lab = await startEmulator({ cases: 7, seed: 22, ...as(LAB) });
  dataDir = await mkdtemp(join(tmpdir(), 'case-desk-cli-keychain-'));
});
afterAll(async () => {
  await work.close();
  await lab.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(requireSecretService);

function as(t: { clientId: string; secret: string }): { clientId: string; clientSecret: string } {
  return { clientId: t.clientId, clientSecret: t.secret };
}

describe('case-desk profiles on a real keychain', () => {
  it('profiles add work --secret-stdin, then --profile work cases list', async () => {
    const add = await caseDesk(
      ['profiles', 'add', 'work', '--url', work.url, '--client-id', WORK.clientId, '--secret-stdin'],
      {},
      `${WORK.secret}\n`,
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('Saved profile "work"');
    expect(add.stdout).not.toContain(WORK.secret);

    const listed = await caseDesk(['--profile', 'work', 'cases', 'list', '-f', 'json']);
    expect(numbers(listed)).toEqual([1, 2, 3, 4]);
    expect(work.stats.received['GET /v1/cases']).toBe(1);

    // The secret is in the keychain, under the profile's ID, and not in the settings file.
    const settings = await readFile(join(dataDir, 'profiles.json'), 'utf8');
    const id = (JSON.parse(settings) as { profiles: { id: string }[] }).profiles[0]?.id as string;
    expect(await (await rawKeytar()).getPassword(APP_ID, id)).toBe(WORK.secret);
    expect(settings).not.toContain(WORK.secret);
  });

  it('follows --profile > INCYDR_* > the selected profile', async () => {
    const add = await caseDesk(
      ['profiles', 'add', 'lab', '--url', lab.url, '--client-id', LAB.clientId, '--secret-stdin'],
      {},
      LAB.secret,
    );
    expect(add.code).toBe(0);
    expect(add.stdout).not.toContain('selected profile'); // "work" stays selected

    // No --profile, no INCYDR_*: the selected profile (work, the first one saved).
    expect(numbers(await caseDesk(['cases', 'list', '-f', 'json']))).toHaveLength(4);
    const use = await caseDesk(['profiles', 'use', 'LAB']);
    expect(use).toMatchObject({ code: 0, stdout: `Now using profile "lab" (${lab.url}).\n` });
    expect(numbers(await caseDesk(['cases', 'list', '-f', 'json']))).toHaveLength(7);

    // INCYDR_* beat the selected profile; --profile beats INCYDR_*.
    const env = {
      INCYDR_URL: work.url,
      INCYDR_API_CLIENT_ID: WORK.clientId,
      INCYDR_API_CLIENT_SECRET: WORK.secret,
    };
    expect(numbers(await caseDesk(['cases', 'list', '-f', 'json'], env))).toHaveLength(4);
    expect(numbers(await caseDesk(['--profile', 'lab', 'cases', 'list', '-f', 'json'], env))).toHaveLength(7);
    expect(numbers(await caseDesk(['cases', 'list', '-f', 'json', '--profile', 'lab'], env))).toHaveLength(7);

    const unknown = await caseDesk(['--profile', 'nope', 'cases', 'list']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: 'error: --profile nope: there is no such profile. Saved profiles: lab, work.\n',
    });
  });

  it('list, show, test and remove; remove takes the keychain entry along', async () => {
    const list = await caseDesk(['profiles', 'list', '-f', 'json']);
    expect(list.code).toBe(0);
    const views = JSON.parse(list.stdout) as {
      label: string;
      profileId: string;
      hasSecret: boolean;
      selected: boolean;
    }[];
    expect(views.map((v) => [v.label, v.hasSecret, v.selected])).toEqual([
      ['lab', true, true],
      ['work', true, false],
    ]);
    const show = await caseDesk(['profiles', 'show', 'work']);
    expect(show.stdout).toMatch(/^secret\s+keychain$/mu);
    const test = await caseDesk(['profiles', 'test', 'work']);
    expect(test).toMatchObject({ code: 0, stdout: expect.stringContaining(`tenant ${work.tenantUid}`) });
    for (const r of [list, show, test]) {
      expect(r.stdout + r.stderr).not.toContain(WORK.secret);
      expect(r.stdout + r.stderr).not.toContain(LAB.secret);
    }

    const refused = await caseDesk(['profiles', 'remove', 'work']);
    expect(refused.code).toBe(2);
    const workId = views.find((v) => v.label === 'work')?.profileId as string;
    expect(await (await rawKeytar()).getPassword(APP_ID, workId)).toBe(WORK.secret);
    const removed = await caseDesk(['profiles', 'remove', 'work', '--yes']);
    expect(removed).toMatchObject({
      code: 0,
      stdout: 'Removed profile "work" and its secret from the keychain.\n',
    });
    expect(await (await rawKeytar()).getPassword(APP_ID, workId)).toBeNull();
    expect((await caseDesk(['profiles', 'remove', 'lab', '--yes'])).code).toBe(0);
  });

  it('profiles update: a wrong new secret changes nothing; a new URL, client ID and secret move the profile', async () => {
    const add = await caseDesk(
      ['profiles', 'add', 'rotate', '--url', work.url, '--client-id', WORK.clientId, '--secret-stdin'],
      {},
      WORK.secret,
    );
    expect(add.code).toBe(0);
    const settingsBefore = await readFile(join(dataDir, 'profiles.json'), 'utf8');
    const id = (JSON.parse(settingsBefore) as { profiles: { id: string; label: string }[] }).profiles.find(
      (p) => p.label === 'rotate',
    )?.id as string;
    const keychain = async (): Promise<string | null> => (await rawKeytar()).getPassword(APP_ID, id);

    // Tested before anything is saved: the emulator refuses the secret, the old one stays.
    const wrong = await caseDesk(['profiles', 'update', 'rotate', '--secret-stdin'], {}, 'not-the-secret');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(/^error: /u);
    expect(wrong.stderr).not.toContain('not-the-secret');
    expect(await keychain()).toBe(WORK.secret);
    expect(await readFile(join(dataDir, 'profiles.json'), 'utf8')).toBe(settingsBefore);
    expect(numbers(await caseDesk(['--profile', 'rotate', 'cases', 'list', '-f', 'json']))).toHaveLength(4);

    const moved = await caseDesk(
      ['profiles', 'update', 'rotate', '--url', lab.url, '--client-id', LAB.clientId, '--secret-stdin'],
      {},
      `${LAB.secret}\n`,
    );
    expect(moved).toMatchObject({
      code: 0,
      stdout:
        `Updated profile "rotate": ${lab.url}, client ${LAB.clientId}. The connection works. ` +
        'The new secret is in the system keychain.\n',
      stderr: '',
    });
    expect(await keychain()).toBe(LAB.secret);
    const settings = await readFile(join(dataDir, 'profiles.json'), 'utf8');
    expect(settings).not.toContain(LAB.secret);
    expect(settings).toContain(id); // the same profile, so the app's views and library stay with it
    expect(numbers(await caseDesk(['--profile', 'rotate', 'cases', 'list', '-f', 'json']))).toHaveLength(7);
    expect((await caseDesk(['profiles', 'remove', 'rotate', '--yes'])).code).toBe(0);
  });
});
