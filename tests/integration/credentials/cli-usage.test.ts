/**
 * `case-desk profiles …` usage rules that hold with or without a keychain: where the secret may come
 * from (never an argument), region or URL, confirmation before remove, what `update` accepts, a corrupt
 * settings file.
 */
import { testHome, restoreEnv } from './no-keychain-env.js';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run.js';
import type { CliIo } from '../../../src-main/cli/run.js';
import { runWith } from '../cli/helpers.js';

const SECRET = 'Us4ge-secret-never-echoed';
const dataDir = join(testHome, 'data');
const env = { CASE_DESK_DATA_DIR: dataDir, HOME: testHome };

afterAll(async () => {
  await rm(testHome, { recursive: true, force: true });
  restoreEnv();
});

const add = ['profiles', 'add', 'work', '--url', 'http://127.0.0.1:9', '--client-id', 'key-1'];

/** A terminal whose hidden prompt answers `secret`; records both kinds of question and the output. */
function terminal(secret: string): { io: CliIo; asked: string[]; echoing: string[]; output: () => string } {
  const asked: string[] = [];
  const echoing: string[] = [];
  let output = '';
  const io: CliIo = {
    stdout: (text) => {
      output += text;
    },
    stderr: (text) => {
      output += text;
    },
    stdin: () => Promise.resolve(''),
    env,
    isTTY: true,
    prompt: (q) => {
      echoing.push(q);
      return Promise.resolve('');
    },
    promptSecret: (q) => {
      asked.push(q);
      return Promise.resolve(secret);
    },
  };
  return { io, asked, echoing, output: () => output };
}

