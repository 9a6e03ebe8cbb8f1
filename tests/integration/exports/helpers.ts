/** Shared by the bulk export tests: emulators, a fast client, raw fetches, folder and manifest reading. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { ExportJob } from '../../../src-main/core/exports/index.js';
import type { ExportJobOptions, ExportJobStore, NewExportJob } from '../../../src-main/core/exports/index.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import type { ExportKind, ExportParts } from '../../../src-shared/domain/exports.js';

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export { clientFor, tempFolder } from '../client/helpers/emulator.js';

/** A job over these cases (names unknown, as from `--cases`), with test-speed retries. */
export function jobFor(
  client: ExportJobOptions['client'],
  folder: string,
  caseNumbers: readonly number[],
  options: Partial<Omit<NewExportJob, 'items' | 'folder'>> & { store?: ExportJobStore } = {},
  jobOptions: Partial<ExportJobOptions> = {},
): ExportJob {
  const { store, ...spec } = options;
  return ExportJob.create(
    {
      profileKey: 'test',
      profileLabel: 'Test',
      kind: 'zip',
      ...spec,
      folder,
      items: caseNumbers.map((caseNumber) => ({ caseNumber, caseName: null, listed: false })),
    },
    { client, retryDelayMs: 50, persistIntervalMs: 20, ...(store ? { store } : {}), ...jobOptions },
  );
}

/** The URL path (with query) of a case's export of this kind, as the client asks for it. */
export function exportPath(n: number, kind: ExportKind, parts: ExportParts | null): string {
  switch (kind) {
    case 'pdf':
      return `/v1/cases/${n}/export`;
    case 'csv':
      return `/v1/cases/${n}/fileevent/export`;
    case 'zip': {
      const p = parts ?? { summary: true, fileEvents: true, files: true };
      return `/v1/cases/${n}/export/full?summary=${p.summary}&fileEvents=${p.fileEvents}&files=${p.files}`;
    }
  }
}

/** GET straight from an emulator (no client code), hashing the body. */
export async function rawSha256(
  emu: RunningEmulator,
  urlPath: string,
): Promise<{ sha256: string; bytes: number }> {
  const basic = Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString('base64');
  const auth = await fetch(`${emu.url}/v1/oauth`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}` },
  });
  const { access_token: token } = (await auth.json()) as { access_token: string };
  const response = await fetch(`${emu.url}${urlPath}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${urlPath}: ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  return { sha256: sha256(body), bytes: body.length };
}

/** Every name in the folder, hidden ones included, sorted. */
export async function namesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).sort();
}

/** No part file, temp file or other hidden leftover. */
export async function expectNothingPartial(folder: string): Promise<void> {
  const leftovers = (await namesIn(folder)).filter((name) => name.startsWith('.') || name.endsWith('.part'));
  expect(leftovers).toEqual([]);
}

export interface ManifestJson {
  app: string;
  jobId: string;
  jobState: string;
  counts: Record<string, number>;
  items: {
    caseNumber: number;
    caseName: string | null;
    file: string | null;
    bytes: number | null;
    sha256: string | null;
    status: string;
    errorCode: string | null;
    error: string | null;
  }[];
}

export async function readManifest(
  folder: string,
  names = { json: 'case-desk-manifest.json', csv: 'case-desk-manifest.csv' },
): Promise<{ json: ManifestJson; csv: Record<string, string>[] }> {
  const json = JSON.parse(await readFile(path.join(folder, names.json), 'utf8')) as ManifestJson;
  const parsed = Papa.parse<Record<string, string>>(await readFile(path.join(folder, names.csv), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return { json, csv: parsed.data };
}

/**
 * The manifest is truthful: every listed file exists with its size and SHA-256, every file in the
 * folder (besides the manifest) is listed, and the CSV says what the JSON says.
 */
export async function expectTruthfulManifest(
  folder: string,
  manifest: { json: ManifestJson; csv: Record<string, string>[] },
): Promise<void> {
  const listed = manifest.json.items.filter((item) => item.file !== null);
  for (const item of listed) {
    expect(item.status).toBe('done');
    const bytes = await readFile(path.join(folder, item.file as string));
    expect(bytes.length).toBe(item.bytes);
    expect(sha256(bytes)).toBe(item.sha256);
  }
  for (const item of manifest.json.items) {
    if (item.status !== 'done') expect(item.file).toBeNull();
  }
  const onDisk = (await namesIn(folder)).filter((name) => !name.startsWith('case-desk-manifest'));
  expect(onDisk.sort()).toEqual(listed.map((item) => item.file as string).sort());
  expect(
    manifest.csv.map((row) => [
      Number(row['case_number']),
      row['file'] || null,
      row['sha256'] || null,
      row['status'],
    ]),
  ).toEqual(manifest.json.items.map((item) => [item.caseNumber, item.file, item.sha256, item.status]));
}
