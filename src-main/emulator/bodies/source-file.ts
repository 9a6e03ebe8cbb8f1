/**
 * Captured source files. Their bytes are an AES-256-CTR keystream keyed by (seed, event ID): fast to
 * produce (GB/s), the same on every request and in every emulator with the same seed, and generated
 * chunk by chunk, so a multi-gigabyte file never sits in memory.
 */
import { createCipheriv, createHash } from 'node:crypto';
import type { Cipher } from 'node:crypto';
import { Readable } from 'node:stream';

const CHUNK = 64 * 1024;
const ZEROS = Buffer.alloc(CHUNK);
const IV = Buffer.alloc(16);
/** Up to this size the hashes are computed in one go; above it, chunk by chunk between event-loop turns. */
const SYNC_HASH_LIMIT = 4 * 1024 * 1024;

export interface FileHashes {
  md5: string;
  sha256: string;
}

function keystream(key: string): Cipher {
  const secret = createHash('sha256').update(`casedesk-emulator-file:${key}`).digest();
  return createCipheriv('aes-256-ctr', secret, IV);
}

class GeneratedFile extends Readable {
  private remaining: number;
  private readonly cipher: Cipher;

  constructor(key: string, size: number) {
    super({ highWaterMark: CHUNK });
    this.remaining = size;
    this.cipher = keystream(key);
  }

  override _read(): void {
    if (this.remaining <= 0) {
      this.push(null);
      return;
    }
    const n = Math.min(CHUNK, this.remaining);
    this.remaining -= n;
    this.push(this.cipher.update(ZEROS.subarray(0, n)));
  }
}

export function openFileContent(key: string, size: number): Readable {
  return new GeneratedFile(key, size);
}

export async function fileHashes(key: string, size: number): Promise<FileHashes> {
  const md5 = createHash('md5');
  const sha256 = createHash('sha256');
  const cipher = keystream(key);
  let remaining = size;
  let sinceYield = 0;
  while (remaining > 0) {
    const n = Math.min(CHUNK, remaining);
    const chunk = cipher.update(ZEROS.subarray(0, n));
    md5.update(chunk);
    sha256.update(chunk);
    remaining -= n;
    sinceYield += n;
    if (size > SYNC_HASH_LIMIT && sinceYield >= SYNC_HASH_LIMIT) {
      sinceYield = 0;
      // Let other requests (and downloads in flight) run while a large file is hashed.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return { md5: md5.digest('hex'), sha256: sha256.digest('hex') };
}
