/**
 * A bulk export's life: bounded concurrency, cancel mid-job (nothing partial left), resume after a
 * restart (only what is missing is downloaded), retry of the failed items only, a listed case deleted
 * meanwhile (skipped), and two jobs in one folder (neither overwrites the other's manifest).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExportJob, ExportJobStore, resolveSelection } from '../../../src-main/core/exports/index.js';
import type { ExportClient } from '../../../src-main/core/exports/index.js';
import { IncydrError } from '../../../src-main/core/incydr/index.js';
import type { IncydrClient, SavedFile } from '../../../src-main/core/incydr/index.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import {
  clientFor,
  expectNothingPartial,
  expectTruthfulManifest,
  jobFor,
  namesIn,
  readManifest,
  tempFolder,
} from './helpers.js';

let emu: RunningEmulator;
let client: IncydrClient;
const requests: string[] = [];
let folder: string;
let removeFolder: () => Promise<void>;

beforeAll(async () => {
  emu = await startEmulator({ cases: 12, seed: 31, exportMb: 2, log: (line) => requests.push(line) });
  client = clientFor(emu);
});
afterAll(() => emu.close());
beforeEach(async () => {
  ({ folder, remove: removeFolder } = await tempFolder('life'));
  requests.length = 0;
});
afterEach(() => removeFolder());

/** Full-ZIP downloads the emulator answered, per case number. */
function zipRequests(): number[] {
  return requests
    .map((line) => /^GET \/v1\/cases\/(\d+)\/export\/full 200/u.exec(line)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
}

/** A client that counts calls per case, can refuse some cases, and tracks downloads in flight. */
function spyClient(inner: IncydrClient) {
  const refused = new Set<number>();
  const calls = new Map<number, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const wrap =
    <A extends unknown[]>(fn: (n: number, ...rest: A) => Promise<SavedFile>) =>
    async (n: number, ...rest: A) => {
      calls.set(n, (calls.get(n) ?? 0) + 1);
      if (refused.has(n)) throw new IncydrError('FORBIDDEN', { status: 403 });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await fn(n, ...rest);
      } finally {
        inFlight--;
      }
    };
  const spy: ExportClient = {
    getCase: (n) => inner.getCase(n),
    downloadFullCaseZip: wrap((n, folderPath: string, opts) =>
      inner.downloadFullCaseZip(n, folderPath, opts),
    ),
    downloadSummaryPdf: wrap((n, folderPath: string, opts) => inner.downloadSummaryPdf(n, folderPath, opts)),
    downloadFileEventCsv: wrap((n, folderPath: string, opts) =>
      inner.downloadFileEventCsv(n, folderPath, opts),
    ),
  };
  return { spy, refused, calls, maxInFlight: () => maxInFlight };
}

describe('concurrency', () => {
  it('never has more cases in flight than asked, and uses that many', async () => {
    const { spy, maxInFlight } = spyClient(client);
    const job = jobFor(spy, folder, emu.caseNumbers().slice(0, 8), { kind: 'pdf', concurrency: 2 });
    job.start();
    await job.whenIdle();
    expect(job.snapshot().counts.done).toBe(8);
    expect(maxInFlight()).toBe(2);
  });

  it('refuses a concurrency outside 1 to 8', () => {
    for (const concurrency of [0, 9, 1.5]) {
      expect(() => jobFor(client, folder, [1], { concurrency })).toThrow(/from 1 to 8/u);
    }
  });
});

describe('cancel', () => {
  it('aborts what is in flight, cancels the queue, and leaves only complete files', async () => {
    const numbers = emu.caseNumbers().slice(0, 8);
    const job = jobFor(client, folder, numbers, { concurrency: 3 });
    let cancelling: Promise<boolean> | undefined;
    job.onChange(() => {
      const view = job.snapshot();
      const midBody = view.items.some(
        (item) =>
          item.progress !== null &&
          item.progress.bytes > 0 &&
          item.progress.bytes < (item.progress.total ?? 0),
      );
      if (cancelling === undefined && view.counts.done >= 1 && midBody) cancelling = job.cancel();
    });
    job.start();
    await job.whenIdle();
    expect(await cancelling).toBe(true);

    const view = job.snapshot();
    expect(view.state).toBe('cancelled');
    expect(view.counts.done).toBeGreaterThanOrEqual(1);
    expect(view.counts.cancelled).toBeGreaterThanOrEqual(1);
    expect(view.counts.done + view.counts.cancelled).toBe(8);
    await expectNothingPartial(folder);
    const manifest = await readManifest(folder);
    expect(manifest.json.jobState).toBe('cancelled');
    expect(manifest.json.counts['cancelled']).toBe(view.counts.cancelled);
    await expectTruthfulManifest(folder, manifest);
    // Cancelling again has nothing left to do.
    expect(await job.cancel()).toBe(false);
    expect(job.retryFailed()).toBe(0);
  });
});

