/**
 * A bulk export (design.md §5, issue 6): one file per case into one folder, a few cases at a time.
 * Each item goes queued → downloading → verifying → done, or ends failed (a code and a plain sentence),
 * skipped (a listed case deleted meanwhile) or cancelled. One item's failure never stops the others;
 * a failure of the folder itself (full, read-only, gone) fails the remaining items at once with the
 * same sentence instead of downloading each only to fail. Saving is the client's (part file, verified
 * length, fsync, no overwrite), so a cancelled or failed item leaves nothing behind.
 *
 * Every run ends by checking that the saved files are still there and writing the manifest; the job's
 * state is saved (coalesced) as it goes, so after a restart its unfinished items can be resumed and
 * its done items are not downloaded again.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ALL_PARTS, EXPORT_CONCURRENCY, EXPORT_ITEM_STATES } from '../../../src-shared/domain/exports.js';
import type {
  ByteProgress,
  ExportError,
  ExportItemPage,
  ExportItemState,
  ExportItemView,
  ExportJobState,
  ExportJobSummary,
  ExportJobView,
  ExportKind,
  ExportParts,
} from '../../../src-shared/domain/exports.js';
import type { DownloadProgress, IncydrClient, SavedFile } from '../incydr/client.js';
import { errorCodeOf, IncydrError } from '../incydr/errors.js';
import { fsError } from '../downloads/save-stream.js';
import { STALE_TEMP_MS, sweepStaleTempFiles } from '../downloads/temp-files.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import { CoalescedTask } from './coalesced-task.js';
import { exportError, isFolderProblem, isTransient } from './item-error.js';
import { JOB_RECORD_VERSION } from './job-record.js';
import type { ExportItemRecord, ExportJobRecord } from './job-record.js';
import type { ExportJobStore } from './job-store.js';
import { writeManifest } from './manifest.js';
import { RateWindow } from './rate-window.js';
import type { ExportItemSeed } from './selection.js';

/** What a job needs from the API client (tests may hand in a wrapper). */
export type ExportClient = Pick<
  IncydrClient,
  'getCase' | 'downloadFullCaseZip' | 'downloadSummaryPdf' | 'downloadFileEventCsv'
>;

/** A file the job saved, for the export library. */
export interface SavedExportItem {
  jobId: string;
  profileKey: string;
  profileLabel: string;
  kind: ExportKind;
  caseNumber: number;
  caseName: string | null;
  path: string;
  fileName: string;
  bytes: number;
  sha256: string;
  savedAt: string;
}

export interface ExportJobOptions {
  /** The client, or a function giving the session's current one when an item starts. */
  client: ExportClient | (() => ExportClient);
  /** Where the job's state is saved; without one it lives in memory only (the CLI). */
  store?: ExportJobStore;
  /** Called for each saved file (the library records it); errors are logged, not fatal. */
  onSaved?: (saved: SavedExportItem) => void | Promise<void>;
  logger?: Logger;
  now?: () => Date;
  /**
   * Least time between two saves of the job's state; default 250 ms, longer for very large jobs
   * (a tenth of a millisecond per item) so saving stays a small part of the work.
   */
  persistIntervalMs?: number;
  /** Attempts per item for failures a later try may not have (network, 5xx, 429); default 3. */
  itemAttempts?: number;
  /** Pause before an item's second attempt, doubling after; default 1000 ms. */
  retryDelayMs?: number;
  /**
   * A temp file in the job's folder not written to for this long is a crashed run's leftover, removed
   * when a run starts and when it ends; default STALE_TEMP_MS (downloads/temp-files.ts).
   */
  staleTempMs?: number;
}

export interface NewExportJob {
  jobId?: string;
  profileKey: string;
  profileLabel: string;
  /** Absolute path of the folder. */
  folder: string;
  kind: ExportKind;
  /** ZIP parts; default all three. Ignored for PDF and CSV. */
  parts?: ExportParts | null;
  concurrency?: number;
  items: readonly ExportItemSeed[];
}

export type ExportJobListener = () => void;
/** An item reached an end state (done, failed, skipped, cancelled). */
export type ItemEndListener = (item: ExportItemView) => void;

interface ItemProgress {
  bytes: number;
  total: number | null;
  rate: RateWindow;
}

