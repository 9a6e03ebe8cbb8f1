/**
 * Downloads the renderer starts: each runs in the background with its own AbortController, reports
 * throttled progress (`downloads.progress`) and exactly one `downloads.finished` event. The target is
 * always a folder the investigator picked (a FolderRegistry handle), never a path from the renderer.
 * Saving itself (part file, verify, fsync, rename, never overwrite) is the client's (save-stream.ts).
 */
import { randomUUID } from 'node:crypto';
import type {
  DownloadFinished,
  EventChannel,
  ParsedInputOf,
  PayloadOf,
} from '../../../src-shared/ipc/contract.js';
import type { IncydrClient, SavedFile } from '../incydr/client.js';
import { toIpcError } from '../ipc/dispatch.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import type { ClientSource } from '../session/session-manager.js';
import type { FolderRegistry } from './folder-registry.js';
import { ProgressMeter } from './progress-meter.js';
import { sweepStaleTempFiles } from './temp-files.js';

export type DownloadRequest = ParsedInputOf<'downloads.start'>;
export type Emit = <E extends EventChannel>(event: E, payload: PayloadOf<E>) => void;

/** A file a download saved (the export library records it). */
export interface SavedDownload {
  downloadId: string;
  request: DownloadRequest;
  saved: SavedFile;
  /** The client that saved it (to look up the case's name). */
  client: IncydrClient;
}
export type SavedListener = (saved: SavedDownload) => void | Promise<void>;

export interface DownloadManagerOptions {
  session: ClientSource;
  folders: FolderRegistry;
  emit: Emit;
  logger?: Logger;
  /** Minimum time between two progress events of one download; default 250 ms. */
  progressIntervalMs?: number;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

export class DownloadManager {
  private readonly running = new Map<string, Running>();
  private readonly logger: Logger;
  private readonly savedListeners = new Set<SavedListener>();

  constructor(private readonly options: DownloadManagerOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Starts a download and returns its ID at once. Throws (nothing started) for an unknown folder
   * handle (VALIDATION) or when not connected (NOT_CONNECTED); any later failure arrives as the
   * `downloads.finished` event with `ok: false`.
   */
  start(request: DownloadRequest): { downloadId: string } {
    const folder = this.options.folders.require(request.folderId);
    const client = this.options.session.client();
    const downloadId = `download-${randomUUID()}`;
    const controller = new AbortController();
    const done = this.run(downloadId, client, folder, request, controller.signal).finally(() => {
      this.running.delete(downloadId);
    });
    this.running.set(downloadId, { controller, done });
    return { downloadId };
  }

  /** Aborts a running download (its part file is deleted); false when it is not running. */
  cancel(downloadId: string): boolean {
    const entry = this.running.get(downloadId);
    if (!entry) return false;
    entry.controller.abort();
    return true;
  }

  /** Aborts every running download and waits until each has sent its finished event. */
  async cancelAll(): Promise<void> {
    const entries = [...this.running.values()];
    for (const entry of entries) entry.controller.abort();
    await Promise.all(entries.map((entry) => entry.done));
  }

  /**
   * Called for each saved file before its `downloads.finished` event, so whatever the listener records
   * is there when the renderer hears of it. A failing listener is logged; the download stays saved.
   */
  onSaved(listener: SavedListener): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  /** IDs of the downloads still running. */
  active(): string[] {
    return [...this.running.keys()];
  }

  /** Resolves when every download running now has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()].map((entry) => entry.done));
  }

  private async run(
    downloadId: string,
    client: IncydrClient,
    folder: string,
    request: DownloadRequest,
    signal: AbortSignal,
  ): Promise<void> {
    const emit: Emit = (event, payload) => {
      try {
        this.options.emit(event, payload);
      } catch (error) {
        // A broken listener must not break the download (or leave a rejection nobody awaits).
        this.logger.warn('could not send a download event', { event, error });
      }
    };
    const meter = new ProgressMeter(
      this.options.progressIntervalMs === undefined ? {} : { intervalMs: this.options.progressIntervalMs },
    );
    const onProgress = ({ bytes, total }: { bytes: number; total: number | null }): void => {
      const snapshot = meter.update(bytes, total);
      if (snapshot) emit('downloads.progress', { downloadId, ...snapshot });
    };
    let finished: DownloadFinished;
    try {
      const saved = await save(client, folder, request, { signal, onProgress });
      finished = {
        downloadId,
        ok: true,
        fileName: saved.fileName,
        path: saved.path,
        bytes: saved.bytes,
        sha256: saved.sha256,
      };
      this.logger.info('download saved', { downloadId, kind: request.kind, bytes: saved.bytes });
      for (const listener of this.savedListeners) {
        try {
          await listener({ downloadId, request, saved, client });
        } catch (error) {
          this.logger.warn('a saved-download listener failed', { downloadId, error });
        }
      }
    } catch (error) {
      const ipcError = toIpcError(error, 'downloads.start', this.logger);
      finished = { downloadId, ok: false, error: ipcError };
      this.logger.info('download failed', { downloadId, kind: request.kind, code: ipcError.code });
    }
    await this.sweep(folder);
    emit('downloads.finished', finished);
  }

  /** Removes what crashed downloads left in the folder (stale part files only; temp-files.ts). */
  private async sweep(folder: string): Promise<void> {
    const { removed, failed } = await sweepStaleTempFiles(folder);
    if (removed.length > 0 || failed.length > 0) {
      this.logger.info('stale temp files in the download folder', {
        removed: removed.length,
        failed: failed.length,
      });
    }
  }
}

function save(
  client: IncydrClient,
  folder: string,
  request: DownloadRequest,
  opts: { signal: AbortSignal; onProgress: (progress: { bytes: number; total: number | null }) => void },
): Promise<SavedFile> {
  switch (request.kind) {
    case 'zip':
      return client.downloadFullCaseZip(request.caseNumber, folder, { ...opts, ...request.parts });
    case 'pdf':
      return client.downloadSummaryPdf(request.caseNumber, folder, {
        ...opts,
        ...(request.language === undefined ? {} : { language: request.language }),
      });
    case 'csv':
      return client.downloadFileEventCsv(request.caseNumber, folder, opts);
    case 'source':
      return client.downloadFileForEvent(request.caseNumber, request.eventId, folder, opts);
  }
}