describe('resume after a restart', () => {
  let dataDir: string;
  let removeData: () => Promise<void>;
  beforeEach(async () => {
    ({ folder: dataDir, remove: removeData } = await tempFolder('life-data'));
  });
  afterEach(() => removeData());

  it('downloads only what is missing: the unfinished items and a saved file that was deleted', async () => {
    const numbers = emu.caseNumbers().slice(0, 6);
    const first = jobFor(client, folder, numbers, { concurrency: 1, store: new ExportJobStore(dataDir) });
    let stopping: Promise<void> | undefined;
    first.onItemEnded(() => {
      // The app quits after two cases: the session closes, the job is interrupted.
      if (first.snapshot().counts.done === 2) stopping ??= first.interrupt();
    });
    first.start();
    await first.whenIdle();
    await stopping;
    expect(first.snapshot().state).toBe('interrupted');
    await expectNothingPartial(folder);

    // A new process: the saved state, as a crash would have left it (running, one case in flight).
    const store = new ExportJobStore(dataDir);
    const saved = await store.load(first.jobId);
    expect(saved?.items.map((item) => item.state)).toEqual([
      'done',
      'done',
      'queued',
      'queued',
      'queued',
      'queued',
    ]);
    if (!saved) throw new Error('the job was not saved');
    const third = saved.items[2];
    if (third) third.state = 'downloading';
    await store.save({ ...saved, state: 'running' });
    const [listed] = await store.list();
    expect(listed?.jobId).toBe(first.jobId);

    const restored = ExportJob.restore(listed as NonNullable<typeof listed>, {
      client,
      store,
      retryDelayMs: 50,
    });
    const before = restored.snapshot();
    expect(before.state).toBe('interrupted');
    expect(before.resumable).toBe(true);
    expect(before.counts).toMatchObject({ done: 2, queued: 4, downloading: 0 });

    // Meanwhile the investigator deleted one of the saved files.
    const firstFile = before.items[0]?.fileName as string;
    await rm(path.join(folder, firstFile));
    requests.length = 0;
    expect(await restored.resume()).toBe(5);
    await restored.whenIdle();

    expect(zipRequests().sort((a, b) => a - b)).toEqual(
      [numbers[0] as number, ...numbers.slice(2)].sort((a, b) => a - b),
    );
    const view = restored.snapshot();
    expect(view.state).toBe('finished');
    expect(view.counts.done).toBe(6);
    // No second copies: every case has its one file.
    expect((await namesIn(folder)).filter((name) => / \(\d+\)/u.test(name))).toEqual([]);
    const manifest = await readManifest(folder);
    expect(manifest.json.jobId).toBe(first.jobId);
    await expectTruthfulManifest(folder, manifest);
    expect((await store.load(first.jobId))?.state).toBe('finished');
  });
});

describe('cancel of an interrupted job', () => {
  it('cancels the queued rest without a download and writes the manifest', async () => {
    const { folder: dataDir, remove } = await tempFolder('life-cancel-data');
    try {
      const store = new ExportJobStore(dataDir);
      const numbers = emu.caseNumbers().slice(0, 4);
      const first = jobFor(client, folder, numbers, { kind: 'pdf', concurrency: 1, store });
      let stopping: Promise<void> | undefined;
      first.onItemEnded(() => {
        stopping ??= first.interrupt();
      });
      first.start();
      await first.whenIdle();
      await stopping;
      const saved = await store.load(first.jobId);
      if (!saved) throw new Error('the job was not saved');
      const restored = ExportJob.restore(saved, { client, store });
      requests.length = 0;
      expect(await restored.cancel()).toBe(true);
      expect(requests).toEqual([]);
      const view = restored.snapshot();
      expect(view.state).toBe('cancelled');
      expect(view.counts).toMatchObject({ done: 1, cancelled: 3 });
      expect(view.resumable).toBe(false);
      const manifest = await readManifest(folder);
      expect(manifest.json.jobState).toBe('cancelled');
      await expectTruthfulManifest(folder, manifest);
      expect((await store.load(first.jobId))?.state).toBe('cancelled');
    } finally {
      await remove();
    }
  });
});

