/**
 * The folder fails under a bulk export: the disk fills up, the folder is read-only, the folder is
 * removed mid-job. Each ends with a plain message naming the folder on every failed item, nothing
 * half-written left behind, a manifest that is truthful (or, where it cannot be written, a job that
 * says why), and "retry failed" finishing the job once the folder is usable again.
 *
 * Disk full uses a real small tmpfs where `mount` is allowed (root here) and otherwise an ENOSPC seam
 * in the write stream; read-only uses a tmpfs mounted read-only, `chmod` (not root), `chattr +i`, or
 * an EACCES seam, whichever the machine allows first.
 */
import { execFileSync } from 'node:child_process';
import type * as NodeFs from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import type { IncydrClient } from '../../../src-main/core/incydr/index.js';
import { folderFaults } from './disk-seam.js';
import {
  clientFor,
  expectNothingPartial,
  expectTruthfulManifest,
  exportPath,
  jobFor,
  namesIn,
  rawSha256,
  readManifest,
  tempFolder,
} from './helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const { faultyCreateWriteStream } = await import('./disk-seam.js');
  const createWriteStream = faultyCreateWriteStream(fs.createWriteStream);
  return { ...fs, createWriteStream, default: { ...fs, createWriteStream } };
});

const isRoot = process.getuid?.() === 0;
/**
 * To test the fallbacks where the real thing is possible: `CASE_DESK_TEST_DISK=no-mount` does without
 * `mount`, `CASE_DESK_TEST_DISK=seam` uses the seams only.
 */
const diskMode = process.env['CASE_DESK_TEST_DISK'] ?? 'real';
const realDisk = diskMode !== 'seam';
const mayMount = diskMode === 'real';

function run(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let emu: RunningEmulator;
let client: IncydrClient;
let base: string;
let removeBase: () => Promise<void>;
const mounted: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ cases: 8, seed: 23, exportMb: 0.3 });
  client = clientFor(emu);
  ({ folder: base, remove: removeBase } = await tempFolder('disk'));
});

afterAll(async () => {
  for (const point of mounted) run('umount', ['-l', point]);
  await emu.close();
  await removeBase();
});

afterEach(() => {
  folderFaults.clear();
});

let n = 0;
async function freshFolder(): Promise<string> {
  const folder = path.join(base, `f${++n}`);
  await mkdir(folder);
  return folder;
}

/** Mounts a tmpfs of `bytes` on `folder` (root only); false where that is not allowed. */
function mountTmpfs(folder: string, options: string): boolean {
  if (!mayMount || !isRoot || !run('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', folder])) return false;
  mounted.push(folder);
  return true;
}

describe('the disk fills up', () => {
  it('fails the rest with the folder named, leaves nothing partial, and retry finishes the job', async () => {
    const numbers = emu.caseNumbers().slice(0, 6);
    const sizes = await Promise.all(
      numbers.map(async (c) => (await rawSha256(emu, exportPath(c, 'zip', null))).bytes),
    );
    // Room for the first three files and the manifest, not for the fourth.
    const room = (sizes[0] ?? 0) + (sizes[1] ?? 0) + (sizes[2] ?? 0) + 64 * 1024;
    expect(sizes[3]).toBeGreaterThan(64 * 1024);
    const folder = await freshFolder();
    const onTmpfs = mountTmpfs(folder, `size=${room},mode=0755`);
    if (!onTmpfs) folderFaults.set(folder, { code: 'ENOSPC', remaining: room - 64 * 1024 + 1024 });

    emu.resetStats();
    const job = jobFor(client, folder, numbers, { concurrency: 1 });
    job.start();
    await job.whenIdle();

    const view = job.snapshot();
    expect(view.items.map((item) => item.state)).toEqual([
      'done',
      'done',
      'done',
      'failed',
      'failed',
      'failed',
    ]);
    for (const item of view.items.slice(3)) {
      expect(item.error).toEqual({
        code: 'DISK_FULL',
        message: `The disk is full: nothing was saved in ${folder}.`,
      });
    }
    // Once the folder failed, the rest failed without a download.
    expect(emu.stats.received['GET /v1/cases/{caseNumber}/export/full']).toBe(4);
    await expectNothingPartial(folder);
    const manifest = await readManifest(folder);
    expect(manifest.json.items.map((item) => item.errorCode)).toEqual([
      null,
      null,
      null,
      'DISK_FULL',
      'DISK_FULL',
      'DISK_FULL',
    ]);
    await expectTruthfulManifest(folder, manifest);

    // Space is freed: retry the failed ones (only those), and the manifest lists all six.
    if (onTmpfs) expect(run('mount', ['-o', 'remount,size=16m', folder])).toBe(true);
    else folderFaults.delete(folder);
    emu.resetStats();
    expect(job.retryFailed()).toBe(3);
    await job.whenIdle();
    expect(emu.stats.received['GET /v1/cases/{caseNumber}/export/full']).toBe(3);
    expect(job.snapshot().counts.done).toBe(6);
    const after = await readManifest(folder);
    expect(after.json.counts['done']).toBe(6);
    await expectTruthfulManifest(folder, after);
    await expectNothingPartial(folder);
  });
});

