// The download writer never closes its descriptor while a write it started is still running: the
// number could go to the next file the process opens, and the late write would land in that file.
// The thread pool's timing is made slow and visible by wrapping node:fs (in this file only).
import type * as Fs from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { BATCH_BYTES, BatchedFileWriter } from '../../../src-main/core/downloads/batched-file-writer.js';

const events = vi.hoisted(() => [] as string[]);

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const later = (label: string, done: () => void) =>
    setTimeout(() => {
      events.push(label);
      done();
    }, 50);
  return {
    ...fs,
    writev: (fd: number, buffers: NodeJS.ArrayBufferView[], callback: (...args: unknown[]) => void) => {
      events.push('write');
      fs.writev(fd, buffers, (error, written) => later('written', () => callback(error, written, buffers)));
    },
    fsync: (fd: number, callback: (error: Error | null) => void) => {
      events.push('fsync');
      fs.fsync(fd, (error) => later('synced', () => callback(error)));
    },
    close: (fd: number, callback: (error: Error | null) => void) => {
      events.push('close');
      fs.close(fd, callback);
    },
  };
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'case-desk-writer-close-'));
  events.length = 0;
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const closed = (writer: BatchedFileWriter) =>
  new Promise<void>((resolve) => writer.once('close', () => resolve()));

async function until(event: string): Promise<void> {
  while (!events.includes(event)) await new Promise((resolve) => setTimeout(resolve, 1));
}

it('waits for a running batch write before closing when destroyed', async () => {
  const file = path.join(folder, 'cut.part');
  const writer = new BatchedFileWriter(file);
  const done = closed(writer);
  writer.write(Buffer.alloc(BATCH_BYTES, 1)); // a full batch: its write starts
  await until('write');
  writer.destroy();
  await done;
  expect(events).toEqual(['write', 'written', 'close']);
  expect((await readFile(file)).length).toBe(BATCH_BYTES);
});

it('waits for the closing fsync before closing when destroyed during it', async () => {
  const writer = new BatchedFileWriter(path.join(folder, 'end.part'));
  const done = closed(writer);
  writer.end(Buffer.from('the last bytes'));
  await until('fsync');
  writer.destroy();
  await done;
  expect(events).toEqual(['write', 'written', 'fsync', 'synced', 'close']);
});
