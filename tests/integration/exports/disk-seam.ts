/**
 * Test seams for disk failures where the real thing cannot be arranged (no `mount` for a small tmpfs,
 * no way to make a folder read-only for root): a write stream into a registered folder fails with
 * ENOSPC once the folder's byte budget is spent, or with EACCES before its first byte. The real file is
 * created and written up to the failure, so cleaning up after it is tested for real.
 */
import type { WriteStream } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';

export interface FolderFault {
  code: 'ENOSPC' | 'EACCES';
  /** Bytes the folder still takes (ENOSPC). */
  remaining: number;
}

/** Folders with a fault, by absolute path. */
export const folderFaults = new Map<string, FolderFault>();

function fsFailure(code: FolderFault['code'], file: string): NodeJS.ErrnoException {
  const text = code === 'ENOSPC' ? 'no space left on device' : 'permission denied';
  return Object.assign(new Error(`${code}: ${text}, write '${file}'`), {
    code,
    errno: code === 'ENOSPC' ? -28 : -13,
    syscall: 'write',
    path: file,
  });
}

/** Wraps `create` so streams into a faulty folder fail as that folder's fault says. */
export function faultyCreateWriteStream<A extends unknown[]>(
  create: (file: string, ...rest: A) => WriteStream,
): (file: string, ...rest: A) => WriteStream {
  return (file: string, ...rest: A) => {
    const real = create(file, ...rest);
    const fault = folderFaults.get(path.dirname(path.resolve(String(file))));
    if (!fault) return real;
    const closeReal = (done: () => void): void => {
      if (real.closed) return done();
      real.once('close', () => done());
      real.destroy();
    };
    const wrapper = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (fault.code === 'EACCES') return callback(fsFailure('EACCES', file));
        if (chunk.length > fault.remaining) {
          const fits = chunk.subarray(0, fault.remaining);
          fault.remaining = 0;
          real.write(fits, () => callback(fsFailure('ENOSPC', file)));
          return;
        }
        fault.remaining -= chunk.length;
        real.write(chunk, (error) => callback(error ?? null));
      },
      final(callback) {
        real.end(() => closeReal(() => callback()));
      },
      destroy(error, callback) {
        closeReal(() => callback(error));
      },
    });
    return wrapper as unknown as WriteStream;
  };
}
