/**
 * Failures of the app's own small files (profiles, saved views, the export library), in the codes
 * and words downloads use. A file that cannot be read is never silently dropped or overwritten: it is
 * renamed to `<file>.corrupt-<time>`, where the investigator can still look at it.
 */
import { rename } from 'node:fs/promises';
import { errorCodeOf } from './incydr/errors.js';
import { AppError } from './ipc/app-error.js';

/** A full disk or a refused write of the data folder as DISK_FULL / PERMISSION_DENIED; else as it is. */
export function dataDirError(error: unknown, folder: string): unknown {
  switch (errorCodeOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('DISK_FULL', {
        message: `The disk holding ${folder} is full.`,
        details: { folder },
      });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('PERMISSION_DENIED', {
        message: `Case Desk is not allowed to write its settings in ${folder}.`,
        details: { folder },
      });
    default:
      return error;
  }
}

/**
 * Renames an unreadable file aside and returns the copy's path. `what` names the file in a sentence
 * ("The saved views in"); if even the rename fails, that is the SETTINGS_CORRUPT error thrown.
 */
export async function setAside(file: string, now: Date, what: string, why: string): Promise<string> {
  const copy = `${file}.corrupt-${now.toISOString().replace(/[:.]/gu, '-')}`;
  try {
    await rename(file, copy);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError('SETTINGS_CORRUPT', {
      message: `${what} ${file} could not be read (${why}), and the file could not be moved aside: ${detail}.`,
    });
  }
  return copy;
}