type StopReason = 'cancel' | 'interrupt';

const IN_FLIGHT: ReadonlySet<ExportItemState> = new Set(['downloading', 'verifying']);

export function newJobId(): string {
  return `export-${randomUUID()}`;
}

export class ExportJob {
  private readonly record: ExportJobRecord;
  private readonly clientOf: () => ExportClient;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly itemAttempts: number;
  private readonly retryDelayMs: number;
  private readonly onSaved: ExportJobOptions['onSaved'];
  private readonly staleTempMs: number;
  private readonly persistTask: CoalescedTask | undefined;
  private readonly listeners = new Set<ExportJobListener>();
  private readonly itemEndListeners = new Set<ItemEndListener>();
  /** Live progress of items in flight, by item index. */
  private readonly progress = new Map<number, ItemProgress>();
  /** Indexes of queued items, in order. */
  private queue: number[] = [];
  private readonly workers = new Set<Promise<void>>();
  private controller = new AbortController();
  private stopReason: StopReason | undefined;
  private running: Promise<void> | undefined;
  private active = false;
  private resuming = false;
  private finalizing = false;
  /** Set when the folder failed (full, read-only, gone): the rest fail at once with this. */
  private folderProblem: ExportError | undefined;
  private rate = new RateWindow(Date.now());

  private constructor(record: ExportJobRecord, options: ExportJobOptions) {
    this.record = record;
    const client = options.client;
    this.clientOf = typeof client === 'function' ? client : () => client;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.itemAttempts = Math.max(1, options.itemAttempts ?? 3);
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.staleTempMs = options.staleTempMs ?? STALE_TEMP_MS;
    this.onSaved = options.onSaved;
    const store = options.store;
    this.persistTask = store
      ? new CoalescedTask(
          async () => {
            this.record.updatedAt = this.now().toISOString();
            await store.save(this.record);
          },
          {
            minIntervalMs: options.persistIntervalMs ?? Math.max(250, Math.round(record.items.length / 10)),
            onError: (error) =>
              this.logger.warn('could not save the export job', { jobId: this.jobId, error }),
          },
        )
      : undefined;
  }

  /** A new job with every item queued; call `start()` to run it. */
  static create(spec: NewExportJob, options: ExportJobOptions): ExportJob {
    const concurrency = spec.concurrency ?? EXPORT_CONCURRENCY.default;
    if (
      !Number.isInteger(concurrency) ||
      concurrency < EXPORT_CONCURRENCY.min ||
      concurrency > EXPORT_CONCURRENCY.max
    ) {
      throw new IncydrError('VALIDATION', {
        message: `Concurrency must be a whole number from ${EXPORT_CONCURRENCY.min} to ${EXPORT_CONCURRENCY.max}.`,
      });
    }
    const parts = spec.kind === 'zip' ? (spec.parts ?? { ...ALL_PARTS }) : null;
    if (parts && !parts.summary && !parts.fileEvents && !parts.files) {
      throw new IncydrError('INVALID_EXPORT_OPTIONS');
    }
    const now = (options.now ?? (() => new Date()))().toISOString();
    const record: ExportJobRecord = {
      version: JOB_RECORD_VERSION,
      jobId: spec.jobId ?? newJobId(),
      profileKey: spec.profileKey,
      profileLabel: spec.profileLabel,
      createdAt: now,
      updatedAt: now,
      folder: path.resolve(spec.folder),
      kind: spec.kind,
      parts: parts ? { ...parts } : null,
      concurrency,
      state: 'running',
      manifest: null,
      items: spec.items.map((seed) => ({
        caseNumber: seed.caseNumber,
        caseName: seed.caseName,
        listed: seed.listed,
        state: 'queued',
        fileName: null,
        bytes: null,
        sha256: null,
        error: null,
        attempts: 0,
        finishedAt: null,
      })),
    };
    return new ExportJob(record, options);
  }

  /**
   * A job from its saved state (after a restart). Items that were in flight when the app stopped are
   * queued again (their part files were removed as they stopped, or, after a crash, are swept as stale
   * when the job runs); a job saved as running was interrupted.
   */
  static restore(saved: ExportJobRecord, options: ExportJobOptions): ExportJob {
    return new ExportJob(settleRecord(saved), options);
  }

  get jobId(): string {
    return this.record.jobId;
  }

