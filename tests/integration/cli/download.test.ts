import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseJson, startCliHarness } from './helpers.js';
import type { CliHarness } from './helpers.js';
import { zipEntries } from '../client/helpers/zip-entries.js';

let h: CliHarness;
let folder: string;

beforeAll(async () => {
  h = await startCliHarness({ cases: 8, seed: 3, eventsPerCase: { min: 4, max: 6 } });
});
afterAll(() => h.close());
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'case-desk-cli-dl-'));
  h.emu.resetStats();
});
afterEach(() => rm(folder, { recursive: true, force: true }));

interface Saved {
  path: string;
  fileName: string;
  bytes: number;
  sha256: string;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The case whose events include a downloadable captured file. */
async function caseWithFile(): Promise<{ n: number; eventId: string; sha: string; size: number }> {
  for (const n of h.emu.caseNumbers('OPEN')) {
    for (const eventId of h.emu.eventIdsOnCase(n)) {
      const file = await h.emu.eventFile(eventId);
      if (file?.downloadable) return { n, eventId, sha: file.sha256, size: file.size };
    }
  }
  throw new Error('no downloadable file seeded');
}

/** Runs a download with `-f json` and checks the printed facts against the file on disk. */
async function download(args: string[]): Promise<{ saved: Saved; bytes: Buffer }> {
  const r = await h.run(['cases', 'download', ...args, '--path', folder, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const saved = parseJson<Saved>(r.stdout);
  const bytes = await readFile(saved.path);
  expect(path.dirname(saved.path)).toBe(folder);
  expect(saved.bytes).toBe(bytes.length);
  expect(saved.sha256).toBe(sha256(bytes));
  return { saved, bytes };
}

describe('case-desk cases download', () => {
  it('only --summary saves the summary PDF', async () => {
    const n = h.emu.caseNumbers('OPEN')[0] as number;
    const { saved, bytes } = await download([String(n), '--summary']);
    expect(saved.fileName).toBe(`Case-${n}.pdf`);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(h.emu.stats.received['GET /v1/cases/{caseNumber}/export']).toBe(1);
  });

  it('removes the stale part files crashed downloads left in the folder, not fresh ones', async () => {
    const stale = '.Case-1.zip.0123456789ab.part';
    const fresh = '.Case-2.zip.abcdef012345.part';
    for (const name of [stale, fresh]) await writeFile(path.join(folder, name), 'partial');
    const then = (Date.now() - 10 * 60_000) / 1000;
    await utimes(path.join(folder, stale), then, then);
    const n = h.emu.caseNumbers('OPEN')[0] as number;
    const { saved } = await download([String(n), '--summary']);
    expect((await readdir(folder)).sort()).toEqual([fresh, saved.fileName].sort());
  });

  it('only --file-events saves the CSV', async () => {
    const n = h.emu.caseNumbers('OPEN')[0] as number;
    const { bytes } = await download([String(n), '--file-events']);
    expect(h.emu.stats.received['GET /v1/cases/{caseNumber}/fileevent/export']).toBe(1);
    for (const id of h.emu.eventIdsOnCase(n)) expect(bytes.toString()).toContain(id);
  });

  it('no flag saves the full ZIP with all three parts', async () => {
    const { n } = await caseWithFile();
    const { saved } = await download([String(n)]);
    expect(saved.fileName).toBe(`Case-${n}.zip`);
    const names = await zipEntries(saved.path);
    expect(names).toContain(`Case-${n}/Case-${n}.pdf`);
    expect(names).toContain(`Case-${n}/Case-${n}-file-events.csv`);
    expect(names.some((name) => name.startsWith(`Case-${n}/source-files/`))).toBe(true);
  });

  it('two flags save a ZIP with only those parts', async () => {
    const { n } = await caseWithFile();
    const { saved } = await download([String(n), '--summary', '--file-events']);
    expect((await zipEntries(saved.path)).sort()).toEqual([
      `Case-${n}/Case-${n}-file-events.csv`,
      `Case-${n}/Case-${n}.pdf`,
    ]);
    const files = await download([String(n), '--source-files']);
    const names = await zipEntries(files.saved.path);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.startsWith(`Case-${n}/source-files/`))).toBe(true);
    expect(h.emu.stats.received['GET /v1/cases/{caseNumber}/export/full']).toBe(2);
  });

  it('--source-file saves the captured file of one event, never overwriting', async () => {
    const { n, eventId, sha, size } = await caseWithFile();
    const first = await download([String(n), '--source-file', eventId]);
    expect(first.saved).toMatchObject({ bytes: size, sha256: sha });
    const second = await download([String(n), '--source-file', eventId]);
    expect(second.saved.path).not.toBe(first.saved.path);
    expect(second.saved.fileName).toMatch(/ \(1\)/);
    expect(await readdir(folder)).toHaveLength(2);
  });

  it('prints path, size and SHA-256 in the default view', async () => {
    const n = h.emu.caseNumbers('OPEN')[0] as number;
    const r = await h.run(['cases', 'download', String(n), '--summary', '--path', folder]);
    expect(r.code).toBe(0);
    const file = path.join(folder, `Case-${n}.pdf`);
    const bytes = await readFile(file);
    expect(r.stdout).toBe(`Saved ${file}\n${bytes.length} bytes, SHA-256 ${sha256(bytes)}\n`);
  });

  it('refuses --source-file combined with another part, exit 2, nothing requested', async () => {
    const r = await h.run(['cases', 'download', '1', '--source-file', 'x', '--summary', '--path', folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--source-file downloads one file and cannot be combined/);
    expect(Object.keys(h.emu.stats.received)).toEqual([]);
  });

  it('fails with exit 1 for a missing folder, a missing case and an event without a file', async () => {
    const n = h.emu.caseNumbers('OPEN')[0] as number;
    const noFolder = await h.run(['cases', 'download', String(n), '--path', path.join(folder, 'nope')]);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(/^error: FOLDER_MISSING: /);

    const noCase = await h.run(['cases', 'download', '999999', '--summary', '--path', folder]);
    expect(noCase).toMatchObject({ code: 1, stderr: 'error: NOT_FOUND: There is no case 999999.\n' });

    const noFile = await h.run([
      'cases',
      'download',
      String(n),
      '--source-file',
      '0_no-such-event',
      '--path',
      folder,
    ]);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toBe(
      `error: NOT_FOUND: No captured file for event 0_no-such-event on case ${n} (or there is no case ${n}).\n`,
    );
    expect(await readdir(folder)).toEqual([]);
  });
});