/** Makes `folder` refuse writes in the first way this machine allows; `restore` undoes it. */
async function makeReadOnly(folder: string): Promise<{ how: string; restore: () => Promise<void> }> {
  if (realDisk && !isRoot) {
    await chmod(folder, 0o555);
    return { how: 'chmod', restore: () => chmod(folder, 0o755) };
  }
  if (mountTmpfs(folder, 'size=16m,mode=0755,ro')) {
    return {
      how: 'read-only tmpfs',
      restore: async () => {
        expect(run('mount', ['-o', 'remount,rw', folder])).toBe(true);
      },
    };
  }
  if (realDisk && run('chattr', ['+i', folder])) {
    return {
      how: 'chattr +i',
      restore: async () => {
        expect(run('chattr', ['-i', folder])).toBe(true);
      },
    };
  }
  folderFaults.set(folder, { code: 'EACCES', remaining: 0 });
  return { how: 'EACCES seam', restore: async () => void folderFaults.delete(folder) };
}

describe('the folder is read-only', () => {
  it('fails every item with the folder named, writes nothing, and retry finishes once writable', async () => {
    const numbers = emu.caseNumbers().slice(0, 4);
    const folder = await freshFolder();
    const readOnly = await makeReadOnly(folder);

    const job = jobFor(client, folder, numbers, { kind: 'pdf' });
    job.start();
    await job.whenIdle();

    const view = job.snapshot();
    expect(view.state).toBe('finished');
    for (const item of view.items) {
      expect(item.state, readOnly.how).toBe('failed');
      expect(item.error).toEqual({
        code: 'PERMISSION_DENIED',
        message: `The app is not allowed to write to the folder ${folder}.`,
      });
    }
    await expectNothingPartial(folder);
    if (view.manifest?.error) {
      // The manifest cannot go into a read-only folder either; the job says so, naming the folder.
      expect(view.manifest.error.code).toBe('PERMISSION_DENIED');
      expect(view.manifest.error.message).toContain(folder);
      expect(await namesIn(folder)).toEqual([]);
    } else {
      // (The EACCES seam only refuses downloads.) What was written is the truth: no file saved.
      await expectTruthfulManifest(folder, await readManifest(folder));
    }

    await readOnly.restore();
    expect(job.retryFailed()).toBe(4);
    await job.whenIdle();
    expect(job.snapshot().counts.done).toBe(4);
    const manifest = await readManifest(folder);
    expect(manifest.json.counts['done']).toBe(4);
    await expectTruthfulManifest(folder, manifest);
  });
});

describe('the folder is removed mid-job', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await freshFolder();
  });

  it('fails the rest, does not recreate the folder, and retry finishes once it is back', async () => {
    const numbers = emu.caseNumbers().slice(0, 6);
    const job = jobFor(client, folder, numbers, { concurrency: 1 });
    let removed: Promise<void> | undefined;
    job.onItemEnded((item) => {
      // Moved away and deleted, as when a drive is ejected: the folder's path is gone at once.
      if (item.state === 'done' && removed === undefined) {
        const gone = `${folder}-gone`;
        removed = rename(folder, gone).then(() => rm(gone, { recursive: true, force: true }));
      }
    });
    job.start();
    await job.whenIdle();
    await removed;

    const view = job.snapshot();
    const missing = { code: 'FOLDER_MISSING', message: `The folder ${folder} no longer exists.` };
    // The file saved before the removal went with the folder, so it is not reported as saved.
    expect(view.items.map((item) => item.state)).toEqual(Array(6).fill('failed'));
    for (const item of view.items) expect(item.error).toEqual(missing);
    expect(view.manifest?.error).toEqual(missing);
    expect(view.manifest?.jsonPath).toBeNull();
    await expect(namesIn(folder)).rejects.toMatchObject({ code: 'ENOENT' });

    await mkdir(folder);
    await writeFile(path.join(folder, 'notes.txt'), 'the investigator put this here');
    expect(job.retryFailed()).toBe(6);
    await job.whenIdle();
    expect(job.snapshot().counts.done).toBe(6);
    const manifest = await readManifest(folder);
    expect(manifest.json.counts['done']).toBe(6);
    await rm(path.join(folder, 'notes.txt'));
    await expectTruthfulManifest(folder, manifest);
    await expectNothingPartial(folder);
  });
});