  get state(): ExportJobState {
    return this.record.state;
  }

  get profileKey(): string {
    return this.record.profileKey;
  }

  get isRunning(): boolean {
    return this.active;
  }

  /** Called after every change (state, bytes); cheap. Throttle in the listener. */
  onChange(listener: ExportJobListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called each time an item ends (for a line per case in a log). */
  onItemEnded(listener: ItemEndListener): () => void {
    this.itemEndListeners.add(listener);
    return () => this.itemEndListeners.delete(listener);
  }

  /** Runs the queued items (a no-op while running or when nothing is queued). */
  start(): void {
    if (this.running || !this.record.items.some((item) => item.state === 'queued')) return;
    this.running = this.track(() => this.loop());
  }

  /** Resolves when the job is not running any more (at once when it is not running). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Continues an interrupted job: queued items run, and done items whose file is no longer in the
   * folder (or has another size) are downloaded again; the rest are not touched. Returns how many
   * items will run.
   */
  async resume(): Promise<number> {
    if (this.running || this.resuming) return 0;
    this.resuming = true;
    try {
      let count = 0;
      for (const item of this.record.items) {
        if (item.state === 'queued') count++;
        else if (item.state === 'done' && !(await this.fileIntact(item))) {
          this.requeue(item);
          count++;
        }
      }
      if (count > 0) {
        this.folderProblem = undefined;
        this.start();
      }
      return count;
    } finally {
      this.resuming = false;
    }
  }

  /** Queues the failed items again (only those) and runs them; returns how many. */
  retryFailed(): number {
    if (this.stopReason !== undefined && this.running) return 0; // cancelling or stopping
    let count = 0;
    for (const item of this.record.items) {
      if (item.state === 'failed') {
        this.requeue(item);
        count++;
      }
    }
    if (count === 0) return 0;
    this.folderProblem = undefined;
    if (!this.running) this.start();
    else if (!this.finalizing) this.pump();
    this.notify();
    return count;
  }

  /**
   * Cancels: items in flight are aborted (their part files deleted), queued items are cancelled; the
   * files already saved stay and the manifest lists them. Resolves when the job has stopped; false
   * when there was nothing left to cancel.
   */
  async cancel(): Promise<boolean> {
    if (this.running) {
      if (this.stopReason === 'cancel') {
        await this.whenIdle();
        return true;
      }
      this.stopReason = 'cancel';
      this.cancelQueued();
      this.controller.abort();
      this.notify();
      await this.whenIdle();
      return true;
    }
    // Not running (e.g. interrupted and restored): cancel what is still queued (finishRun does).
    if (!this.record.items.some((item) => item.state === 'queued')) return false;
    this.stopReason = 'cancel';
    this.running = this.track(() => this.finishRun());
    await this.whenIdle();
    return true;
  }

  /** Stops for now (the app quits, the session closes): items in flight go back to the queue. */
  async interrupt(): Promise<void> {
    if (!this.running || this.stopReason !== undefined) {
      await this.whenIdle();
      return;
    }
    this.stopReason = 'interrupt';
    this.controller.abort();
    await this.whenIdle();
  }

  /** A copy of the saved state. */
  toRecord(): ExportJobRecord {
    return structuredClone(this.record);
  }

  /** The job with all its items, now. */
  snapshot(): ExportJobView {
    return jobView(this.record, this.runtime());
  }

  /** The job's state and totals, now (what the window is sent). */
  summary(): ExportJobSummary {
    return jobSummary(this.record, this.runtime());
  }

  /** A page of the job's items, now. */
  itemPage(offset: number, limit: number): ExportItemPage {
    return jobItemPage(this.record, offset, limit, this.runtime());
  }

  private runtime(): JobRuntime {
    return {
      running: this.active,
      progress: this.progress,
      bytesPerSecond: this.active ? this.rate.rate(Date.now()) : 0,
    };
  }

  /** Queued items left behind by an interruption. */
  hasUnfinished(): boolean {
    return hasUnfinished(this.record);
  }

  // ── the run ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Runs `work` as the job's run. `active` is set before `work` starts, so the changes it announces
   * synchronously already count as "running" (listeners throttle those, and send the end at once).
   */
  private track(work: () => Promise<void>): Promise<void> {
    this.active = true;
    return work().finally(() => {
      this.active = false;
      this.running = undefined;
      this.notify();
    });
  }

  private async loop(): Promise<void> {
    this.stopReason = undefined;
    this.controller = new AbortController();
    this.rate = new RateWindow(Date.now());
    this.logger.info('export job started', { jobId: this.jobId, items: this.record.items.length });
    await this.sweepFolder();
    for (;;) {
      this.setState('running');
      this.persistTask?.request();
      this.queue = this.record.items.flatMap((item, index) => (item.state === 'queued' ? [index] : []));
      this.pump();
      while (this.workers.size > 0) await Promise.all([...this.workers]);
      await this.finishRun();
      // "Retry failed" while the manifest was being written: run again.
      if (this.stopReason !== undefined || !this.record.items.some((item) => item.state === 'queued')) break;
    }
  }

  /** Starts workers up to the concurrency while items are queued. */
  private pump(): void {
    while (
      this.stopReason === undefined &&
      this.workers.size < this.record.concurrency &&
      this.queue.length > 0
    ) {
      const worker: Promise<void> = this.work().finally(() => {
        this.workers.delete(worker);
      });
      this.workers.add(worker);
    }
  }

  private async work(): Promise<void> {
    // take() runs before the first await, so pump() sees the queue shrink as it starts workers.
    for (let index = this.take(); index !== undefined; index = this.take()) {
      await this.runItem(index);
    }
  }

  /** The next queued item, now downloading; queued items after a folder failure fail at once. */
  private take(): number | undefined {
    for (;;) {
      if (this.stopReason !== undefined) return undefined;
      const index = this.queue.shift();
      if (index === undefined) return undefined;
      const item = this.record.items[index];
      if (!item || item.state !== 'queued') continue;
      if (this.folderProblem) {
        this.finish(item, 'failed', this.folderProblem);
        continue;
      }
      item.state = 'downloading';
      item.attempts++;
      item.error = null;
      this.progress.set(index, { bytes: 0, total: null, rate: new RateWindow(Date.now()) });
      this.notify();
      return index;
    }
  }

  private async runItem(index: number): Promise<void> {
    const item = this.record.items[index] as ExportItemRecord;
    // Each item listens on its own signal (one listener per item on the job's): the client adds a
    // few listeners per request, and a job's many requests would pile them onto one signal.
    const jobSignal = this.controller.signal;
    const own = new AbortController();
    const forward = (): void => own.abort();
    if (jobSignal.aborted) own.abort();
    else jobSignal.addEventListener('abort', forward, { once: true });
    const signal = own.signal;
    try {
      for (let attempt = 1; ; attempt++) {
        let saved: SavedFile;
        try {
          saved = await this.fetch(index, item, signal);
        } catch (error) {
          if (signal.aborted) return this.stopped(item);
          const problem = exportError(error, item.caseNumber);
          if (problem.code === 'NOT_FOUND' && item.listed) {
            return this.finish(item, 'skipped', {
              code: 'NOT_FOUND',
              message: `Case ${item.caseNumber} was deleted after the export started; there was nothing to save.`,
            });
          }
          if (isTransient(problem) && attempt < this.itemAttempts) {
            this.logger.info('export item failed; trying again', {
              jobId: this.jobId,
              caseNumber: item.caseNumber,
              code: problem.code,
            });
            const pause = await sleep(this.retryDelayMs * 2 ** (attempt - 1), true, { signal }).catch(
              () => false,
            );
            if (!pause) return this.stopped(item);
            this.progress.set(index, { bytes: 0, total: null, rate: new RateWindow(Date.now()) });
            continue;
          }
          if (isFolderProblem(problem)) this.folderProblem ??= problem;
          return this.finish(item, 'failed', problem);
        }
        // Saved: from here the item is done whatever a cancel says; it only remains to check it.
        return await this.saved(item, saved);
      }
    } finally {
      jobSignal.removeEventListener('abort', forward);
      this.progress.delete(index);
    }
  }

  /** Looks up the case's name if needed, then downloads the export into the folder. */
  private async fetch(index: number, item: ExportItemRecord, signal: AbortSignal): Promise<SavedFile> {
    const client = this.clientOf();
    if (item.caseName === null) {
      const detail = await abortable(client.getCase(item.caseNumber), signal);
      item.caseName = detail.name;
    }
    const onProgress = ({ bytes, total }: DownloadProgress): void => {
      const live = this.progress.get(index);
      if (!live) return;
      // After a retried request the count starts from 0 again.
      const delta = bytes >= live.bytes ? bytes - live.bytes : bytes;
      const now = Date.now();
      live.bytes = bytes;
      live.total = total;
      live.rate.add(delta, now);
      this.rate.add(delta, now);
      // The whole body is in: the client now checks the length, syncs and moves the file into place.
      if (total !== null && bytes >= total && item.state === 'downloading') item.state = 'verifying';
      else if (bytes < (total ?? Infinity) && item.state === 'verifying') item.state = 'downloading';
      this.notify();
    };
    const folder = this.record.folder;
    const opts = { signal, onProgress };
    switch (this.record.kind) {
      case 'zip':
        return client.downloadFullCaseZip(item.caseNumber, folder, {
          ...opts,
          ...(this.record.parts ?? ALL_PARTS),
        });
      case 'pdf':
        return client.downloadSummaryPdf(item.caseNumber, folder, opts);
      case 'csv':
        return client.downloadFileEventCsv(item.caseNumber, folder, opts);
    }
  }

  /** A saved file: check it is in place with its size, mark it done, hand it to the library. */
  private async saved(item: ExportItemRecord, saved: SavedFile): Promise<void> {
    item.state = 'verifying';
    this.notify();
    const problem = await this.checkFile(saved.fileName, saved.bytes);
    if (problem) {
      if (isFolderProblem(problem)) this.folderProblem ??= problem;
      return this.finish(item, 'failed', problem);
    }
    item.fileName = saved.fileName;
    item.bytes = saved.bytes;
    item.sha256 = saved.sha256;
    this.finish(item, 'done', null);
    if (this.onSaved) {
      try {
        await this.onSaved({
          jobId: this.jobId,
          profileKey: this.record.profileKey,
          profileLabel: this.record.profileLabel,
          kind: this.record.kind,
          caseNumber: item.caseNumber,
          caseName: item.caseName,
          path: saved.path,
          fileName: saved.fileName,
          bytes: saved.bytes,
          sha256: saved.sha256,
          savedAt: item.finishedAt ?? this.now().toISOString(),
        });
      } catch (error) {
        this.logger.warn('could not record an exported file in the library', { jobId: this.jobId, error });
      }
    }
  }

  private stopped(item: ExportItemRecord): void {
    if (this.stopReason === 'interrupt') {
      item.state = 'queued';
      this.notify();
      return;
    }
    this.finish(item, 'cancelled', null);
  }

  private finish(item: ExportItemRecord, state: ExportItemState, error: ExportError | null): void {
    item.state = state;
    item.error = error;
    if (state !== 'done') {
      item.fileName = null;
      item.bytes = null;
      item.sha256 = null;
    }
    item.finishedAt = this.now().toISOString();
    this.persistTask?.request();
    if (this.itemEndListeners.size > 0) {
      const view = itemView(item, null);
      for (const listener of this.itemEndListeners) {
        try {
          listener(view);
        } catch (error) {
          this.logger.warn('an export item listener failed', { error });
        }
      }
    }
    this.notify();
  }

  private requeue(item: ExportItemRecord): void {
    item.state = 'queued';
    item.error = null;
    item.fileName = null;
    item.bytes = null;
    item.sha256 = null;
    item.finishedAt = null;
    const index = this.record.items.indexOf(item);
    if (this.running && !this.queue.includes(index)) this.queue.push(index);
  }

  private cancelQueued(): void {
    for (const item of this.record.items) {
      if (item.state === 'queued') this.finish(item, 'cancelled', null);
    }
    this.queue = [];
  }

  /**
   * Removes stale part and temp files from the folder: what a crash left of this job's downloads (or
   * of another run's). Fresh ones may belong to a download running now, here or in another process.
   */
  private async sweepFolder(): Promise<void> {
    // File times are the real clock's, whatever clock the job was given.
    const { removed, failed } = await sweepStaleTempFiles(this.record.folder, {
      olderThanMs: this.staleTempMs,
    });
    if (removed.length > 0 || failed.length > 0) {
      this.logger.info('stale temp files in the export folder', {
        jobId: this.jobId,
        removed: removed.length,
        failed: failed.length,
      });
    }
  }

  /** The end of a run: check the saved files, settle the state, write the manifest, save. */
  private async finishRun(): Promise<void> {
    this.finalizing = true;
    try {
      if (this.stopReason === 'cancel') this.cancelQueued();
      await this.checkSavedFiles();
      await this.sweepFolder();
      const final: ExportJobState =
        this.stopReason === 'cancel'
          ? 'cancelled'
          : this.stopReason === 'interrupt'
            ? 'interrupted'
            : 'finished';
      // The state changes only once the manifest is written, so whoever sees the end sees it all.
      await this.writeManifestNow(final);
      this.record.state = final;
      await this.persistTask?.flush();
      this.logger.info('export job ended', {
        jobId: this.jobId,
        state: this.record.state,
        ...this.countsForLog(),
      });
    } finally {
      this.finalizing = false;
      this.notify();
    }
  }

  /** The manifest lists a file only if it is still in the folder with the size it was saved with. */
  private async checkSavedFiles(): Promise<void> {
    for (const item of this.record.items) {
      if (item.state !== 'done' || item.fileName === null) continue;
      const problem = await this.checkFile(item.fileName, item.bytes ?? -1);
      if (problem) this.finish(item, 'failed', problem);
    }
  }

  /** Undefined when `fileName` is in the folder with `bytes` bytes; else why not. */
  private async checkFile(fileName: string, bytes: number): Promise<ExportError | undefined> {
    const folder = this.record.folder;
    try {
      const info = await stat(path.join(folder, fileName));
      if (info.isFile() && info.size === bytes) return undefined;
      return {
        code: 'FILE_MISSING',
        message: `The saved file ${fileName} in the folder ${folder} was changed after it was saved.`,
      };
    } catch (error) {
      if (errorCodeOf(error) !== 'ENOENT') return exportError(fsError(error, folder), 0);
      try {
        await stat(folder);
      } catch (folderError) {
        return exportError(fsError(folderError, folder), 0);
      }
      return {
        code: 'FILE_MISSING',
        message: `The saved file ${fileName} is no longer in the folder ${folder}.`,
      };
    }
  }

  private async fileIntact(item: ExportItemRecord): Promise<boolean> {
    return item.fileName !== null && (await this.checkFile(item.fileName, item.bytes ?? -1)) === undefined;
  }

  private async writeManifestNow(state: ExportJobState): Promise<void> {
    const previous = this.record.manifest;
    const names =
      previous?.jsonName && previous.csvName
        ? { jsonName: previous.jsonName, csvName: previous.csvName }
        : null;
    const writtenAt = this.now().toISOString();
    try {
      const written = await writeManifest({ ...this.record, state }, names, writtenAt);
      this.record.manifest = { ...written, writtenAt, error: null };
    } catch (error) {
      const problem = exportError(error, 0);
      this.logger.warn('could not write the export manifest', { jobId: this.jobId, code: problem.code });
      this.record.manifest = {
        jsonName: names?.jsonName ?? null,
        csvName: names?.csvName ?? null,
        writtenAt: previous?.writtenAt ?? null,
        error: problem,
      };
    }
  }

  private setState(state: ExportJobState): void {
    if (this.record.state === state) return;
    this.record.state = state;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.logger.warn('an export job listener failed', { error });
      }
    }
  }

  private countsForLog(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const item of this.record.items) counts[item.state] = (counts[item.state] ?? 0) + 1;
    return counts;
  }
}

