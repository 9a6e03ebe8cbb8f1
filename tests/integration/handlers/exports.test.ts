/**
 * `exports.*` and `library.*` through dispatch, as the renderer will use them: a bulk export from a
 * selection and from a filter, throttled `exports.progress` events, the jobs list, interruption when
 * the session closes and resumption after reconnecting, the library of single and bulk exports with
 * verify, reveal and open (only for recorded files, and never for a captured source file).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportItemView, ExportJobSummary } from '../../../src-shared/domain/exports.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import { createRig, tempFolder } from './helpers.js';
import type { Rig } from './helpers.js';

let rig: Rig;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  rig = await createRig({ openDemo: true, session: { demo: { cases: 10, seed: 17, exportMb: 12 } } });
});
afterAll(async () => {
  await rig.close();
  await Promise.all(cleanups.map((c) => c()));
});

async function chooseFolder(prefix: string): Promise<{ folderId: string; folder: string }> {
  const { folder, remove } = await tempFolder(prefix);
  cleanups.push(remove);
  rig.platform.folder = folder;
  const choice = await rig.ok('dialog.chooseFolder', {});
  if (!choice) throw new Error('no folder chosen');
  return { folderId: choice.folderId, folder };
}

/** The job's last event, once it is no longer running. */
const endOf = (jobId: string): Promise<ExportJobSummary> =>
  rig.nextEvent('exports.progress', (view) => view.jobId === jobId && view.state !== 'running');