describe('profiles add: where the secret comes from', () => {
  it.each([['--secret'], ['--client-secret']])(
    'refuses the secret as an argument (%s), without echoing it',
    async (flag) => {
      const r = await runWith(env, [...add, flag, SECRET]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: The secret is never accepted as an argument/u);
      expect(r.stderr + r.stdout).not.toContain(SECRET);
      const joined = await runWith(env, [...add, `${flag}=${SECRET}`]);
      expect(joined.code).toBe(2);
      expect(joined.stderr + joined.stdout).not.toContain(SECRET);
    },
  );

  it('without a terminal and without --secret-stdin it is a usage error', async () => {
    const r = await runWith(env, add, { isTTY: false });
    expect(r).toMatchObject({ code: 2, stdout: '', prompts: [] });
    expect(r.stderr).toBe(
      'error: No secret given, and there is no terminal to ask on. Pipe it in with --secret-stdin (it is never taken as an argument).\n',
    );
  });

  it('an empty --secret-stdin is a usage error', async () => {
    const r = await runWith(env, [...add, '--secret-stdin'], { stdin: '\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--secret-stdin read nothing/u);
  });

  it('on a terminal it asks with the hidden prompt, never the echoing one', async () => {
    const t = terminal(SECRET);
    const code = await runCli(add, t.io);
    expect(t.asked).toEqual(['API client secret for "work" (not shown): ']);
    expect(t.echoing).toEqual([]);
    // No keychain here: the secret was read, then refused for the plain reason.
    expect(code).toBe(1);
    expect(t.output()).toMatch(/^error: KEYCHAIN_UNAVAILABLE: /u);
    expect(t.output()).not.toContain(SECRET);
  });

  it('needs exactly one of --region and --url, and a client ID', async () => {
    const both = await runWith(env, [
      'profiles',
      'add',
      'w',
      '--region',
      'us',
      '--url',
      'https://x.example',
      '--client-id',
      'k',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/cannot be used with/u);
    const neither = await runWith(env, ['profiles', 'add', 'w', '--client-id', 'k', '--secret-stdin'], {
      stdin: 's',
    });
    expect(neither).toMatchObject({
      code: 2,
      stderr: 'error: Give --region (us, us2, ie, gov, us7, uk, au, ca, de, za) or --url.\n',
    });
    const noId = await runWith(env, ['profiles', 'add', 'w', '--region', 'us']);
    expect(noId.code).toBe(2);
    expect(noId.stderr).toMatch(/required option '--client-id <id>' not specified/u);
    const badRegion = await runWith(
      env,
      ['profiles', 'add', 'w', '--region', 'mars', '--client-id', 'k', '--secret-stdin'],
      {
        stdin: 's',
      },
    );
    expect(badRegion).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: Unknown region "mars"/u),
    });
    const badUrl = await runWith(
      env,
      ['profiles', 'add', 'w', '--url', 'http://example.com', '--client-id', 'k', '--secret-stdin'],
      {
        stdin: 's',
      },
    );
    expect(badUrl).toMatchObject({ code: 2, stderr: expect.stringMatching(/must start with https:\/\//u) });
  });
});

describe('profiles on a saved file', () => {
  const profile = {
    id: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
    label: 'Work',
    region: 'us',
    baseUrl: 'https://api.us.code42.com',
    clientId: 'key-1',
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  async function saved(content: string): Promise<void> {
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'profiles.json'), content);
  }

  it('remove asks on a terminal and keeps the profile on no', async () => {
    await saved(JSON.stringify({ version: 1, selectedProfileId: null, profiles: [profile] }));
    const r = await runWith(env, ['profiles', 'remove', 'work'], { isTTY: true, answers: ['n'] });
    expect(r.prompts).toEqual(['Remove profile "Work" (https://api.us.code42.com) and its secret? [y/N] ']);
    expect(r).toMatchObject({ code: 1, stderr: 'Profile "Work" was not removed.\n' });
    const list = await runWith(env, ['profiles', 'list', '-f', 'json']);
    expect((JSON.parse(list.stdout) as { label: string }[]).map((p) => p.label)).toEqual(['Work']);
  });

  it('show of an unknown profile: NOT_FOUND, exit 1', async () => {
    await saved(JSON.stringify({ version: 1, selectedProfileId: null, profiles: [profile] }));
    expect(await runWith(env, ['profiles', 'show', 'lab'])).toMatchObject({
      code: 1,
      stderr: 'error: NOT_FOUND: There is no profile "lab".\n',
    });
  });

  it('the demo workspace is not a command-line profile', async () => {
    await saved(JSON.stringify({ version: 1, selectedProfileId: 'demo', profiles: [profile] }));
    const use = await runWith(env, ['profiles', 'use', 'demo']);
    expect(use.code).toBe(2);
    const list = await runWith(env, ['cases', 'list']);
    expect(list).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: The selected profile is the demo workspace/u),
    });
  });

  describe('update', () => {
    const other = { ...profile, id: '6b8d0f2c-4e6a-4b7c-9dae-1f2a3b4c5d6e', label: 'Lab', clientId: 'key-2' };
    const file = JSON.stringify({ version: 1, selectedProfileId: profile.id, profiles: [profile, other] });
    const listed = async (): Promise<{ label: string; profileId: string; baseUrl: string }[]> =>
      JSON.parse((await runWith(env, ['profiles', 'list', '-f', 'json'])).stdout) as {
        label: string;
        profileId: string;
        baseUrl: string;
      }[];

    it('renames without testing the connection or touching the keychain; the ID stays', async () => {
      await saved(file);
      const r = await runWith(env, ['profiles', 'update', 'work', '--name', 'Office']);
      expect(r).toMatchObject({
        code: 0,
        stdout: 'Updated profile "Office" (was "Work"): https://api.us.code42.com, client key-1.\n',
        stderr: '',
      });
      expect((await listed()).map((p) => [p.label, p.profileId])).toEqual([
        ['Lab', other.id],
        ['Office', profile.id],
      ]);
    });

    it('refuses nothing to change, a secret argument, both secret sources, a taken name', async () => {
      await saved(file);
      const none = await runWith(env, ['profiles', 'update', 'work']);
      expect(none).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^error: Nothing to change: give --name/u),
      });
      const argument = await runWith(env, ['profiles', 'update', 'work', '--secret', SECRET]);
      expect(argument).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/never accepted as an argument.*Use --new-secret to be asked for it/su),
      });
      expect(argument.stdout + argument.stderr).not.toContain(SECRET);
      const both = await runWith(env, ['profiles', 'update', 'work', '--new-secret', '--secret-stdin'], {
        stdin: SECRET,
      });
      expect(both.code).toBe(2);
      const moveTwice = await runWith(env, [
        'profiles',
        'update',
        'work',
        '--region',
        'us',
        '--url',
        'https://x.test',
      ]);
      expect(moveTwice.code).toBe(2);
      const taken = await runWith(env, ['profiles', 'update', 'work', '--name', 'lab']);
      expect(taken).toMatchObject({ code: 2, stderr: 'error: Another profile is already called "Lab".\n' });
      const unknown = await runWith(env, ['profiles', 'update', 'nope', '--name', 'x']);
      expect(unknown).toMatchObject({ code: 1, stderr: 'error: NOT_FOUND: There is no profile "nope".\n' });
      expect(await readFile(join(dataDir, 'profiles.json'), 'utf8')).toBe(file);
    });

    it('a new URL is tested with the saved secret: with no keychain to read it from, nothing changes', async () => {
      await saved(file);
      const r = await runWith(env, ['profiles', 'update', 'work', '--url', 'http://127.0.0.1:9']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: KEYCHAIN_UNAVAILABLE: /u);
      expect(await readFile(join(dataDir, 'profiles.json'), 'utf8')).toBe(file);
    });

    it('--new-secret asks with the hidden prompt; without a terminal it is a usage error', async () => {
      await saved(file);
      const noTerminal = await runWith(env, ['profiles', 'update', 'work', '--new-secret']);
      expect(noTerminal).toMatchObject({ code: 2, stderr: expect.stringMatching(/no terminal to ask on/u) });
      const t = terminal(SECRET);
      const code = await runCli(['profiles', 'update', 'work', '--new-secret'], t.io);
      expect(t.asked).toEqual(['API client secret for "Work" (not shown): ']);
      expect(t.echoing).toEqual([]);
      // No keychain here to keep it in: refused before anything is tested or saved.
      expect(code).toBe(1);
      expect(t.output()).toMatch(/^error: KEYCHAIN_UNAVAILABLE: /u);
      expect(t.output()).not.toContain(SECRET);
      expect(await readFile(join(dataDir, 'profiles.json'), 'utf8')).toBe(file);
    });
  });

  it('a corrupt settings file: SETTINGS_CORRUPT naming the kept copy, exit 1', async () => {
    await saved('{ "version": 1, "profiles": [ oops');
    const r = await runWith(env, ['profiles', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: SETTINGS_CORRUPT: The profiles file could not be read \(it is not valid JSON\)\. It was kept as .*profiles\.json\.corrupt-/u,
    );
    expect((await readdir(dataDir)).filter((f) => f.startsWith('profiles.json.corrupt-'))).toHaveLength(1);
  });
});