/** A saved job as it is after a restart: what was in flight is queued again, a running job was interrupted. */
export function settleRecord(saved: ExportJobRecord): ExportJobRecord {
  const record = structuredClone(saved);
  for (const item of record.items) {
    if (IN_FLIGHT.has(item.state)) item.state = 'queued';
  }
  if (record.state === 'running') record.state = 'interrupted';
  return record;
}

function hasUnfinished(record: ExportJobRecord): boolean {
  return record.items.some((item) => item.state === 'queued' || IN_FLIGHT.has(item.state));
}

export interface JobRuntime {
  running: boolean;
  /** Live progress of items in flight, by item index. */
  progress: ReadonlyMap<number, ItemProgress>;
  bytesPerSecond: number;
}

const IDLE: JobRuntime = { running: false, progress: new Map(), bytesPerSecond: 0 };

/**
 * A job's state and totals without its items (what the window is sent); without a runtime, of a
 * saved job that is not running. One pass over the items, building nothing per item.
 */
export function jobSummary(record: ExportJobRecord, runtime: JobRuntime = IDLE): ExportJobSummary {
  const counts = Object.fromEntries(EXPORT_ITEM_STATES.map((s) => [s, 0])) as Record<ExportItemState, number>;
  let bytes = 0;
  let known = 0;
  let sized = 0;
  let unsized = 0;
  record.items.forEach((item, index) => {
    counts[item.state]++;
    const live = runtime.progress.get(index);
    if (item.state === 'done') {
      bytes += item.bytes ?? 0;
      known += item.bytes ?? 0;
      sized++;
    } else if (live && IN_FLIGHT.has(item.state)) {
      bytes += live.bytes;
      if (live.total !== null) {
        known += live.total;
        sized++;
      } else unsized++;
    } else if (item.state === 'queued') unsized++;
  });
  // Until every item's size is known, the rest are assumed to be as large as the average so far.
  const total = unsized === 0 ? known : sized > 0 ? Math.round(known + (unsized * known) / sized) : null;
  const rate = runtime.bytesPerSecond;
  const active = runtime.running && record.state === 'running';
  const manifest = record.manifest;
  const folder = record.folder;
  return {
    jobId: record.jobId,
    profileKey: record.profileKey,
    profileLabel: record.profileLabel,
    kind: record.kind,
    parts: record.parts,
    folder,
    concurrency: record.concurrency,
    state: record.state,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    counts,
    progress: {
      bytes,
      total,
      bytesPerSecond: active ? rate : 0,
      etaSeconds: active ? eta(total, bytes, rate) : null,
    },
    itemCount: record.items.length,
    manifest: manifest && {
      jsonPath: manifest.jsonName === null ? null : path.join(folder, manifest.jsonName),
      csvPath: manifest.csvName === null ? null : path.join(folder, manifest.csvName),
      writtenAt: manifest.writtenAt,
      error: manifest.error,
    },
    resumable: !runtime.running && record.state === 'interrupted' && hasUnfinished(record),
  };
}