/** All of a job's items, a page at a time, as the window reads them. */
async function itemsOf(jobId: string, pageSize = 3): Promise<ExportItemView[]> {
  const items: ExportItemView[] = [];
  for (;;) {
    const page = await rig.ok('exports.items', { jobId, offset: items.length, limit: pageSize });
    expect(page.offset).toBe(items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.itemCount) return items;
  }
}

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('exports.start', () => {
  it('exports a selection, with progress events a few times a second and one at the end', async () => {
    const { folderId, folder } = await chooseFolder('hx-sel');
    const numbers = rig.emulator().caseNumbers().slice(0, 6);
    const { jobId } = await rig.ok('exports.start', {
      selection: { caseNumbers: numbers },
      kind: 'zip',
      folderId,
      concurrency: 2,
    });
    expect(jobId).toMatch(/^export-[0-9a-f-]{36}$/u);
    // While it runs, the items in flight show their own progress.
    let inFlight: ExportItemView | undefined;
    while (!inFlight) {
      const page = await rig.ok('exports.items', { jobId, offset: 0, limit: 100 });
      inFlight = page.items.find((item) => item.progress !== null);
      if (page.items.every((item) => item.state === 'done')) break;
      // The call is answered in-process: without a pause, this loop would starve the downloads.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(inFlight?.state).toMatch(/^(downloading|verifying)$/u);
    expect(inFlight?.progress?.bytes).toBeGreaterThanOrEqual(0);

    const end = await endOf(jobId);
    expect(end.state).toBe('finished');
    expect(end.counts.done).toBe(6);
    expect(end.itemCount).toBe(6);
    expect(end).not.toHaveProperty('items'); // events stay small, however many cases
    const items = await itemsOf(jobId);
    expect(items.map((item) => item.caseName)).toEqual(numbers.map((n) => rig.emulator().getCase(n)?.name));
    expect(items.every((item) => item.progress === null)).toBe(true);
    expect(end.progress.etaSeconds).toBeNull();
    expect(end.manifest?.jsonPath).toBe(path.join(folder, 'case-desk-manifest.json'));
    for (const item of items)
      expect(await sha256(path.join(folder, item.fileName as string))).toBe(item.sha256);
    const beyond = await rig.ok('exports.items', { jobId, offset: 6, limit: 10 });
    expect(beyond).toEqual({ itemCount: 6, offset: 6, items: [] });

    const events = rig.events.filter(
      (e) => e.event === 'exports.progress' && (e.payload as ExportJobSummary).jobId === jobId,
    );
    const running = events.filter((e) => (e.payload as ExportJobSummary).state === 'running');
    expect(running.length).toBeGreaterThan(1);
    for (let i = 1; i < running.length; i++) {
      expect((running[i]?.at ?? 0) - (running[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(240);
    }
    // Progress along the way: bytes grow, with a rate and an estimate of the total.
    const midway = running.map((e) => e.payload as ExportJobSummary).find((v) => v.progress.bytes > 0);
    expect(midway?.progress.total).toBeGreaterThan(0);
  });

  it('exports every case a filter matches', async () => {
    const { folderId, folder } = await chooseFolder('hx-query');
    const open = rig.emulator().caseNumbers('OPEN');
    const { jobId } = await rig.ok('exports.start', {
      selection: { query: { status: ['OPEN'], srtKey: ['number'], srtDir: ['desc'] } },
      kind: 'csv',
      folderId,
    });
    const end = await endOf(jobId);
    expect((await itemsOf(jobId)).map((item) => item.caseNumber)).toEqual([...open].sort((a, b) => b - a));
    expect(end.counts.done).toBe(open.length);
    expect((await readdir(folder)).length).toBe(open.length + 2);
  });

  it('refuses before starting: an unknown folder, a folder gone, a filter matching nothing, no connection', async () => {
    const unknown = await rig.fail('exports.start', {
      selection: { caseNumbers: [1] },
      kind: 'pdf',
      folderId: 'folder-0b9a7e52-3c1d-4f6a-9e2b-7d8c1a2b3c4d',
    });
    expect(unknown.code).toBe('VALIDATION');
    const { folderId, folder } = await chooseFolder('hx-gone');
    await rm(folder, { recursive: true });
    expect(
      await rig.fail('exports.start', { selection: { caseNumbers: [1] }, kind: 'pdf', folderId }),
    ).toEqual({
      code: 'FOLDER_MISSING',
      message: 'The folder no longer exists.',
      details: { folder },
    });
    const fresh = await chooseFolder('hx-none');
    const none = await rig.fail('exports.start', {
      selection: { query: { name: 'no case is called this' } },
      kind: 'pdf',
      folderId: fresh.folderId,
    });
    expect(none).toMatchObject({
      code: 'VALIDATION',
      message: 'No cases match this filter: nothing to export.',
    });
    expect(await rig.ok('exports.list')).not.toContainEqual(
      expect.objectContaining({ folder: fresh.folder }),
    );
    const gone = { jobId: 'export-0b9a7e52-3c1d-4f6a-9e2b-7d8c1a2b3c4d', offset: 0, limit: 10 };
    expect(await rig.fail('exports.items', gone)).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a job interrupted by the session closing', () => {
  it('is listed as resumable once reconnected, and resuming downloads only the rest', async () => {
    const { folderId, folder } = await chooseFolder('hx-resume');
    const numbers = rig.emulator().caseNumbers().slice(0, 8);
    const { jobId } = await rig.ok('exports.start', {
      selection: { caseNumbers: numbers },
      kind: 'zip',
      folderId,
      concurrency: 1,
    });
    await rig.nextEvent('exports.progress', (v) => v.jobId === jobId && v.counts.done >= 2);
    await rig.ok('session.disconnect');
    const interrupted = await endOf(jobId);
    expect(interrupted.state).toBe('interrupted');
    const doneBefore = (await itemsOf(jobId))
      .filter((item) => item.state === 'done')
      .map((item) => item.caseNumber);
    expect(doneBefore.length).toBeGreaterThanOrEqual(2);
    expect((await readdir(folder)).filter((name) => name.startsWith('.'))).toEqual([]);

    // Offline it is listed, not resumable; after reconnecting to the same profile it is.
    const offline = (await rig.ok('exports.list')).find((job) => job.jobId === jobId);
    expect(offline).toMatchObject({ state: 'interrupted', resumable: false });
    expect((await rig.fail('exports.resume', { jobId })).code).toBe('NOT_CONNECTED');
    await rig.ok('session.openDemo');
    const listed = (await rig.ok('exports.list')).find((job) => job.jobId === jobId);
    expect(listed).toMatchObject({ state: 'interrupted', resumable: true });

    rig.emulator().resetStats();
    const { resumed } = await rig.ok('exports.resume', { jobId });
    expect(resumed).toBe(8 - doneBefore.length);
    const end = await rig.nextEvent('exports.progress', (v) => v.jobId === jobId && v.state === 'finished');
    expect(end.counts.done).toBe(8);
    expect(rig.emulator().stats.received['GET /v1/cases/{caseNumber}/export/full']).toBe(resumed);
    expect((await rig.ok('exports.resume', { jobId })).resumed).toBe(0);
  });

  it('is not resumed or retried over another connection', async () => {
    const { folderId } = await chooseFolder('hx-other');
    const { jobId } = await rig.ok('exports.start', {
      selection: { caseNumbers: [1] },
      kind: 'pdf',
      folderId,
    });
    await endOf(jobId);
    const other = await startEmulator({ cases: 2, seed: 4 });
    try {
      await rig.ok('session.connect', {
        baseUrl: other.url,
        clientId: other.clientId,
        clientSecret: other.clientSecret,
      });
      const refused = await rig.fail('exports.retryFailed', { jobId });
      expect(refused).toEqual({
        code: 'NOT_CONNECTED',
        message:
          'This export was made with another connection (Demo workspace). Connect to it to continue the export.',
      });
    } finally {
      await rig.ok('session.openDemo');
      await other.close();
    }
  });

  it('answers NOT_FOUND for a job that does not exist', async () => {
    const jobId = 'export-00000000-0000-4000-8000-000000000000';
    expect(await rig.fail('exports.cancel', { jobId })).toEqual({
      code: 'NOT_FOUND',
      message: 'This export job no longer exists.',
    });
  });
});

describe('exports.cancel', () => {
  it('stops a running job; the tray sees it cancelled', async () => {
    const { folderId, folder } = await chooseFolder('hx-cancel');
    const { jobId } = await rig.ok('exports.start', {
      selection: { caseNumbers: rig.emulator().caseNumbers() },
      kind: 'zip',
      folderId,
      concurrency: 1,
    });
    await rig.nextEvent('exports.progress', (v) => v.jobId === jobId && v.progress.bytes > 0);
    expect(await rig.ok('exports.cancel', { jobId })).toEqual({ cancelled: true });
    const end = await endOf(jobId);
    expect(end.state).toBe('cancelled');
    expect(end.counts.cancelled).toBeGreaterThan(0);
    const names = await readdir(folder);
    expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(names.length).toBe(end.counts.done + 2);
  });
});

describe('the library', () => {
  it('lists single and bulk exports of the profile, verifies them, reveals and opens recorded files', async () => {
    const { folderId, folder } = await chooseFolder('hx-lib');
    const emu = rig.emulator();
    const n = emu.caseNumbers('OPEN')[0] as number;
    const { downloadId } = await rig.ok('downloads.start', { kind: 'pdf', caseNumber: n, folderId });
    const finished = await rig.nextEvent('downloads.finished', (f) => f.downloadId === downloadId);
    expect(finished.ok).toBe(true);
    const eventWithFile = await (async () => {
      for (const id of emu.eventIdsOnCase(n)) if ((await emu.eventFile(id))?.downloadable) return id;
      return undefined;
    })();
    expect(eventWithFile).toBeDefined();
    const source = await rig.ok('downloads.start', {
      kind: 'source',
      caseNumber: n,
      folderId,
      eventId: eventWithFile,
    });
    expect((await rig.nextEvent('downloads.finished', (f) => f.downloadId === source.downloadId)).ok).toBe(
      true,
    );
    const { jobId } = await rig.ok('exports.start', {
      selection: { caseNumbers: [n] },
      kind: 'csv',
      folderId,
    });
    await endOf(jobId);

    const { profileKey, entries } = await rig.ok('library.list', {});
    expect(profileKey).toBe('demo');
    const mine = entries.filter((e) => path.dirname(e.path) === folder);
    expect(mine.map((e) => [e.kind, e.jobId === null])).toEqual(
      expect.arrayContaining([
        ['pdf', true],
        ['source', true],
        ['csv', false],
      ]),
    );
    const pdf = mine.find((e) => e.kind === 'pdf');
    const csv = mine.find((e) => e.kind === 'csv');
    const src = mine.find((e) => e.kind === 'source');
    if (!pdf || !csv || !src) throw new Error('an entry is missing');
    expect(pdf).toMatchObject({
      caseNumber: n,
      caseName: emu.getCase(n)?.name,
      profileLabel: 'Demo workspace',
      sha256: finished.sha256,
      bytes: finished.bytes,
      path: finished.path,
    });
    expect(csv.jobId).toBe(jobId);
    expect(src.eventId).toBe(eventWithFile);

    // Verify: all fine, then one altered and one gone.
    const ok = await rig.ok('library.verify', { entryIds: [pdf.entryId, csv.entryId, src.entryId] });
    expect(ok.map((c) => c.status)).toEqual(['ok', 'ok', 'ok']);
    await writeFile(csv.path, 'tampered');
    await rm(pdf.path);
    const after = await rig.ok('library.verify', {});
    expect(after.find((c) => c.entryId === csv.entryId)?.status).toBe('altered');
    expect(after.find((c) => c.entryId === pdf.entryId)?.status).toBe('missing');
    expect(after.find((c) => c.entryId === src.entryId)?.status).toBe('ok');
    const listedAgain = (await rig.ok('library.list', {})).entries.find((e) => e.entryId === csv.entryId);
    expect(listedAgain?.lastCheck?.status).toBe('altered');

    // Reveal and open go through the platform, for recorded files only.
    rig.platform.reset();
    expect(await rig.ok('library.reveal', { entryId: csv.entryId })).toEqual({ revealed: true });
    expect(await rig.ok('library.open', { entryId: csv.entryId })).toEqual({ opened: true });
    expect(rig.platform.shownInFolder).toEqual([csv.path]);
    expect(rig.platform.openedPaths).toEqual([csv.path]);
    expect(await rig.fail('library.open', { entryId: src.entryId })).toMatchObject({ code: 'VALIDATION' });
    expect(await rig.ok('library.reveal', { entryId: src.entryId })).toEqual({ revealed: true });
    expect(await rig.fail('library.open', { entryId: pdf.entryId })).toEqual({
      code: 'FILE_MISSING',
      message: `The file ${pdf.path} is no longer there.`,
    });
    expect(
      await rig.fail('library.reveal', { entryId: 'entry-00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(rig.platform.openedPaths).toEqual([csv.path]);
  });

  it('works offline: every profile is listed and verified without a connection', async () => {
    await rig.ok('session.disconnect');
    try {
      const { profileKey, entries } = await rig.ok('library.list', {});
      expect(profileKey).toBeNull();
      expect(entries.length).toBeGreaterThan(0);
      const checks = await rig.ok('library.verify', {});
      expect(checks).toHaveLength(entries.length);
    } finally {
      await rig.ok('session.openDemo');
    }
  });
});
