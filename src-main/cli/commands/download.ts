/**
 * `cases download`: the official CLI's choice of export, streamed to disk by the core (temp file,
 * length check, fsync, rename; never overwriting). Prints the saved path, size and SHA-256.
 */
import type { Command } from 'commander';
import type { SavedFile } from '../../core/incydr/index.js';
import { sweepStaleTempFiles } from '../../core/downloads/temp-files.js';
import { singleDownloadEntry } from '../../core/library/record-download.js';
import { addOutputOptions } from '../context.js';
import type { CliContext, OutputOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { writeRecord } from '../output/format.js';
import { safeText } from '../output/safe-text.js';
import { parseCaseNumber } from '../options/values.js';
import { onCase } from './case-guard.js';

interface DownloadFlags extends OutputOptions {
  path?: string;
  summary?: boolean;
  fileEvents?: boolean;
  sourceFiles?: boolean;
  sourceFile?: string;
  language?: string;
}

export type DownloadPlan =
  | { kind: 'pdf' }
  | { kind: 'csv' }
  | { kind: 'file'; eventId: string }
  | { kind: 'zip'; summary: boolean; fileEvents: boolean; files: boolean };

/**
 * As `incydr cases download` decides (incydr-api.md §6): only --summary → PDF; only --file-events →
 * CSV; --source-file → that one file (alone); anything else, including no flag → ZIP of the chosen
 * parts, or of everything when none is chosen.
 */
export function planDownload(
  flags: Pick<DownloadFlags, 'summary' | 'fileEvents' | 'sourceFiles' | 'sourceFile'>,
): DownloadPlan {
  const summary = flags.summary === true;
  const fileEvents = flags.fileEvents === true;
  const files = flags.sourceFiles === true;
  if (flags.sourceFile !== undefined) {
    if (summary || fileEvents || files) {
      throw new UsageError(
        '--source-file downloads one file and cannot be combined with --summary, --file-events or --source-files.',
      );
    }
    if (flags.sourceFile.trim() === '') throw new UsageError('--source-file needs an event ID.');
    return { kind: 'file', eventId: flags.sourceFile.trim() };
  }
  if (summary && !fileEvents && !files) return { kind: 'pdf' };
  if (fileEvents && !summary && !files) return { kind: 'csv' };
  if (!summary && !fileEvents && !files) return { kind: 'zip', summary: true, fileEvents: true, files: true };
  return { kind: 'zip', summary, fileEvents, files };
}

/** A one-line progress display on a terminal, at most a few updates a second. */
function progressPrinter(
  ctx: CliContext,
): ((p: { bytes: number; total: number | null }) => void) | undefined {
  if (!ctx.io.isTTY) return undefined;
  let last = 0;
  return ({ bytes, total }) => {
    const now = Date.now();
    if (now - last < 250) return;
    last = now;
    const mb = (bytes / 2 ** 20).toFixed(1);
    const of = total === null ? '' : ` of ${(total / 2 ** 20).toFixed(1)} MB`;
    ctx.io.stderr(`\rDownloading… ${mb} MB${of}   `);
  };
}

export function registerDownload(cases: Command, ctx: CliContext): void {
  const command = cases
    .command('download')
    .description('Save a case export: full ZIP, summary PDF, file-events CSV or one source file')
    .argument('<case-number>', 'the case number', parseCaseNumber)
    .option('--path <folder>', 'folder to save into (default: the current folder)')
    .option('--summary', 'the summary PDF')
    .option('--file-events', 'the file-events CSV')
    .option('--source-files', 'the captured source files')
    .option('--source-file <event-id>', 'only the captured file of this event')
    .option('--language <code>', 'language of the summary PDF, e.g. de (default English)');
  addOutputOptions(command, { columns: false });
  command.addHelpText(
    'after',
    `
Which export, as the official CLI decides:
  only --summary              the summary PDF
  only --file-events          the file-events CSV
  --source-file EVENT_ID      the captured file of that event (not with the other flags)
  anything else, or nothing   a ZIP with the chosen parts (all three when none is chosen)
Files are never overwritten: an existing name gets " (1)" added.`,
  );
  command.action(async (n: number, flags: DownloadFlags) => {
    const plan = planDownload(flags);
    const folder = flags.path ?? ctx.io.cwd ?? process.cwd();
    const client = await ctx.client();
    const onProgress = progressPrinter(ctx);
    const opts = onProgress ? { onProgress } : {};
    const language = flags.language === undefined ? {} : { language: flags.language };
    const saved: SavedFile = await onCase(
      n,
      () => {
        switch (plan.kind) {
          case 'pdf':
            return client.downloadSummaryPdf(n, folder, { ...opts, ...language });
          case 'csv':
            return client.downloadFileEventCsv(n, folder, opts);
          case 'file':
            return client.downloadFileForEvent(n, plan.eventId, folder, opts);
          case 'zip':
            return client.downloadFullCaseZip(n, folder, {
              ...opts,
              ...language,
              summary: plan.summary,
              fileEvents: plan.fileEvents,
              files: plan.files,
            });
        }
      },
      plan.kind === 'file'
        ? `No captured file for event ${safeText(plan.eventId)} on case ${n} (or there is no case ${n}).`
        : undefined,
    );
    const savedAt = ctx.now().toISOString();
    // What crashed downloads left in the folder, as the app does (core/downloads/temp-files.ts).
    await sweepStaleTempFiles(folder);
    // Into the app's export library too, named after its case when the case can be read.
    const caseName = await client.getCase(n).then(
      (detail) => detail.name,
      () => null,
    );
    const about = {
      ...(await ctx.libraryOwner()),
      caseNumber: n,
      caseName,
      kind: plan.kind === 'file' ? ('source' as const) : plan.kind,
      eventId: plan.kind === 'file' ? plan.eventId : null,
      savedAt,
    };
    await ctx.recordInLibrary([singleDownloadEntry(about, saved)]);
    if (onProgress) ctx.io.stderr('\r\u001b[K');
    if (flags.format === 'table') {
      ctx.io.stdout(`Saved ${safeText(saved.path)}\n${saved.bytes} bytes, SHA-256 ${saved.sha256}\n`);
    } else {
      writeRecord(
        ctx.io,
        { path: saved.path, fileName: saved.fileName, bytes: saved.bytes, sha256: saved.sha256 },
        flags.format,
      );
    }
  });
}
