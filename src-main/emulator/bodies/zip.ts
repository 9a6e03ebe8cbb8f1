/**
 * The full case ZIP (`/export/full`), built with yazl in STORE mode: every entry's size is known up
 * front, so yazl computes the archive's exact length before a byte is sent (our Content-Length), and
 * the captured files stream straight from their generators into the response.
 */
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export type ZipEntry =
  { path: string; buffer: Buffer } | { path: string; size: number; open: () => Readable };

export interface BuiltZip {
  length: number;
  open: () => Readable;
}

/** `ZipFile.end` passes the computed size to its callback; the published types omit the argument. */
function endWithSize(zip: ZipFile, onSize: (total: number) => void): void {
  const end = zip.end as unknown as (this: ZipFile, options: undefined, cb: (total: number) => void) => void;
  end.call(zip, undefined, onSize);
}

/** Describes the archive; `open()` produces it (call it once per response). */
export function buildZip(entries: readonly ZipEntry[], mtime: Date): Promise<BuiltZip> {
  // yazl reports the total as soon as `end()` is called; no entry stream is opened until it is read.
  const make = (): { zip: ZipFile; length: Promise<number> } => {
    const zip = new ZipFile();
    for (const entry of entries) {
      if ('buffer' in entry) {
        zip.addBuffer(entry.buffer, entry.path, { compress: false, mtime });
      } else {
        zip.addReadStreamLazy(entry.path, { compress: false, mtime, size: entry.size }, (cb) =>
          cb(null, entry.open()),
        );
      }
    }
    const length = new Promise<number>((resolve, reject) => {
      endWithSize(zip, (total) => {
        if (total < 0) reject(new Error('ZIP size not computable'));
        else resolve(total);
      });
    });
    return { zip, length };
  };
  const probe = make();
  return probe.length.then((length) => {
    let first: ZipFile | undefined = probe.zip;
    return {
      length,
      open: () => {
        // The first call streams the archive already described; a second call builds an identical one.
        const zip = first ?? make().zip;
        first = undefined;
        return zip.outputStream as Readable;
      },
    };
  });
}
