// The download's file writer: batches of chunks in one writev, an exclusive create, a closing fsync.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BATCH_BYTES,
  BatchedFileWriter,
  remainingAfter,
  WRITE_BACK_BYTES,
} from '../../../src-main/core/downloads/batched-file-writer.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'case-desk-writer-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** `count` chunks of pseudo-random sizes in 1..maxSize and contents (a fixed seed). */
function chunks(count: number, maxSize: number): Buffer[] {
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, () => Buffer.alloc(1 + (next() % maxSize), next() % 256));
}

describe('BatchedFileWriter', () => {
  it('writes every chunk in order, across batches and write-backs', async () => {
    const parts = chunks(700, 100_000);
    const data = Buffer.concat(parts);
    expect(data.length).toBeGreaterThan(WRITE_BACK_BYTES + BATCH_BYTES);
    const file = path.join(folder, 'a.part');
    const writer = new BatchedFileWriter(file);
    await pipeline(Readable.from(parts), writer);
    expect(writer.bytesWritten).toBe(data.length);
    expect(writer.closed).toBe(true);
    expect(sha256(await readFile(file))).toBe(sha256(data));
  });

  it('takes thousands of tiny chunks (more than one writev can carry)', async () => {
    const parts = Array.from({ length: 5000 }, (_, i) => Buffer.from([i % 256]));
    const file = path.join(folder, 'tiny.part');
    await pipeline(Readable.from(parts), new BatchedFileWriter(file));
    expect(await readFile(file)).toEqual(Buffer.concat(parts));
  });

  it('creates the file exclusively: an existing file is an error and stays as it was', async () => {
    const file = path.join(folder, 'taken.part');
    await writeFile(file, 'evidence');
    await expect(
      pipeline(Readable.from([Buffer.from('new')]), new BatchedFileWriter(file)),
    ).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(file, 'utf8')).toBe('evidence');
  });

  it('fails with ENOENT when the folder is gone', async () => {
    const file = path.join(folder, 'gone', 'x.part');
    await expect(
      pipeline(Readable.from([Buffer.from('x')]), new BatchedFileWriter(file)),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('closes its file when destroyed part-way (the caller removes the part)', async () => {
    const file = path.join(folder, 'cut.part');
    const writer = new BatchedFileWriter(file);
    const closed = new Promise<void>((resolve) => writer.once('close', () => resolve()));
    for (const part of chunks(40, 100_000)) writer.write(part);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writer.destroy(new Error('cancelled'));
    writer.on('error', () => undefined);
    await closed;
    expect(writer.closed).toBe(true);
    // Whatever reached the disk is a prefix of what was written.
    const onDisk = await readFile(file);
    expect(onDisk.length).toBe(writer.bytesWritten);
  });
});

describe('remainingAfter', () => {
  const a = Buffer.from('abc');
  const b = Buffer.from('defg');
  const c = Buffer.from('h');
  const text = (buffers: Buffer[]): string => Buffer.concat(buffers).toString();

  it('drops what was written, splitting the buffer it ended in', () => {
    expect(text(remainingAfter([a, b, c], 0))).toBe('abcdefgh');
    expect(text(remainingAfter([a, b, c], 2))).toBe('cdefgh');
    expect(text(remainingAfter([a, b, c], 3))).toBe('defgh');
    expect(text(remainingAfter([a, b, c], 5))).toBe('fgh');
    expect(remainingAfter([a, b, c], 8)).toEqual([]);
  });
});