/** The job's items from `offset` on, at most `limit` of them. */
export function jobItemPage(
  record: ExportJobRecord,
  offset: number,
  limit: number,
  runtime: JobRuntime = IDLE,
): ExportItemPage {
  const now = Date.now();
  const end = Math.min(record.items.length, offset + limit);
  const items: ExportItemView[] = [];
  for (let index = offset; index < end; index++) items.push(itemViewAt(record, runtime, index, now));
  return { itemCount: record.items.length, offset, items };
}

/** The job with all its items. */
export function jobView(record: ExportJobRecord, runtime: JobRuntime = IDLE): ExportJobView {
  return {
    ...jobSummary(record, runtime),
    items: jobItemPage(record, 0, record.items.length, runtime).items,
  };
}

function itemViewAt(
  record: ExportJobRecord,
  runtime: JobRuntime,
  index: number,
  now: number,
): ExportItemView {
  const item = record.items[index]!;
  const live = runtime.progress.get(index);
  let progress: ByteProgress | null = null;
  if (live && IN_FLIGHT.has(item.state)) {
    const rate = live.rate.rate(now);
    progress = {
      bytes: live.bytes,
      total: live.total,
      bytesPerSecond: rate,
      etaSeconds: eta(live.total, live.bytes, rate),
    };
  }
  return itemView(item, progress);
}

function itemView(item: ExportItemRecord, progress: ByteProgress | null): ExportItemView {
  return {
    caseNumber: item.caseNumber,
    caseName: item.caseName,
    state: item.state,
    fileName: item.fileName,
    bytes: item.bytes,
    sha256: item.sha256,
    error: item.error && { ...item.error },
    progress,
  };
}

function eta(total: number | null, bytes: number, rate: number): number | null {
  if (total === null || rate <= 0) return null;
  return Math.max(0, Math.ceil((total - bytes) / rate));
}

/** Rejects with CANCELLED as soon as `signal` aborts (the request itself finishes in the background). */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new IncydrError('CANCELLED'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new IncydrError('CANCELLED'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
