/**
 * Small files the app writes into the investigator's export folder (the manifest), with the same care
 * as downloads: a temp file, fsync, then a link or rename, so a reader sees the old file or the new
 * one, never half of one. The folder is never created: if it is gone, that is the answer
 * (FOLDER_MISSING), not a fresh empty folder where a removed drive used to be.
 */
import { link, lstat, open, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errorCodeOf } from '../incydr/errors.js';
import { fsError } from '../downloads/save-stream.js';
import { tempName } from '../downloads/temp-files.js';

/** Link errors that mean "this file system has no hard links" rather than a real failure. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Writes `data` to a synced temp file in `folder`; returns its path. */
export async function writeTemp(folder: string, name: string, data: string): Promise<string> {
  const temp = path.join(folder, tempName(name, 'tmp'));
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw fsError(error, folder);
  }
  return temp;
}

/** Moves a temp file to `target` only if no file has that name; false when one does. */
export async function placeNew(temp: string, target: string, folder: string): Promise<boolean> {
  try {
    await link(temp, target);
    await unlink(temp);
    return true;
  } catch (error) {
    const code = errorCodeOf(error) ?? '';
    if (code === 'EEXIST') return false;
    if (!LINK_UNSUPPORTED.has(code)) throw fsError(error, folder);
  }
  // No hard links here: reserve the name exclusively, then rename over our own reservation.
  try {
    const reservation = await open(target, 'wx');
    await reservation.close();
  } catch (error) {
    if (errorCodeOf(error) === 'EEXIST') return false;
    throw fsError(error, folder);
  }
  await replace(temp, target, folder);
  return true;
}

/** Moves a temp file over `target` (a file this app wrote before). */
export async function replace(temp: string, target: string, folder: string): Promise<void> {
  try {
    await rename(temp, target);
  } catch (error) {
    throw fsError(error, folder);
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') return false;
    throw error;
  }
}
