/**
 * The temp files the app writes into an investigator's folder before a rename: `.<name>.<id>.part`
 * for downloads (save-stream.ts) and `.<name>.<id>.tmp` for manifests (exports/folder-files.ts).
 * Errors and cancels delete them at once; a crash (the process killed, the power gone) cannot, so the
 * ones found stale are swept from a folder when an export job into it starts and ends, and when a
 * single download into it ends (the app's download-manager.ts, the CLI's `cases download`).
 */
import { randomBytes } from 'node:crypto';
import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errorCodeOf } from '../incydr/errors.js';

export type TempKind = 'part' | 'tmp';

/** What tempName makes, and nothing a person would name a file by hand. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.(?:part|tmp)$/u;

/**
 * A temp file not written to for this long belongs to no live download: a download that gets no
 * byte for the client's idle timeout (30 s by default) fails and deletes its part file itself.
 */
export const STALE_TEMP_MS = 5 * 60_000;

/** `.<name>.<12 random hex digits>.<kind>`: hidden, and never the name of another download. */
export function tempName(name: string, kind: TempKind): string {
  return `.${name}.${randomBytes(6).toString('hex')}.${kind}`;
}

export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/**
 * Deletes the app's temp files directly in `folder` (not below it) that were last written before
 * `now - olderThanMs`; returns their names. Only regular files with a temp name: a link or a folder
 * so named is left alone. Best effort: a folder that cannot be read, or a file that cannot be
 * deleted, is reported in `failed` and never throws.
 */
export async function sweepStaleTempFiles(
  folder: string,
  { olderThanMs = STALE_TEMP_MS, now = Date.now() }: { olderThanMs?: number; now?: number } = {},
): Promise<{ removed: string[]; failed: string[] }> {
  const removed: string[] = [];
  const failed: string[] = [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return { removed, failed };
  }
  for (const entry of entries) {
    if (!entry.isFile() || !isTempName(entry.name)) continue;
    const file = path.join(folder, entry.name);
    try {
      const info = await lstat(file);
      if (!info.isFile() || info.mtimeMs > now - olderThanMs) continue;
      await unlink(file);
      removed.push(entry.name);
    } catch (error) {
      // Gone meanwhile (its own download finished or cleaned up): nothing to do.
      if (errorCodeOf(error) !== 'ENOENT') failed.push(entry.name);
    }
  }
  return { removed, failed };
}
