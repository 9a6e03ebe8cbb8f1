/**
 * The app's bulk exports (the `exports.*` channels): starts jobs into folders the investigator chose,
 * sends each job's state as throttled `exports.progress` events, records saved files in the export
 * library, and brings saved jobs back after a restart (listed, resumable, retryable). Jobs of another
 * profile are listed but only resumed or retried while connected to that profile. When the session
 * closes (switching profile, quitting) running jobs are interrupted, to be resumed later.
 */
import { EXPORT_MAX_CASES } from '../../../src-shared/domain/exports.js';
import type { ExportItemPage, ExportJobSummary } from '../../../src-shared/domain/exports.js';
import type { ParsedInputOf } from '../../../src-shared/ipc/contract.js';
import type { Emit } from '../downloads/download-manager.js';
import type { FolderRegistry } from '../downloads/folder-registry.js';
import { checkFolder } from '../downloads/save-stream.js';
import type { IncydrClient } from '../incydr/client.js';
import { AppError, validationError } from '../ipc/app-error.js';
import type { ExportLibrary } from '../library/export-library.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import { ExportJob, jobItemPage, jobSummary, settleRecord } from './export-job.js';
import type { ExportJobOptions, SavedExportItem } from './export-job.js';
import type { ExportJobStore } from './job-store.js';
import { resolveSelection } from './selection.js';

export type ExportStartRequest = ParsedInputOf<'exports.start'>;

/** What the manager needs from the session. */
export interface ExportSession {
  client(): IncydrClient;
  /** NOT_CONNECTED when there is no connection. */
  profileKey(): string;
  info(): { connected: boolean; label: string | null };
}

export interface ExportManagerOptions {
  session: ExportSession;
  folders: FolderRegistry;
  store: ExportJobStore;
  library?: ExportLibrary;
  emit: Emit;
  logger?: Logger;
  /** Least time between two `exports.progress` events of one job; default 250 ms (4 a second). */
  progressIntervalMs?: number;
  /** Job tuning (tests shorten the pause before an item's next attempt). */
  job?: Pick<ExportJobOptions, 'itemAttempts' | 'retryDelayMs' | 'persistIntervalMs'>;
}

export const JOB_GONE = 'This export job no longer exists.';

interface Live {
  job: ExportJob;
  unsubscribe: () => void;
  timer: NodeJS.Timeout | undefined;
}

export class ExportManager {
  private readonly live = new Map<string, Live>();
  private readonly logger: Logger;
  private readonly intervalMs: number;

  constructor(private readonly options: ExportManagerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.intervalMs = options.progressIntervalMs ?? 250;
  }

  /**
   * Resolves the selection (a filter walks every page of the list), creates the job and starts it.
   * Throws before starting anything for an unknown folder handle, a folder that is gone or not a
   * folder, no connection, or a selection with no (or too many) cases.
   */
  async start(request: ExportStartRequest): Promise<{ jobId: string }> {
    const { session } = this.options;
    const chosen = this.options.folders.require(request.folderId);
    const client = session.client();
    const profileKey = session.profileKey();
    const folder = await checkFolder(chosen);
    const seeds = await resolveSelection(
      client,
      'caseNumbers' in request.selection
        ? { caseNumbers: request.selection.caseNumbers }
        : { query: request.selection.query },
      { limit: EXPORT_MAX_CASES + 1 },
    );
    if (seeds.length === 0)
      throw validationError('selection', 'No cases match this filter: nothing to export.');
    if (seeds.length > EXPORT_MAX_CASES) {
      throw validationError(
        'selection',
        `More than ${EXPORT_MAX_CASES.toLocaleString('en-US')} cases match; narrow the filter and export in parts.`,
      );
    }
    const job = ExportJob.create(
      {
        profileKey,
        profileLabel: session.info().label ?? '',
        folder,
        kind: request.kind,
        parts: request.parts ?? null,
        ...(request.concurrency === undefined ? {} : { concurrency: request.concurrency }),
        items: seeds,
      },
      this.jobOptions(),
    );
    this.adopt(job);
    job.start();
    this.logger.info('bulk export started', { jobId: job.jobId, kind: request.kind, cases: seeds.length });
    return { jobId: job.jobId };
  }

