/**
 * Writes a small file (profiles, settings, saved views, export jobs, the library) so that a reader
 * sees the old bytes or the new ones, never a mix: a temp file in the same folder (so the rename stays
 * on one file system), fsync, rename over the target, then fsync the folder so the rename itself
 * survives a crash. The temp file is removed on any failure, leaving the previous file as it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of the new file; default 0o600: these files name tenants and people. */
  mode?: number;
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = dirname(target);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = options.mode ?? 0o600;
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Makes new entries of a folder (a rename, a link) durable. Best effort: Windows cannot open a folder
 * for fsync, and some file systems refuse it; the files themselves are synced already.
 */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // the entry is there; only its durability across a power cut is lost
  }
}
