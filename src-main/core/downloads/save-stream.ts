/**
 * Streams a download into a folder without ever leaving a half-written file (design.md §5):
 * body → `.<name>.<random>.part` (counting bytes and hashing on the way, with backpressure; fsynced
 * as it closes) → verify the length → hard-link to the first free name (`name.zip`, `name (1).zip`,
 * …) → remove the part.
 * A link (or an exclusive `wx` reservation where links are not supported) cannot replace a file that
 * appeared meanwhile. On any error or cancel the part file is deleted.
 */
import { createHash } from 'node:crypto';
import { link, open, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { numberedFileName } from '../../../src-shared/filenames/index.js';
import { syncFolder } from '../atomic-file.js';
import { errorCodeOf, IncydrError, safeCause } from '../incydr/errors.js';
import { BatchedFileWriter } from './batched-file-writer.js';
import { tempName } from './temp-files.js';

export interface SavedFile {
  /** Absolute path of the saved file. */
  path: string;
  /** Its name inside the folder (may carry a ` (n)` suffix). */
  fileName: string;
  bytes: number;
  /** Hex SHA-256 of the bytes as written. */
  sha256: string;
}

export interface DownloadProgress {
  bytes: number;
  total: number | null;
}

export interface SaveStreamOptions {
  body: Readable;
  folder: string;
  /** An already sanitized name (src-shared/filenames). */
  fileName: string;
  /** `Content-Length`, when the server sent one. */
  expectedBytes: number | null;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

/** How many ` (n)` names are tried before giving up. */
const MAX_NAME_ATTEMPTS = 1000;

/** Checks the folder exists and is a folder; returns its absolute path. */
export async function checkFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    throw fsError(error, absolute);
  }
  if (!info.isDirectory()) {
    throw new IncydrError('FOLDER_MISSING', { message: `${absolute} is not a folder.`, folder: absolute });
  }
  return absolute;
}

/** Maps a file-system failure to a stable code whose message names the folder. */
export function fsError(error: unknown, folder: string): IncydrError {
  if (error instanceof IncydrError) return error;
  const code = errorCodeOf(error);
  const init = { folder, cause: error };
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new IncydrError('DISK_FULL', {
        ...init,
        message: `The disk is full: nothing was saved in ${folder}.`,
      });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new IncydrError('PERMISSION_DENIED', {
        ...init,
        message: `The app is not allowed to write to the folder ${folder}.`,
      });
    case 'ENOENT':
    case 'ENOTDIR':
      return new IncydrError('FOLDER_MISSING', {
        ...init,
        message: `The folder ${folder} no longer exists.`,
      });
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new IncydrError('UNKNOWN', {
        ...init,
        message: `Could not save in the folder ${folder}: ${detail}`,
      });
    }
  }
}

/**
 * Saves `body`. Network failures of the body are re-thrown as they are (the caller decides whether to
 * retry); disk failures become DISK_FULL / PERMISSION_DENIED / FOLDER_MISSING; a short or long body
 * becomes LENGTH_MISMATCH; a cancel becomes CANCELLED.
 */
export async function saveStream(options: SaveStreamOptions): Promise<SavedFile> {
  const folder = path.resolve(options.folder);
  const { fileName, signal, onProgress } = options;
  assertPlainName(fileName);
  const partPath = path.join(folder, tempName(fileName, 'part'));
  assertInside(folder, partPath);

  const hash = createHash('sha256');
  let bytes = 0;
  const total = options.expectedBytes;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      hash.update(chunk);
      onProgress?.({ bytes, total });
      callback(null, chunk);
    },
  });
  // Created exclusively (the part name is random, and `wx` makes sure it is ours), written in
  // batches, written back as it goes and fsynced before it closes (batched-file-writer.ts).
  const out = new BatchedFileWriter(partPath);
  // pipeline() hands the first failure to every stream, so remember which side failed first: the
  // disk (map it) or the network (re-throw it for the retry policy).
  let firstFailure: 'body' | 'disk' | undefined;
  let diskFailure: unknown;
  options.body.once('error', () => {
    firstFailure ??= 'body';
  });
  out.once('error', (error) => {
    firstFailure ??= 'disk';
    diskFailure = error;
  });

  try {
    await pipeline(options.body, meter, out, signal ? { signal } : {});
    if (total !== null && bytes !== total) {
      throw new IncydrError('LENGTH_MISMATCH', {
        message: `The download was ${bytes} bytes but the server announced ${total}; nothing was saved.`,
      });
    }
    if (signal?.aborted) throw new IncydrError('CANCELLED');
    const finalPath = await commit(partPath, folder, fileName);
    await syncFolder(folder);
    return { path: finalPath, fileName: path.basename(finalPath), bytes, sha256: hash.digest('hex') };
  } catch (error) {
    options.body.destroy();
    await closed(out);
    await rm(partPath, { force: true }).catch(() => undefined);
    if (signal?.aborted) throw new IncydrError('CANCELLED', { cause: safeCause(error) });
    if (error instanceof IncydrError) throw error;
    if (firstFailure === 'disk') throw fsError(diskFailure, folder);
    throw error;
  }
}

/** Names hard-links can be unsupported with (FAT, some network shares). */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Moves the part file to the first free name; never replaces an existing file. */
async function commit(partPath: string, folder: string, fileName: string): Promise<string> {
  let useLinks = true;
  for (let counter = 0; counter < MAX_NAME_ATTEMPTS; counter++) {
    const target = path.join(folder, numberedFileName(fileName, counter));
    assertInside(folder, target);
    if (useLinks) {
      try {
        await link(partPath, target); // fails with EEXIST rather than replace
        await unlink(partPath);
        return target;
      } catch (error) {
        const code = errorCodeOf(error);
        if (code === 'EEXIST') continue;
        if (!LINK_UNSUPPORTED.has(code ?? '')) throw fsError(error, folder);
        useLinks = false; // fall through to the reservation scheme for this same name
      }
    }
    try {
      // Reserve the name exclusively, then move the finished part file over our own empty reservation.
      const reservation = await open(target, 'wx');
      await reservation.close();
    } catch (error) {
      if (errorCodeOf(error) === 'EEXIST') continue;
      throw fsError(error, folder);
    }
    try {
      await rename(partPath, target);
    } catch (error) {
      await rm(target, { force: true }).catch(() => undefined);
      throw fsError(error, folder);
    }
    return target;
  }
  throw new IncydrError('UNKNOWN', {
    message: `Could not find a free name for ${fileName} in the folder ${folder}.`,
    folder,
  });
}

/** The name must be a single path segment (sanitize guarantees it; this is the belt to its braces). */
function assertPlainName(fileName: string): void {
  if (
    fileName === '' ||
    fileName === '.' ||
    fileName === '..' ||
    /[\\/]/u.test(fileName) ||
    fileName.includes('\0')
  ) {
    throw new IncydrError('VALIDATION', { message: `Not a safe file name: ${JSON.stringify(fileName)}` });
  }
}

function assertInside(folder: string, target: string): void {
  const resolved = path.resolve(target);
  if (path.dirname(resolved) !== folder) {
    throw new IncydrError('VALIDATION', {
      message: `Refusing to write outside the folder ${folder}.`,
      folder,
    });
  }
}

/** Waits until the write stream released its file (Windows cannot delete an open file). */
function closed(stream: Writable): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    if (!stream.destroyed) stream.destroy();
  });
}
