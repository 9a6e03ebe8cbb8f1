/** The `npm run emulator` command: flags, what it prints, clean shutdown on Ctrl-C. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseEmulatorArgs, USAGE, UsageError } from '../../../src-main/emulator/cli-args.js';

const MAIN = fileURLToPath(new URL('../../../src-main/emulator/main.ts', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('npm run emulator', () => {
  it('exits 2 with a message and the usage on a bad flag', async () => {
    const p = run(['--cases', 'many']);
    expect(await p.exited).toBe(2);
    expect(p.err()).toContain("emulator: --cases needs a whole number, got 'many'");
    expect(p.err()).toContain('Usage:');
  });

  it('prints its URL, credentials and how to point the CLI at it, serves, and stops on SIGINT', async () => {
    const p = run([
      '--port',
      '0',
      '--cases',
      '5',
      '--seed',
      '3',
      '--client-id',
      'key-x',
      '--client-secret',
      's3',
      '--quiet',
    ]);
    await until(() => p.out().includes('Press Ctrl-C'));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(p.out())?.[1];
    expect(url).toBeDefined();
    expect(p.out()).toContain('key-x');
    expect(p.out()).toContain('s3');
    expect(p.out()).toContain(`INCYDR_URL=${url} INCYDR_API_CLIENT_ID=key-x INCYDR_API_CLIENT_SECRET=s3`);
    const res = await fetch(`${url}/v1/oauth`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('key-x:s3').toString('base64')}` },
    });
    expect(res.status).toBe(200);
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    await expect(fetch(`${url}/v1/oauth`, { method: 'POST' })).rejects.toThrow();
  });
});

describe('parseEmulatorArgs', () => {
  it('reads every flag', () => {
    expect(
      parseEmulatorArgs([
        '--port=9000',
        '--cases',
        '200',
        '--seed=-5',
        '--client-id',
        'key-a',
        '--client-secret',
        'b',
        '--token-ttl',
        '60',
        '--export-mb',
        '1.5',
        '--fault-rate',
        '0.25',
        '--hostile-filenames',
        '--quiet',
      ]),
    ).toEqual({
      port: 9000,
      portGiven: true,
      cases: 200,
      seed: -5,
      clientId: 'key-a',
      clientSecret: 'b',
      tokenTtlSeconds: 60,
      exportMb: 1.5,
      faultRate: 0.25,
      hostileFilenames: true,
      quiet: true,
    });
  });

  it('defaults to port 8042 and leaves the rest to startEmulator', () => {
    expect(parseEmulatorArgs([])).toMatchObject({ port: DEFAULT_PORT, portGiven: false, cases: undefined });
    expect(DEFAULT_PORT).toBe(8042);
    expect(parseEmulatorArgs(['-h'])).toBe('help');
    expect(USAGE).toContain('--hostile-filenames');
  });

  it('rejects bad values and unknown flags with a UsageError', () => {
    for (const args of [
      ['--bogus'],
      ['stray'],
      ['--cases', 'many'],
      ['--cases', '-1'],
      ['--port', '70000'],
      ['--fault-rate', '2'],
      ['--fault-rate', 'x'],
      ['--export-mb', '-3'],
      ['--token-ttl', '0'],
      ['--seed', '1.5'],
      ['--client-id', ''],
      ['--port'],
    ]) {
      expect(() => parseEmulatorArgs(args), args.join(' ')).toThrow(UsageError);
    }
  });
});
