import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFolder, fsError, saveStream } from '../../../src-main/core/downloads/save-stream.js';
import { IncydrError } from '../../../src-main/core/incydr/errors.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'case-desk-save-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A body of `chunks` pieces of `size` bytes; optionally fails after `failAfter` chunks. */
function body(chunks: number, size = 1024, failAfter?: number): { stream: Readable; data: Buffer } {
  const parts = Array.from({ length: chunks }, (_, i) => Buffer.alloc(size, i % 251));
  const data = Buffer.concat(parts.slice(0, failAfter ?? chunks));
  let i = 0;
  const stream = new Readable({
    read() {
      if (failAfter !== undefined && i === failAfter) {
        this.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        return;
      }
      this.push(i < parts.length ? parts[i] : null);
      i++;
    },
  });
  return { stream, data };
}

describe('saveStream', () => {
  it('writes the bytes, reports size and SHA-256, and leaves no part file', async () => {
    const { stream, data } = body(50);
    const progress: number[] = [];
    const saved = await saveStream({
      body: stream,
      folder,
      fileName: 'Case-1.zip',
      expectedBytes: data.length,
      onProgress: (p) => {
        progress.push(p.bytes);
        expect(p.total).toBe(data.length);
      },
    });
    expect(saved).toEqual({
      path: path.join(folder, 'Case-1.zip'),
      fileName: 'Case-1.zip',
      bytes: data.length,
      sha256: sha256(data),
    });
    expect(await readFile(saved.path)).toEqual(data);
    expect(await readdir(folder)).toEqual(['Case-1.zip']);
    expect(progress.at(-1)).toBe(data.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('accepts a body without Content-Length', async () => {
    const { stream, data } = body(3);
    const saved = await saveStream({ body: stream, folder, fileName: 'x.bin', expectedBytes: null });
    expect(saved.bytes).toBe(data.length);
  });

  it('never overwrites: picks name (1), name (2), …', async () => {
    await writeFile(path.join(folder, 'report.pdf'), 'original');
    await writeFile(path.join(folder, 'report (1).pdf'), 'original 1');
    const { stream } = body(1);
    const saved = await saveStream({ body: stream, folder, fileName: 'report.pdf', expectedBytes: 1024 });
    expect(saved.fileName).toBe('report (2).pdf');
    expect(await readFile(path.join(folder, 'report.pdf'), 'utf8')).toBe('original');
    expect(await readFile(path.join(folder, 'report (1).pdf'), 'utf8')).toBe('original 1');
  });

  it('gives concurrent downloads of the same name distinct files', async () => {
    const saves = Array.from({ length: 6 }, (_, i) => {
      const data = Buffer.alloc(4096, i);
      return saveStream({
        body: Readable.from([data]),
        folder,
        fileName: 'same.csv',
        expectedBytes: data.length,
      }).then((saved) => ({ saved, data }));
    });
    const results = await Promise.all(saves);
    const names = results.map((r) => r.saved.fileName).sort();
    expect(new Set(names).size).toBe(6);
    expect(names).toContain('same.csv');
    for (const { saved, data } of results) expect(await readFile(saved.path)).toEqual(data);
    expect((await readdir(folder)).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('rejects a short body with LENGTH_MISMATCH and keeps nothing', async () => {
    const { stream } = body(2);
    await expect(
      saveStream({ body: stream, folder, fileName: 'a.zip', expectedBytes: 4096 }),
    ).rejects.toMatchObject({
      code: 'LENGTH_MISMATCH',
    });
    const { stream: long } = body(5);
    await expect(
      saveStream({ body: long, folder, fileName: 'a.zip', expectedBytes: 10 }),
    ).rejects.toMatchObject({
      code: 'LENGTH_MISMATCH',
    });
    expect(await readdir(folder)).toEqual([]);
  });

  it('re-throws a network failure of the body as it is and keeps nothing', async () => {
    const { stream } = body(20, 1024, 10);
    const error = await saveStream({
      body: stream,
      folder,
      fileName: 'a.zip',
      expectedBytes: 20 * 1024,
    }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(IncydrError);
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('turns a cancel into CANCELLED and keeps nothing', async () => {
    const controller = new AbortController();
    let sent = 0;
    const endless = new Readable({
      read() {
        sent++;
        if (sent === 5) controller.abort();
        this.push(Buffer.alloc(1024));
      },
    });
    await expect(
      saveStream({
        body: endless,
        folder,
        fileName: 'a.zip',
        expectedBytes: null,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses names that are not a single path segment', async () => {
    for (const fileName of ['', '.', '..', '../x', 'a/b', 'a\\b']) {
      await expect(
        saveStream({ body: Readable.from([]), folder, fileName, expectedBytes: null }),
        fileName,
      ).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    expect(await readdir(folder)).toEqual([]);
  });

  it('reports a folder that disappeared as FOLDER_MISSING, naming it', async () => {
    const gone = path.join(folder, 'gone');
    const error = await saveStream({
      body: Readable.from([Buffer.from('x')]),
      folder: gone,
      fileName: 'a.txt',
      expectedBytes: 1,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FOLDER_MISSING', folder: gone });
    expect((error as Error).message).toContain(gone);
  });
});

describe('checkFolder', () => {
  it('returns the absolute folder, or FOLDER_MISSING', async () => {
    expect(await checkFolder(folder)).toBe(path.resolve(folder));
    await expect(checkFolder(path.join(folder, 'nope'))).rejects.toMatchObject({ code: 'FOLDER_MISSING' });
    await writeFile(path.join(folder, 'file'), '');
    await expect(checkFolder(path.join(folder, 'file'))).rejects.toMatchObject({ code: 'FOLDER_MISSING' });
  });
});

describe('fsError', () => {
  const err = (code: string): Error => Object.assign(new Error(code), { code });

  it('maps disk-full, permission and missing-folder errors, naming the folder', () => {
    const cases: [string, string][] = [
      ['ENOSPC', 'DISK_FULL'],
      ['EDQUOT', 'DISK_FULL'],
      ['EACCES', 'PERMISSION_DENIED'],
      ['EPERM', 'PERMISSION_DENIED'],
      ['EROFS', 'PERMISSION_DENIED'],
      ['ENOENT', 'FOLDER_MISSING'],
      ['ENOTDIR', 'FOLDER_MISSING'],
      ['EIO', 'UNKNOWN'],
    ];
    for (const [raw, code] of cases) {
      const mapped = fsError(err(raw), '/data/exports');
      expect(mapped, raw).toMatchObject({ code, folder: '/data/exports' });
      expect(mapped.message, raw).toContain('/data/exports');
    }
  });
});
