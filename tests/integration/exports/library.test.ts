/**
 * The export library on its own (no network): entries per profile, newest first, kept across
 * restarts; verification re-hashes each file and flags missing and altered ones; an unreadable
 * library file is moved aside, never silently dropped.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportLibrary } from '../../../src-main/core/library/index.js';
import type { NewLibraryEntry } from '../../../src-main/core/library/index.js';
import { sha256, tempFolder } from './helpers.js';

let dataDir: string;
let folder: string;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  const data = await tempFolder('lib-data');
  const files = await tempFolder('lib-files');
  dataDir = data.folder;
  folder = files.folder;
  cleanups.push(data.remove, files.remove);
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function savedFile(
  name: string,
  text: string,
  extra: Partial<NewLibraryEntry> = {},
): Promise<NewLibraryEntry> {
  const file = path.join(folder, name);
  await writeFile(file, text);
  return {
    profileKey: 'demo',
    profileLabel: 'Demo workspace',
    caseNumber: 7,
    caseName: 'Source code to USB',
    kind: 'pdf',
    eventId: null,
    savedAt: '2025-01-02T03:04:05.000Z',
    path: file,
    fileName: name,
    bytes: Buffer.byteLength(text),
    sha256: sha256(Buffer.from(text)),
    jobId: null,
    ...extra,
  };
}

describe('the export library', () => {
  it('keeps entries per profile, newest first, across a restart', async () => {
    const library = new ExportLibrary(dataDir, { writeIntervalMs: 0 });
    const a = await library.add(await savedFile('a.pdf', 'A', { savedAt: '2025-01-01T00:00:00.000Z' }));
    const b = await library.add(await savedFile('b.pdf', 'B', { savedAt: '2025-02-01T00:00:00.000Z' }));
    const c = await library.add(await savedFile('c.csv', 'C', { profileKey: 'tenant:x|y', kind: 'csv' }));
    expect(a.entryId).toMatch(/^entry-[0-9a-f-]{36}$/u);
    await library.flush();

    const again = new ExportLibrary(dataDir);
    expect((await again.list('demo')).map((e) => e.entryId)).toEqual([b.entryId, a.entryId]);
    expect((await again.list('tenant:x|y')).map((e) => e.entryId)).toEqual([c.entryId]);
    expect(await again.list(null)).toHaveLength(3);
    expect(await again.get(a.entryId)).toEqual({ ...a, lastCheck: null });
  });

  it('verifies files by size and SHA-256: ok, altered, missing — and remembers the result', async () => {
    const library = new ExportLibrary(dataDir, {
      writeIntervalMs: 0,
      now: () => new Date('2025-03-01T00:00:00Z'),
    });
    const ok = await library.add(await savedFile('ok.pdf', 'unchanged'));
    const sameSize = await library.add(await savedFile('same-size.pdf', 'original'));
    const grown = await library.add(await savedFile('grown.pdf', 'short'));
    const gone = await library.add(await savedFile('gone.pdf', 'bye'));
    await writeFile(sameSize.path, 'ORIGINAL'); // same length, other bytes
    await writeFile(grown.path, 'much longer now');
    await rm(gone.path);

    const checks = await library.verify([
      ok.entryId,
      sameSize.entryId,
      grown.entryId,
      gone.entryId,
      'entry-00000000-0000',
    ]);
    expect(checks).toEqual([
      { entryId: ok.entryId, status: 'ok', checkedAt: '2025-03-01T00:00:00.000Z', bytes: 9 },
      { entryId: sameSize.entryId, status: 'altered', checkedAt: '2025-03-01T00:00:00.000Z', bytes: 8 },
      { entryId: grown.entryId, status: 'altered', checkedAt: '2025-03-01T00:00:00.000Z', bytes: 15 },
      { entryId: gone.entryId, status: 'missing', checkedAt: '2025-03-01T00:00:00.000Z', bytes: null },
    ]);
    await library.flush();
    const remembered = await new ExportLibrary(dataDir).get(gone.entryId);
    expect(remembered?.lastCheck).toEqual({
      status: 'missing',
      checkedAt: '2025-03-01T00:00:00.000Z',
      bytes: null,
    });
  });

  it('moves an unreadable file aside, says where, and starts empty', async () => {
    await writeFile(path.join(dataDir, 'library.json'), '{"version":1,"entries":[{"broken":');
    const library = new ExportLibrary(dataDir, {
      writeIntervalMs: 0,
      now: () => new Date('2025-03-01T00:00:00Z'),
    });
    const copy = path.join(dataDir, 'library.json.corrupt-2025-03-01T00-00-00-000Z');
    await expect(library.list(null)).rejects.toMatchObject({
      code: 'SETTINGS_CORRUPT',
      message: `The export library could not be read (it is not valid JSON). The file was kept as ${copy}; the library starts empty.`,
    });
    expect(await readFile(copy, 'utf8')).toContain('broken');
    expect(await library.list(null)).toEqual([]);
    await library.add(await savedFile('new.pdf', 'N'));
    await library.flush();
    expect((await readdir(dataDir)).sort()).toEqual([
      'library.json',
      'library.json.corrupt-2025-03-01T00-00-00-000Z',
    ]);
  });

  it('records a download even when the damaged file is found by that add', async () => {
    await writeFile(path.join(dataDir, 'library.json'), '[]');
    const library = new ExportLibrary(dataDir, { writeIntervalMs: 0 });
    const added = await library.add(await savedFile('x.pdf', 'X'));
    await library.flush();
    expect((await new ExportLibrary(dataDir).list(null)).map((e) => e.entryId)).toEqual([added.entryId]);
  });
});
