/** SHA-256 of a file, streamed (a multi-gigabyte export costs no memory). */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function hashFile(
  file: string,
  signal?: AbortSignal,
): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(
    createReadStream(file),
    async function* count(source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        bytes += chunk.length;
        hash.update(chunk);
      }
      yield* [];
    },
    signal ? { signal } : {},
  );
  return { bytes, sha256: hash.digest('hex') };
}
