/**
 * The manifest next to the exported files: `case-desk-manifest.json` and `.csv`, one row per case
 * (number, name, file, bytes, SHA-256, status, error). Written atomically at the end of every run of
 * the job; it lists a file only when the job saved it and it is still there with the size it had.
 * A job never overwrites another job's manifest in the same folder: it claims the first free numbered
 * pair (`case-desk-manifest (1).json`) and rewrites only its own afterwards.
 */
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { EXPORT_ITEM_STATES, MANIFEST_FILE_NAMES } from '../../../src-shared/domain/exports.js';
import type { ExportItemState } from '../../../src-shared/domain/exports.js';
import { numberedFileName } from '../../../src-shared/filenames/index.js';
import { IncydrError } from '../incydr/errors.js';
import { syncFolder } from '../atomic-file.js';
import { exists, placeNew, replace, writeTemp } from './folder-files.js';
import type { ExportJobRecord } from './job-record.js';

export const MANIFEST_VERSION = 1;

export interface ManifestRow {
  caseNumber: number;
  caseName: string | null;
  /** The file's name in the folder, for saved cases only. */
  file: string | null;
  bytes: number | null;
  sha256: string | null;
  status: ExportItemState;
  errorCode: string | null;
  error: string | null;
}

export interface ManifestNames {
  jsonName: string;
  csvName: string;
}

export function manifestRows(record: ExportJobRecord): ManifestRow[] {
  return record.items.map((item) => {
    const saved = item.state === 'done';
    return {
      caseNumber: item.caseNumber,
      caseName: item.caseName,
      file: saved ? item.fileName : null,
      bytes: saved ? item.bytes : null,
      sha256: saved ? item.sha256 : null,
      status: item.state,
      errorCode: item.error?.code ?? null,
      error: item.error?.message ?? null,
    };
  });
}

export function renderManifestJson(record: ExportJobRecord, writtenAt: string): string {
  const rows = manifestRows(record);
  const counts = Object.fromEntries(
    EXPORT_ITEM_STATES.map((state) => [state, rows.filter((r) => r.status === state).length]),
  );
  const manifest = {
    app: 'case-desk',
    manifestVersion: MANIFEST_VERSION,
    jobId: record.jobId,
    kind: record.kind,
    parts: record.parts,
    folder: record.folder,
    createdAt: record.createdAt,
    writtenAt,
    jobState: record.state,
    counts,
    items: rows,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const CSV_COLUMNS = ['case_number', 'case_name', 'file', 'bytes', 'sha256', 'status', 'error_code', 'error'];

export function renderManifestCsv(record: ExportJobRecord): string {
  const data = manifestRows(record).map((r) => [
    String(r.caseNumber),
    r.caseName ?? '',
    r.file ?? '',
    r.bytes === null ? '' : String(r.bytes),
    r.sha256 ?? '',
    r.status,
    r.errorCode ?? '',
    r.error ?? '',
  ]);
  // escapeFormulae: a case name such as `=HYPERLINK(…)` must not run when the CSV is opened in a
  // spreadsheet; such cells get a leading `'`.
  return `${Papa.unparse({ fields: CSV_COLUMNS, data }, { escapeFormulae: true, newline: '\n' })}\n`;
}

/** How many numbered names are tried before giving up. */
const MAX_NAME_ATTEMPTS = 1000;

/**
 * Writes both manifest files into the job's folder. With `names` (this job's earlier manifest) they
 * are replaced; without, the first free numbered pair is claimed. Disk problems throw
 * DISK_FULL / PERMISSION_DENIED / FOLDER_MISSING naming the folder; no temp file is left behind.
 */
export async function writeManifest(
  record: ExportJobRecord,
  names: ManifestNames | null,
  writtenAt: string,
): Promise<ManifestNames> {
  const folder = path.resolve(record.folder);
  const tempJson = await writeTemp(folder, MANIFEST_FILE_NAMES.json, renderManifestJson(record, writtenAt));
  let tempCsv: string | undefined;
  try {
    tempCsv = await writeTemp(folder, MANIFEST_FILE_NAMES.csv, renderManifestCsv(record));
    const result = names
      ? await replacePair(tempJson, tempCsv, names, folder)
      : await claimPair(tempJson, tempCsv, folder);
    await syncFolder(folder);
    return result;
  } finally {
    // Both temps are gone after a successful move; after a failure, remove what is left.
    await removeQuietly(tempJson);
    if (tempCsv !== undefined) await removeQuietly(tempCsv);
  }
}

async function replacePair(
  tempJson: string,
  tempCsv: string,
  names: ManifestNames,
  folder: string,
): Promise<ManifestNames> {
  await replace(tempJson, path.join(folder, names.jsonName), folder);
  await replace(tempCsv, path.join(folder, names.csvName), folder);
  return names;
}

async function claimPair(tempJson: string, tempCsv: string, folder: string): Promise<ManifestNames> {
  for (let counter = 0; counter < MAX_NAME_ATTEMPTS; counter++) {
    const jsonName = numberedFileName(MANIFEST_FILE_NAMES.json, counter);
    const csvName = numberedFileName(MANIFEST_FILE_NAMES.csv, counter);
    const jsonPath = path.join(folder, jsonName);
    const csvPath = path.join(folder, csvName);
    if ((await exists(jsonPath)) || (await exists(csvPath))) continue;
    if (!(await placeNew(tempJson, jsonPath, folder))) continue;
    if (!(await placeNew(tempCsv, csvPath, folder))) {
      // Someone took the CSV name meanwhile: give the JSON name back and try the next pair.
      await placeBack(jsonPath, tempJson);
      continue;
    }
    return { jsonName, csvName };
  }
  throw new IncydrError('UNKNOWN', {
    message: `Could not find a free name for the manifest in the folder ${folder}.`,
    folder,
  });
}

async function placeBack(placed: string, temp: string): Promise<void> {
  await rename(placed, temp);
}

async function removeQuietly(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => undefined);
}
