/** Runs the CLI in-process against a fresh emulator, capturing what it writes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { EmulatorOptions, RunningEmulator } from '../../../src-main/emulator/server.js';
import { runCli } from '../../../src-main/cli/run.js';
import type { CliIo } from '../../../src-main/cli/run.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Questions the CLI asked. */
  prompts: string[];
}

export interface RunOptions {
  stdin?: string;
  isTTY?: boolean;
  /** Answers given to prompts, in order. */
  answers?: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  now?: Date;
}

export function connectionEnv(emu: RunningEmulator): Record<string, string> {
  return {
    INCYDR_URL: emu.url,
    INCYDR_API_CLIENT_ID: emu.clientId,
    INCYDR_API_CLIENT_SECRET: emu.clientSecret,
  };
}

let dataDir: string | undefined;

/**
 * The data folder CLI runs in tests use unless they name one (CASE_DESK_DATA_DIR): never the user's
 * own, where the CLI keeps profiles and records exports for the app's library. Removed at exit.
 */
export function testDataDir(): string {
  if (dataDir === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'case-desk-cli-data-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    dataDir = made;
  }
  return dataDir;
}

export async function runWith(
  env: Record<string, string | undefined>,
  args: string[],
  options: RunOptions = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const answers = [...(options.answers ?? [])];
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: () => Promise.resolve(options.stdin ?? ''),
    env: { CASE_DESK_DATA_DIR: testDataDir(), ...env, ...options.env },
    isTTY: options.isTTY ?? false,
    prompt: (question) => {
      prompts.push(question);
      return Promise.resolve(answers.shift() ?? '');
    },
  };
  if (options.cwd !== undefined) io.cwd = options.cwd;
  const now = options.now;
  if (now !== undefined) io.now = () => now;
  const code = await runCli(args, io);
  return { code, stdout, stderr, prompts };
}

export interface CliHarness {
  emu: RunningEmulator;
  run(args: string[], options?: RunOptions): Promise<CliRun>;
  close(): Promise<void>;
}

export async function startCliHarness(options: EmulatorOptions = {}): Promise<CliHarness> {
  const emu = await startEmulator({ cases: 30, ...options });
  const env = connectionEnv(emu);
  return {
    emu,
    run: (args, runOptions) => runWith(env, args, runOptions),
    close: () => emu.close(),
  };
}

/** Parses JSON output, failing the test with the output when it is not JSON. */
export function parseJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`not JSON:\n${text}`);
  }
}

/** GET straight from the emulator's API (no client code involved), for comparing with CLI output. */
export async function apiGet<T>(emu: RunningEmulator, path: string): Promise<T> {
  const basic = Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString('base64');
  const auth = await fetch(`${emu.url}/v1/oauth`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}` },
  });
  const { access_token: token } = (await auth.json()) as { access_token: string };
  const response = await fetch(`${emu.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}
