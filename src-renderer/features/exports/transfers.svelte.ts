/**
 * Everything the export tray shows: bulk export jobs (`exports.*`, from `exports.list` and the
 * `exports.progress` events) and this window's single downloads (`downloads.*`). One instance per
 * workspace, shared through Svelte context (`setTransfers` / `getTransfers`).
 */
import { getContext, setContext } from 'svelte';
import type { ExportJobSummary } from '../../../src-shared/domain/exports.js';
import type { DownloadFinished, DownloadProgress, InputOf } from '../../../src-shared/ipc/contract.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';

export interface DownloadItem {
  downloadId: string;
  /** "Case 12 · full ZIP" */
  label: string;
  startedAt: number;
  progress: DownloadProgress | null;
  finished: DownloadFinished | null;
}

const KIND_LABELS = {
  zip: 'full ZIP',
  pdf: 'summary PDF',
  csv: 'file events CSV',
  source: 'source file',
} as const;

export function downloadLabel(request: InputOf<'downloads.start'>): string {
  return `Case ${request.caseNumber} · ${KIND_LABELS[request.kind]}`;
}

export class TransferState {
  jobs = $state<ExportJobSummary[]>([]);
  downloads = $state<DownloadItem[]>([]);
  open = $state(false);
  error = $state.raw<ApiError | null>(null);
  /** A job or download waiting for an action (cancel, retry, resume) to answer. */
  busy = $state<string | null>(null);

  running = $derived(
    this.jobs.filter((j) => j.state === 'running').length +
      this.downloads.filter((d) => d.finished === null).length,
  );
  resumable = $derived(this.jobs.filter((j) => j.resumable));
  count = $derived(this.jobs.length + this.downloads.length);

  #unsubscribe: (() => void)[] = [];

  /** Lists the saved jobs and follows every update; returns the stop function. */
  start(): () => void {
    const api = caseDesk();
    this.#unsubscribe = [
      api.on('exports.progress', (job) => this.#putJob(job)),
      api.on('downloads.progress', (p) => this.#putDownload(p.downloadId, { progress: p })),
      api.on('downloads.finished', (f) => this.#putDownload(f.downloadId, { finished: f })),
    ];
    void this.refresh();
    return () => this.stop();
  }

  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
  }

  async refresh(): Promise<void> {
    try {
      const listed = unwrap(await caseDesk().exports.list({}));
      // Events that arrived while listing are newer than the list: keep them.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup: nothing renders from it
      const live = new Map(this.jobs.map((j) => [j.jobId, j]));
      this.jobs = listed.map((j) => {
        const seen = live.get(j.jobId);
        return seen && seen.updatedAt > j.updatedAt ? seen : j;
      });
      for (const j of live.values()) if (!this.jobs.some((x) => x.jobId === j.jobId)) this.jobs.unshift(j);
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  /** Starts a single download; the tray follows it. */
  async download(request: InputOf<'downloads.start'>): Promise<string> {
    const { downloadId } = unwrap(await caseDesk().downloads.start(request));
    this.#putDownload(downloadId, { label: downloadLabel(request) });
    return downloadId;
  }

  async startExport(request: InputOf<'exports.start'>): Promise<string> {
    const { jobId } = unwrap(await caseDesk().exports.start(request));
    this.open = true;
    return jobId;
  }

  cancel(jobId: string): Promise<void> {
    return this.#act(jobId, async () => void unwrap(await caseDesk().exports.cancel({ jobId })));
  }
  retryFailed(jobId: string): Promise<void> {
    return this.#act(jobId, async () => void unwrap(await caseDesk().exports.retryFailed({ jobId })));
  }
  resume(jobId: string): Promise<void> {
    return this.#act(jobId, async () => void unwrap(await caseDesk().exports.resume({ jobId })));
  }
  cancelDownload(downloadId: string): Promise<void> {
    return this.#act(downloadId, async () => void unwrap(await caseDesk().downloads.cancel({ downloadId })));
  }

  /** Drops ended jobs and downloads from the tray (saved jobs stay on disk and in the library). */
  clearFinished(): void {
    this.downloads = this.downloads.filter((d) => d.finished === null);
    this.jobs = this.jobs.filter((j) => j.state === 'running' || j.resumable);
  }

  async #act(id: string, action: () => Promise<void>): Promise<void> {
    this.busy = id;
    this.error = null;
    try {
      await action();
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.busy = null;
    }
  }

  #putJob(job: ExportJobSummary): void {
    const i = this.jobs.findIndex((j) => j.jobId === job.jobId);
    if (i === -1) this.jobs = [job, ...this.jobs];
    else this.jobs[i] = job;
  }

  /** Events may come before `downloads.start` answers: the item is made by whichever is first. */
  #putDownload(downloadId: string, change: Partial<DownloadItem>): void {
    const item = this.downloads.find((d) => d.downloadId === downloadId);
    if (item) {
      Object.assign(item, change);
      return;
    }
    this.downloads = [
      { downloadId, label: 'Download', startedAt: Date.now(), progress: null, finished: null, ...change },
      ...this.downloads,
    ];
  }
}

const KEY = Symbol('transfers');

export function setTransfers(state: TransferState): TransferState {
  return setContext(KEY, state);
}

export function getTransfers(): TransferState {
  const state = getContext<TransferState | undefined>(KEY);
  if (!state) throw new Error('The export tray is not set up in this workspace.');
  return state;
}