  /** Running and saved jobs, newest first. */
  async list(): Promise<ExportJobSummary[]> {
    const views = new Map<string, ExportJobSummary>();
    for (const { job } of this.live.values()) views.set(job.jobId, this.view(job));
    for (const record of await this.options.store.list()) {
      if (views.has(record.jobId)) continue;
      const view = jobSummary(settleRecord(record));
      views.set(record.jobId, {
        ...view,
        resumable: view.resumable && this.isCurrentProfile(record.profileKey),
      });
    }
    return [...views.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** A page of a job's items (a running job's or a saved one's). */
  async items(jobId: string, offset: number, limit: number): Promise<ExportItemPage> {
    const live = this.live.get(jobId)?.job;
    if (live) return live.itemPage(offset, limit);
    const record = await this.options.store.load(jobId);
    if (!record) throw new AppError('NOT_FOUND', { message: JOB_GONE });
    return jobItemPage(settleRecord(record), offset, limit);
  }

  /** Cancels a running job (or the queued rest of an interrupted one); false when nothing was left. */
  async cancel(jobId: string): Promise<{ cancelled: boolean }> {
    const job = await this.jobFor(jobId, { sameProfile: false });
    return { cancelled: await job.cancel() };
  }

  async retryFailed(jobId: string): Promise<{ requeued: number }> {
    const job = await this.jobFor(jobId, { sameProfile: true });
    return { requeued: job.retryFailed() };
  }

  async resume(jobId: string): Promise<{ resumed: number }> {
    const job = await this.jobFor(jobId, { sameProfile: true });
    return { resumed: await job.resume() };
  }

  /** Stops every running job for now (their unfinished items stay queued, to be resumed). */
  async interruptAll(): Promise<void> {
    await Promise.all([...this.live.values()].map(({ job }) => job.interrupt()));
  }

  /** Resolves when no job is running (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.live.values()].map(({ job }) => job.whenIdle()));
  }

  /** A live job, or a saved one brought back (not started). */
  private async jobFor(jobId: string, { sameProfile }: { sameProfile: boolean }): Promise<ExportJob> {
    let job = this.live.get(jobId)?.job;
    if (!job) {
      const record = await this.options.store.load(jobId);
      if (!record) throw new AppError('NOT_FOUND', { message: JOB_GONE });
      job = ExportJob.restore(record, this.jobOptions());
      this.adopt(job);
    }
    if (sameProfile && !this.isCurrentProfile(job.profileKey)) {
      const label = job.snapshot().profileLabel;
      throw new AppError('NOT_CONNECTED', {
        message: `This export was made with another connection${label ? ` (${label})` : ''}. Connect to it to continue the export.`,
      });
    }
    return job;
  }

  private isCurrentProfile(profileKey: string): boolean {
    if (!this.options.session.info().connected) return false;
    try {
      return this.options.session.profileKey() === profileKey;
    } catch {
      return false;
    }
  }

  private jobOptions(): ExportJobOptions {
    const { session, store, library } = this.options;
    return {
      ...this.options.job,
      // The session's client at the time each item starts; jobs are interrupted before it changes.
      client: () => session.client(),
      store,
      logger: this.logger,
      ...(library ? { onSaved: (saved: SavedExportItem) => recordInLibrary(library, saved) } : {}),
    };
  }

  /** Tracks a job and sends its state: at most one event per interval, and at once when it stops. */
  private adopt(job: ExportJob): void {
    const entry: Live = { job, unsubscribe: () => undefined, timer: undefined };
    let lastSent = Number.NEGATIVE_INFINITY;
    const send = (): void => {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = undefined;
      lastSent = Date.now();
      try {
        this.options.emit('exports.progress', this.view(job));
      } catch (error) {
        this.logger.warn('could not send an export progress event', { error });
      }
    };
    entry.unsubscribe = job.onChange(() => {
      if (!job.isRunning) return send();
      if (entry.timer) return;
      entry.timer = setTimeout(send, Math.max(0, lastSent + this.intervalMs - Date.now()));
    });
    this.live.set(job.jobId, entry);
  }

  private view(job: ExportJob): ExportJobSummary {
    const view = job.summary();
    return { ...view, resumable: view.resumable && this.isCurrentProfile(job.profileKey) };
  }
}

async function recordInLibrary(library: ExportLibrary, saved: SavedExportItem): Promise<void> {
  await library.add({
    profileKey: saved.profileKey,
    profileLabel: saved.profileLabel,
    caseNumber: saved.caseNumber,
    caseName: saved.caseName,
    kind: saved.kind,
    eventId: null,
    savedAt: saved.savedAt,
    path: saved.path,
    fileName: saved.fileName,
    bytes: saved.bytes,
    sha256: saved.sha256,
    jobId: saved.jobId,
  });
}
