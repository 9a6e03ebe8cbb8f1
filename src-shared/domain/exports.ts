/**
 * Bulk exports and the offline export library as the renderer and the CLI see them (design.md §5,
 * issue 6): a job exports one file per case into one folder; each saved file is recorded in the
 * library so it can be found, verified and opened without a network.
 */
import type { ErrorCode } from './problems.js';

/** What each case of a bulk export becomes: full ZIP, summary PDF or file-events CSV. */
export const EXPORT_KINDS = ['zip', 'pdf', 'csv'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The parts of a full ZIP; at least one must be chosen. */
export interface ExportParts {
  summary: boolean;
  fileEvents: boolean;
  files: boolean;
}

export const ALL_PARTS: Readonly<ExportParts> = Object.freeze({
  summary: true,
  fileEvents: true,
  files: true,
});

/** How many cases download at once. */
export const EXPORT_CONCURRENCY = { min: 1, max: 8, default: 3 } as const;

/** The most cases one bulk export takes (a selection, or what a filter matches). */
export const EXPORT_MAX_CASES = 50_000;

/**
 * Per case: waiting, receiving the body, checking length and moving it into place, saved, failed
 * (with a code and sentence), skipped (nothing to export: an archived case's file events are
 * deleted), cancelled by the investigator.
 */
export const EXPORT_ITEM_STATES = [
  'queued',
  'downloading',
  'verifying',
  'done',
  'failed',
  'skipped',
  'cancelled',
] as const;
export type ExportItemState = (typeof EXPORT_ITEM_STATES)[number];

/**
 * `running` while items are in flight; `finished` when every item ended (some may have failed);
 * `cancelled` by the investigator; `interrupted` when the app quit or the session closed mid-job (its
 * unfinished items can be resumed).
 */
export const EXPORT_JOB_STATES = ['running', 'finished', 'cancelled', 'interrupted'] as const;
export type ExportJobState = (typeof EXPORT_JOB_STATES)[number];

/** The manifest written next to the files (numbered `case-desk-manifest (1).json` if taken). */
export const MANIFEST_FILE_NAMES = {
  json: 'case-desk-manifest.json',
  csv: 'case-desk-manifest.csv',
} as const;

export interface ExportError {
  code: ErrorCode;
  /** A plain sentence; names the folder for disk problems. */
  message: string;
}

export interface ByteProgress {
  bytes: number;
  /** Null while unknown (before the answer arrives, or without Content-Length). */
  total: number | null;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface ExportItemView {
  caseNumber: number;
  caseName: string | null;
  state: ExportItemState;
  /** The saved file's name in the folder (done items only). */
  fileName: string | null;
  bytes: number | null;
  sha256: string | null;
  error: ExportError | null;
  /** While downloading or verifying. */
  progress: ByteProgress | null;
}

export interface ExportManifestInfo {
  /** Absolute paths of the two manifest files, once written. */
  jsonPath: string | null;
  csvPath: string | null;
  writtenAt: string | null;
  /** Why the last write failed (the folder is gone, full or read-only). */
  error: ExportError | null;
}

/**
 * A job as the window sees it (`exports.list`, `exports.progress`): its state and totals, without its
 * items, so that an event of a 50,000-case job costs what one of a 5-case job does. The items come a
 * page at a time from `exports.items`.
 */
export interface ExportJobSummary {
  jobId: string;
  profileKey: string;
  profileLabel: string;
  kind: ExportKind;
  /** For ZIP exports. */
  parts: ExportParts | null;
  /** Absolute path of the folder the files go to. */
  folder: string;
  concurrency: number;
  state: ExportJobState;
  createdAt: string;
  updatedAt: string;
  counts: Record<ExportItemState, number>;
  /** All items together; `total` is an estimate until every item's size is known. */
  progress: ByteProgress;
  /** How many cases the job has (the sum of `counts`). */
  itemCount: number;
  manifest: ExportManifestInfo | null;
  /** Interrupted with unfinished items, and of the profile connected now. */
  resumable: boolean;
}

/** A job with all its items (in the process that runs it: the CLI, the manifest, tests). */
export interface ExportJobView extends ExportJobSummary {
  items: ExportItemView[];
}

/** Most items one `exports.items` call returns. */
export const EXPORT_ITEMS_PAGE_MAX = 500;

/** A page of a job's items, in the job's order. */
export interface ExportItemPage {
  itemCount: number;
  offset: number;
  items: ExportItemView[];
}

// ── the offline library ─────────────────────────────────────────────────────────────────────────

export const LIBRARY_KINDS = ['zip', 'pdf', 'csv', 'source'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** `ok`: the file has the recorded size and SHA-256; `missing`: gone; `altered`: different bytes. */
export const LIBRARY_CHECK_STATUSES = ['ok', 'missing', 'altered'] as const;
export type LibraryCheckStatus = (typeof LIBRARY_CHECK_STATUSES)[number];

export interface LibraryCheck {
  entryId: string;
  status: LibraryCheckStatus;
  checkedAt: string;
  /** The size found on disk (null when missing). */
  bytes: number | null;
}

export interface LibraryEntry {
  entryId: string;
  /** The profile (connection) it was exported with, and its label at the time. */
  profileKey: string;
  profileLabel: string;
  caseNumber: number;
  caseName: string | null;
  kind: LibraryKind;
  /** For a single event's source file. */
  eventId: string | null;
  savedAt: string;
  /** Absolute path as saved. */
  path: string;
  fileName: string;
  bytes: number;
  sha256: string;
  /** The bulk export it belongs to; null for a single download. */
  jobId: string | null;
  /** The last verification, if any. */
  lastCheck: Omit<LibraryCheck, 'entryId'> | null;
}

export interface LibraryList {
  /** The connected profile, or null when offline (then `entries` holds every profile's). */
  profileKey: string | null;
  /** Newest first. */
  entries: LibraryEntry[];
}
