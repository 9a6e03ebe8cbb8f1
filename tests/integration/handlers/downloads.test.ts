/**
 * `dialog.chooseFolder` + `downloads.*` through dispatch against the demo emulator: progress events
 * (throttled, with rate and ETA), one finished event per download, cancel, and the folder-handle rule.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadFinished } from '../../../src-shared/ipc/contract.js';
import { ProgressMeter } from '../../../src-main/core/downloads/progress-meter.js';
import { caseWith, createRig, tempFolder } from './helpers.js';
import type { Rig } from './helpers.js';

let rig: Rig;
beforeAll(async () => {
  rig = await createRig({ openDemo: true, session: { demo: { cases: 6, seed: 9, exportMb: 24 } } });
});
afterAll(async () => {
  await rig.close();
});

async function chooseFolder(
  prefix: string,
): Promise<{ folderId: string; folder: string; remove: () => Promise<void> }> {
  const { folder, remove } = await tempFolder(prefix);
  rig.platform.folder = folder;
  const choice = await rig.ok('dialog.chooseFolder', {});
  if (!choice) throw new Error('no folder chosen');
  return { folderId: choice.folderId, folder, remove };
}

async function start(input: Record<string, unknown>): Promise<string> {
  const { downloadId } = await rig.ok('downloads.start', input);
  expect(downloadId).toMatch(/^download-[0-9a-f-]{36}$/u);
  return downloadId;
}

const finishedOf = (downloadId: string): Promise<DownloadFinished> =>
  rig.nextEvent('downloads.finished', (f) => f.downloadId === downloadId);

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('a download', () => {
  it('returns an ID at once, reports throttled progress and finishes once with the saved file', async () => {
    const { folderId, folder, remove } = await chooseFolder('zip');
    try {
      const n = caseWith(rig.emulator(), 'OPEN');
      const began = performance.now();
      const downloadId = await start({
        kind: 'zip',
        caseNumber: n,
        folderId,
        parts: { summary: true, fileEvents: true, files: true },
      });
      const finished = await finishedOf(downloadId);
      const elapsed = performance.now() - began;

      expect(finished).toEqual({
        downloadId,
        ok: true,
        fileName: `Case-${n}.zip`,
        path: path.join(folder, `Case-${n}.zip`),
        bytes: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/u),
      });
      expect(finished.bytes).toBeGreaterThan(10 * 1024 * 1024);
      expect(await sha256(finished.path!)).toBe(finished.sha256);
      expect(await readdir(folder)).toEqual([`Case-${n}.zip`]); // no part file left behind

      const progress = rig.events.filter(
        (e) =>
          e.event === 'downloads.progress' && (e.payload as { downloadId: string }).downloadId === downloadId,
      );
      expect(progress.length).toBeGreaterThanOrEqual(1);
      expect(progress.length).toBeLessThanOrEqual(1 + Math.floor(elapsed / 250));
      for (let i = 1; i < progress.length; i++) {
        expect(progress[i]!.at - progress[i - 1]!.at).toBeGreaterThanOrEqual(240);
      }
      for (const { payload } of progress) {
        expect(payload).toEqual({
          downloadId,
          bytes: expect.any(Number),
          total: finished.bytes,
          bytesPerSecond: expect.any(Number),
          etaSeconds: expect.any(Number),
        });
        const p = payload as { bytes: number; bytesPerSecond: number };
        expect(p.bytes).toBeGreaterThan(0);
        expect(p.bytes).toBeLessThanOrEqual(finished.bytes!);
        expect(p.bytesPerSecond).toBeGreaterThan(0);
      }
      expect(rig.eventsOf('downloads.finished').filter((f) => f.downloadId === downloadId)).toHaveLength(1);
    } finally {
      await remove();
    }
  });

  it('saves each kind: summary PDF, events CSV, a captured source file', async () => {
    const { folderId, folder, remove } = await chooseFolder('kinds');
    try {
      const emu = rig.emulator();
      const n = caseWith(emu, 'OPEN');
      let eventId: string | undefined;
      for (const id of emu.eventIdsOnCase(n)) {
        if ((await emu.eventFile(id))?.downloadable) {
          eventId = id;
          break;
        }
      }
      if (!eventId) throw new Error('the seeded case has no downloadable source file');
      const ids = [
        await start({ kind: 'pdf', caseNumber: n, folderId, language: 'de' }),
        await start({ kind: 'csv', caseNumber: n, folderId }),
        await start({ kind: 'source', caseNumber: n, folderId, eventId }),
      ];
      const results = await Promise.all(ids.map(finishedOf));
      expect(results.map((r) => r.ok)).toEqual([true, true, true]);
      expect(results[0]!.fileName).toBe(`Case-${n}.pdf`);
      expect(results[1]!.fileName).toBe(`Case-${n}-file-events.csv`);
      expect(results[2]!.sha256).toBe((await emu.eventFile(eventId))!.sha256);
      expect((await readdir(folder)).sort()).toEqual(results.map((r) => r.fileName!).sort());
    } finally {
      await remove();
    }
  });

  it('removes the stale part files crashed downloads left in the folder, not fresh ones', async () => {
    const { folderId, folder, remove } = await chooseFolder('stale');
    try {
      // As a killed process leaves them (tests/integration/exports/crash-leftovers.test.ts kills one).
      const stale = '.Case-3.zip.0123456789ab.part';
      const fresh = '.Case-4.zip.abcdef012345.part';
      for (const name of [stale, fresh]) await writeFile(path.join(folder, name), 'partial');
      const then = (Date.now() - 10 * 60_000) / 1000;
      await utimes(path.join(folder, stale), then, then);
      const n = caseWith(rig.emulator(), 'OPEN');
      const finished = await finishedOf(await start({ kind: 'pdf', caseNumber: n, folderId }));
      expect(finished.ok).toBe(true);
      expect((await readdir(folder)).sort()).toEqual([fresh, finished.fileName!].sort());
    } finally {
      await remove();
    }
  });

  it('reports an API failure in its finished event (unknown case)', async () => {
    const { folderId, folder, remove } = await chooseFolder('missing-case');
    try {
      const downloadId = await start({ kind: 'pdf', caseNumber: 99_999, folderId });
      expect(await finishedOf(downloadId)).toEqual({
        downloadId,
        ok: false,
        error: { code: 'NOT_FOUND', message: 'Not found: it may have been deleted.' },
      });
      expect(await readdir(folder)).toEqual([]);
    } finally {
      await remove();
    }
  });

  it('names the folder when it disappeared after it was chosen', async () => {
    const { folderId, folder, remove } = await chooseFolder('gone');
    await rm(folder, { recursive: true });
    try {
      const downloadId = await start({ kind: 'csv', caseNumber: caseWith(rig.emulator(), 'OPEN'), folderId });
      const finished = await finishedOf(downloadId);
      expect(finished.ok).toBe(false);
      expect(finished.error).toEqual({
        code: 'FOLDER_MISSING',
        message: 'The folder no longer exists.',
        details: { folder },
      });
    } finally {
      await remove();
    }
  });
});

describe('cancelling', () => {
  it('aborts mid-stream, finishes with CANCELLED and leaves no file', async () => {
    const { folderId, folder, remove } = await chooseFolder('cancel');
    try {
      const n = caseWith(rig.emulator(), 'OPEN', 1);
      const downloadId = await start({
        kind: 'zip',
        caseNumber: n,
        folderId,
        parts: { summary: false, fileEvents: false, files: true },
      });
      await rig.nextEvent('downloads.progress', (p) => p.downloadId === downloadId);
      expect(await rig.ok('downloads.cancel', { downloadId })).toEqual({ cancelled: true });
      const finished = await finishedOf(downloadId);
      expect(finished).toEqual({
        downloadId,
        ok: false,
        error: { code: 'CANCELLED', message: 'Cancelled.' },
      });
      expect(await readdir(folder)).toEqual([]);
      expect(await rig.ok('downloads.cancel', { downloadId })).toEqual({ cancelled: false });
      expect(rig.context.downloads.active()).toEqual([]);
    } finally {
      await remove();
    }
  });

  it('answers cancelled: false for an ID it does not know', async () => {
    expect(await rig.ok('downloads.cancel', { downloadId: 'download-nope' })).toEqual({ cancelled: false });
  });
});

describe('refused before anything starts', () => {
  it('refuses a folder handle main never gave out', async () => {
    const before = rig.events.length;
    const error = await rig.fail('downloads.start', {
      kind: 'csv',
      caseNumber: 1,
      folderId: 'folder-0b9a7e52-3c1d-4f6a-9e2b-7d8c1a2b3c4d',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual([{ path: ['folderId'], message: expect.any(String) }]);
    expect(rig.events.length).toBe(before);
    expect(rig.context.downloads.active()).toEqual([]);
  });

  it('cancels running downloads when the session closes', async () => {
    const { folderId, folder, remove } = await chooseFolder('disconnect');
    try {
      const downloadId = await start({
        kind: 'zip',
        caseNumber: caseWith(rig.emulator(), 'OPEN'),
        folderId,
        parts: { summary: false, fileEvents: false, files: true },
      });
      await rig.nextEvent('downloads.progress', (p) => p.downloadId === downloadId);
      await rig.ok('session.disconnect');
      expect((await finishedOf(downloadId)).error?.code).toBe('CANCELLED');
      expect(await readdir(folder)).toEqual([]);
      // Without a session nothing starts.
      const error = await rig.fail('downloads.start', { kind: 'csv', caseNumber: 1, folderId });
      expect(error.code).toBe('NOT_CONNECTED');
    } finally {
      await remove();
    }
  });
});

describe('ProgressMeter', () => {
  it('sends at most one update per interval, with a smoothed rate and an ETA', () => {
    let now = 0;
    const meter = new ProgressMeter({ intervalMs: 250, smoothing: 0.5, now: () => now });
    now = 100;
    expect(meter.update(1000, 10_000)).toEqual({
      bytes: 1000,
      total: 10_000,
      bytesPerSecond: 10_000,
      etaSeconds: 1,
    });
    now = 200;
    expect(meter.update(2000, 10_000)).toBeUndefined(); // 100 ms after the last update
    now = 350;
    // 2,000 bytes in 250 ms = 8,000/s; smoothed with the 10,000/s before: 9,000/s.
    expect(meter.update(3000, 10_000)).toEqual({
      bytes: 3000,
      total: 10_000,
      bytesPerSecond: 9000,
      etaSeconds: 1,
    });
    now = 600;
    expect(meter.update(3000, null)).toEqual({
      bytes: 3000,
      total: null,
      bytesPerSecond: 4500,
      etaSeconds: null,
    });
  });

  it('starts over when a retried download counts from zero again, still throttled', () => {
    let now = 0;
    const meter = new ProgressMeter({ intervalMs: 250, now: () => now });
    now = 1000;
    expect(meter.update(50_000, 100_000)?.bytesPerSecond).toBe(50_000);
    now = 1100;
    expect(meter.update(10, 100_000)).toBeUndefined();
    now = 1300;
    // The new attempt: 20,000 bytes since the restart at 1,100 ms; the old rate is forgotten.
    expect(meter.update(20_000, 100_000)).toEqual({
      bytes: 20_000,
      total: 100_000,
      bytesPerSecond: 100_000,
      etaSeconds: 1,
    });
  });
});