describe('retry failed', () => {
  it('queues the failed items only, and rewrites the same manifest', async () => {
    const numbers = emu.caseNumbers().slice(0, 5);
    const { spy, refused, calls } = spyClient(client);
    const [, second, , fourth] = numbers as [number, number, number, number, number];
    refused.add(second).add(fourth);
    const job = jobFor(spy, folder, numbers, { kind: 'csv' });
    job.start();
    await job.whenIdle();
    let view = job.snapshot();
    expect(view.counts).toMatchObject({ done: 3, failed: 2 });
    expect(view.items[1]?.error).toEqual({
      code: 'FORBIDDEN',
      message: 'This API client is not allowed to do that.',
    });
    const firstManifest = await readManifest(folder);
    expect(firstManifest.json.counts['failed']).toBe(2);
    await expectTruthfulManifest(folder, firstManifest);

    refused.clear();
    calls.clear();
    expect(job.retryFailed()).toBe(2);
    await job.whenIdle();
    expect([...calls.keys()].sort()).toEqual([second, fourth].sort());
    view = job.snapshot();
    expect(view.counts.done).toBe(5);
    expect(job.retryFailed()).toBe(0);
    const manifest = await readManifest(folder);
    expect(manifest.json.counts['done']).toBe(5);
    await expectTruthfulManifest(folder, manifest);
    expect(await namesIn(folder)).toHaveLength(5 + 2);
  });
});

describe('a listed case deleted after the export started', () => {
  it('is skipped with a sentence that says so', async () => {
    const seeds = await resolveSelection(client, { query: { status: ['OPEN'] } }, { limit: 3 });
    expect(seeds.every((seed) => seed.listed && seed.caseName !== null)).toBe(true);
    const gone = seeds[1]?.caseNumber as number;
    const job = ExportJob.create(
      { profileKey: 't', profileLabel: 'T', folder, kind: 'pdf', items: seeds },
      { client, retryDelayMs: 50 },
    );
    await client.deleteCase(gone);
    job.start();
    await job.whenIdle();
    const view = job.snapshot();
    expect(view.items.map((item) => item.state)).toEqual(['done', 'skipped', 'done']);
    expect(view.items[1]?.error).toEqual({
      code: 'NOT_FOUND',
      message: `Case ${gone} was deleted after the export started; there was nothing to save.`,
    });
    await expectTruthfulManifest(folder, await readManifest(folder));
  });
});

describe('two jobs in one folder', () => {
  it('each writes its own manifest; neither overwrites the other', async () => {
    const numbers = emu.caseNumbers('OPEN').slice(0, 2);
    const pdfs = jobFor(client, folder, numbers, { kind: 'pdf' });
    pdfs.start();
    await pdfs.whenIdle();
    const csvs = jobFor(client, folder, numbers, { kind: 'csv' });
    csvs.start();
    await csvs.whenIdle();
    expect(csvs.snapshot().manifest?.jsonPath).toBe(path.join(folder, 'case-desk-manifest (1).json'));
    const first = JSON.parse(await readFile(path.join(folder, 'case-desk-manifest.json'), 'utf8')) as {
      jobId: string;
    };
    const second = await readManifest(folder, {
      json: 'case-desk-manifest (1).json',
      csv: 'case-desk-manifest (1).csv',
    });
    expect(first.jobId).toBe(pdfs.jobId);
    expect(second.json.jobId).toBe(csvs.jobId);
    expect(second.json.items.map((item) => item.file)).toEqual(
      numbers.map((n) => `Case-${n}-file-events.csv`),
    );
  });
});
