/**
 * A download whose process dies mid-body (killed, crashed, the power gone) leaves its part file behind:
 * nothing is left running to delete it. The next export job into that folder removes it once it is
 * stale, and leaves a fresh one alone, since that may be a download another process is still running.
 */
import { spawn } from 'node:child_process';
import { readdir, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { IncydrClient } from '../../../src-main/core/incydr/index.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { connectionEnv, testDataDir } from '../cli/helpers.js';
import { clientFor, expectNothingPartial, jobFor, namesIn, tempFolder } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

let emu: RunningEmulator;
let client: IncydrClient;
let folder: string;
let removeFolder: () => Promise<void>;

beforeAll(async () => {
  // Large enough that the download is still running when the test kills it.
  emu = await startEmulator({ cases: 6, seed: 5, exportMb: 256 });
  client = clientFor(emu);
});
afterAll(() => emu.close());
beforeEach(async () => {
  ({ folder, remove: removeFolder } = await tempFolder('crash'));
});
afterEach(() => removeFolder());

/** Starts `case-desk cases download` and SIGKILLs it once its part file has bytes; returns the part's name. */
async function killMidDownload(caseNumber: number): Promise<string> {
  const child = spawn(
    process.execPath,
    ['bin/case-desk.js', 'cases', 'download', String(caseNumber), '--path', folder],
    {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', CASE_DESK_DATA_DIR: testDataDir(), ...connectionEnv(emu) },
      stdio: 'ignore',
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (let waited = 0; waited < 30_000; waited += 10) {
      for (const name of await readdir(folder)) {
        if (!name.endsWith('.part')) continue;
        const size = (await stat(path.join(folder, name)).catch(() => null))?.size ?? 0;
        if (size > 0) {
          child.kill('SIGKILL');
          await exited;
          return name;
        }
      }
      await sleep(10);
    }
    throw new Error('the download never wrote a part file');
  } finally {
    child.kill('SIGKILL');
  }
}

it('removes the part file of a killed download once it is stale, never while it is fresh', async () => {
  const [first, second] = emu.caseNumbers('OPEN');
  if (first === undefined || second === undefined) throw new Error('the seed has fewer than two open cases');
  const part = await killMidDownload(first);
  expect(await namesIn(folder)).toEqual([part]);
  const partBytes = (await stat(path.join(folder, part))).size;
  expect(partBytes).toBeGreaterThan(0);
  expect(partBytes).toBeLessThan(256 * 1024 * 1024);

  // Right after the crash: the part is fresh, as a running download's is. A job into the folder
  // saves its own file and leaves the part alone.
  const early = jobFor(client, folder, [second], { kind: 'csv' });
  early.start();
  await early.whenIdle();
  expect(early.snapshot().counts.done).toBe(1);
  const afterEarly = await namesIn(folder);
  expect(afterEarly).toContain(part);

  // Six minutes later (the file's clock set back): the next job removes it.
  const then = (Date.now() - 6 * 60_000) / 1000;
  await utimes(path.join(folder, part), then, then);
  const later = jobFor(client, folder, [second], { kind: 'pdf' });
  later.start();
  await later.whenIdle();
  expect(later.snapshot().counts.done).toBe(1);
  await expectNothingPartial(folder);
  const saved = await namesIn(folder);
  expect(saved).not.toContain(part);
  for (const name of afterEarly.filter((n) => n !== part)) expect(saved).toContain(name);
  expect(saved.some((name) => name.endsWith('.csv'))).toBe(true);
  expect(saved.some((name) => name.endsWith('.pdf'))).toBe(true);
});
