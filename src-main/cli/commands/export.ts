/**
 * `cases export`: a bulk export from the command line — the listed cases (`--cases 1,2,3`) or every
 * case a `cases list` filter matches — one file per case into one folder, a few at a time, with the
 * manifest next to the files. A progress bar on a terminal, a line per case otherwise; a summary at
 * the end; exit status 1 when any case failed (or the manifest could not be written).
 */
import path from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { ALL_PARTS, EXPORT_CONCURRENCY, EXPORT_KINDS } from '../../../src-shared/domain/exports.js';
import type {
  ExportItemView,
  ExportJobSummary,
  ExportJobView,
  ExportKind,
  ExportParts,
} from '../../../src-shared/domain/exports.js';
import { checkFolder } from '../../core/downloads/save-stream.js';
import { ExportJob } from '../../core/exports/export-job.js';
import type { SavedExportItem } from '../../core/exports/export-job.js';
import type { InboxEntry } from '../../core/library/library-inbox.js';
import { manifestRows } from '../../core/exports/manifest.js';
import { resolveSelection } from '../../core/exports/selection.js';
import type { ExportSelection } from '../../core/exports/selection.js';
import { addOutputOptions } from '../context.js';
import { LibraryRecorder } from '../library-recorder.js';
import type { CliContext, OutputOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { writeList } from '../output/format.js';
import { safeText } from '../output/safe-text.js';
import { collectList } from '../options/values.js';
import { addCaseFilterOptions, buildCaseQuery } from './cases-list.js';
import type { CaseFilterFlags } from './cases-list.js';

interface ExportFlags extends OutputOptions, CaseFilterFlags {
  cases?: string[];
  all?: boolean;
  kind: ExportKind;
  summary?: boolean;
  fileEvents?: boolean;
  sourceFiles?: boolean;
  path?: string;
  concurrency: number;
}

/** Flags that filter the list (as opposed to --sort, --limit, --page-size, which only shape it). */
const FILTER_FLAGS = [
  'status',
  'assignee',
  'assigned',
  'unassigned',
  'subject',
  'name',
  'lastModifiedBy',
  'createdAfter',
  'createdBefore',
  'updatedAfter',
  'updatedBefore',
] as const satisfies readonly (keyof CaseFilterFlags)[];

const ROW_COLUMNS = ['caseNumber', 'caseName', 'file', 'bytes', 'sha256', 'status', 'errorCode', 'error'];

function parseConcurrency(value: string): number {
  const text = value.trim();
  const n = Number(text);
  if (!/^\d+$/u.test(text) || n < EXPORT_CONCURRENCY.min || n > EXPORT_CONCURRENCY.max) {
    throw new InvalidArgumentError(
      `Expected a whole number from ${EXPORT_CONCURRENCY.min} to ${EXPORT_CONCURRENCY.max}.`,
    );
  }
  return n;
}

function parseCaseList(values: readonly string[]): number[] {
  return values.map((value) => {
    const n = Number(value);
    if (!/^\d+$/u.test(value) || !Number.isSafeInteger(n) || n < 1) {
      throw new UsageError(`--cases takes case numbers (whole numbers of at least 1), not "${value}".`);
    }
    return n;
  });
}

/** The ZIP's parts from the flags (all three when none is given); an error for PDF and CSV. */
function partsFromFlags(
  flags: Pick<ExportFlags, 'kind' | 'summary' | 'fileEvents' | 'sourceFiles'>,
): ExportParts | null {
  const chosen = {
    summary: flags.summary === true,
    fileEvents: flags.fileEvents === true,
    files: flags.sourceFiles === true,
  };
  const any = chosen.summary || chosen.fileEvents || chosen.files;
  if (flags.kind !== 'zip') {
    if (any)
      throw new UsageError(
        '--summary, --file-events and --source-files choose the parts of a ZIP (--kind zip).',
      );
    return null;
  }
  return any ? chosen : { ...ALL_PARTS };
}

async function selectionOf(ctx: CliContext, flags: ExportFlags): Promise<ExportSelection> {
  const filtered = FILTER_FLAGS.some((name) => flags[name] !== undefined);
  if (flags.cases !== undefined) {
    if (filtered || flags.all) {
      throw new UsageError('Choose the cases either with --cases or with a filter (or --all), not both.');
    }
    if (flags.sort !== undefined || flags.pageSize !== undefined) {
      throw new UsageError('--sort and --page-size apply to a filter, not to --cases.');
    }
    const caseNumbers = parseCaseList(flags.cases);
    if (caseNumbers.length === 0) throw new UsageError('--cases needs at least one case number.');
    return { caseNumbers };
  }
  if (!filtered && !flags.all) {
    throw new UsageError(
      'Choose the cases: --cases 1,2,3, a filter of cases list (for example --status OPEN), or --all for every case.',
    );
  }
  if (filtered && flags.all)
    throw new UsageError('--all exports every case; leave out the filters (or --all).');
  return { query: await buildCaseQuery(ctx, flags) };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The one updating line on a terminal. */
function progressLine(view: ExportJobSummary, width = 24): string {
  const total = view.itemCount;
  const ended = view.counts.done + view.counts.failed + view.counts.skipped + view.counts.cancelled;
  const filled = total === 0 ? width : Math.round((ended / total) * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const { bytes, total: totalBytes, bytesPerSecond, etaSeconds } = view.progress;
  const size = `${formatBytes(bytes)}${totalBytes === null ? '' : ` of ~${formatBytes(totalBytes)}`}`;
  const rate = bytesPerSecond > 0 ? `  ${formatBytes(bytesPerSecond)}/s` : '';
  const eta = etaSeconds === null ? '' : `  ETA ${formatDuration(etaSeconds)}`;
  const failed = view.counts.failed > 0 ? `  ${view.counts.failed} failed` : '';
  return `${bar} ${ended}/${total} cases  ${size}${rate}${eta}${failed}`;
}

/** One plain line per ended case (logs, pipes). */
function itemLine(item: ExportItemView, ended: number, total: number): string {
  const head = `[${ended}/${total}] ${item.state.padEnd(9)} case ${item.caseNumber}`;
  if (item.state === 'done') {
    return `${head}  ${safeText(item.fileName ?? '')}  ${formatBytes(item.bytes ?? 0)}`;
  }
  return item.error ? `${head}  ${item.error.code}: ${safeText(item.error.message)}` : head;
}

/** Shows progress while the job runs; returns a function that stops it. */
function showProgress(ctx: CliContext, job: ExportJob, total: number): () => void {
  if (!ctx.io.isTTY) {
    let ended = 0;
    return job.onItemEnded((item) => {
      ended = Math.min(total, ended + 1);
      ctx.io.stderr(`${itemLine(item, ended, total)}\n`);
    });
  }
  let timer: NodeJS.Timeout | undefined;
  let last = 0;
  const draw = (): void => {
    timer = undefined;
    last = Date.now();
    ctx.io.stderr(`\r${progressLine(job.summary())}\u001b[K`);
  };
  const unsubscribe = job.onChange(() => {
    if (timer) return;
    timer = setTimeout(draw, Math.max(0, last + 250 - Date.now()));
  });
  draw();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    ctx.io.stderr('\r\u001b[K');
  };
}

function writeSummary(ctx: CliContext, view: ExportJobView): void {
  const { counts } = view;
  const total = view.itemCount;
  const bytes = view.items.reduce((sum, item) => sum + (item.state === 'done' ? (item.bytes ?? 0) : 0), 0);
  const folder = safeText(view.folder);
  const lines: string[] = [];
  const head = view.state === 'cancelled' ? 'Cancelled: exported' : 'Exported';
  lines.push(`${head} ${counts.done} of ${total} cases to ${folder} (${formatBytes(bytes)}).`);
  for (const state of ['failed', 'skipped', 'cancelled'] as const) {
    const items = view.items.filter((item) => item.state === state);
    if (items.length === 0) continue;
    lines.push(`${items.length} ${state}:`);
    for (const item of items) {
      const error = item.error ? `  ${item.error.code}  ${safeText(item.error.message)}` : '';
      lines.push(`  ${item.caseNumber}${error}`);
    }
  }
  const manifest = view.manifest;
  if (manifest?.error) lines.push(`The manifest could not be written: ${safeText(manifest.error.message)}`);
  else if (manifest?.jsonPath && manifest.csvPath) {
    lines.push(`Manifest: ${safeText(manifest.jsonPath)} and ${safeText(path.basename(manifest.csvPath))}`);
  }
  ctx.io.stdout(`${lines.join('\n')}\n`);
}

export function registerExport(cases: Command, ctx: CliContext): void {
  const command = cases
    .command('export')
    .description('Export many cases into one folder: one file per case, with a manifest (JSON and CSV)')
    .option('--cases <numbers>', 'these case numbers: a comma list, or repeat the option', collectList)
    .option('--all', 'every case (instead of --cases or a filter)');
  addCaseFilterOptions(command);
  command
    .addOption(new Option('--kind <kind>', 'what each case becomes').choices(EXPORT_KINDS).default('zip'))
    .option('--summary', 'ZIP part: the summary PDF')
    .option('--file-events', 'ZIP part: the file-events CSV')
    .option('--source-files', 'ZIP part: the captured source files')
    .option('--path <folder>', 'folder to save into (default: the current folder)')
    .option(
      '--concurrency <n>',
      `cases downloaded at once, ${EXPORT_CONCURRENCY.min}-${EXPORT_CONCURRENCY.max}`,
      parseConcurrency,
      EXPORT_CONCURRENCY.default,
    );
  addOutputOptions(command, { columns: false });
  command.addHelpText(
    'after',
    `
Which cases: --cases, or any filter of "cases list" (with its --sort and --limit), or --all.
What each case becomes (--kind): zip (default; all three parts unless --summary, --file-events or
--source-files choose some), pdf (the summary) or csv (the file events).
Files are never overwritten (an existing name gets " (1)"); nothing half-written is left behind.
The manifest (case-desk-manifest.json and .csv) lists every case with its file, size, SHA-256,
status and error. Exit status 1 when any case failed.

Examples:
  case-desk cases export --cases 101,102,107 --kind pdf --path ./pdfs
  case-desk cases export --status OPEN --updated-after 30d --path /evidence/q3
  case-desk cases export --all --kind zip --summary --file-events --concurrency 4`,
  );
  command.action(async (flags: ExportFlags) => {
    const parts = partsFromFlags(flags);
    const selection = await selectionOf(ctx, flags);
    const folder = await checkFolder(path.resolve(ctx.io.cwd ?? process.cwd(), flags.path ?? '.'));
    const client = await ctx.client();
    const seeds = await resolveSelection(client, selection, {
      ...(flags.limit === undefined ? {} : { limit: flags.limit }),
      ...(flags.pageSize === undefined ? {} : { pageSize: flags.pageSize }),
    });
    if (seeds.length === 0) {
      ctx.io.stderr('No cases match: nothing was exported.\n');
      return;
    }
    // Each saved file goes into the app's export library too, under this connection's profile.
    const owner = await ctx.libraryOwner();
    const library = new LibraryRecorder((entries) => ctx.recordInLibrary(entries));
    const job = ExportJob.create(
      {
        profileKey: 'cli',
        profileLabel: '',
        folder,
        kind: flags.kind,
        parts,
        concurrency: flags.concurrency,
        items: seeds,
      },
      {
        client,
        logger: ctx.logger([]),
        onSaved: (item) => {
          library.add({ ...owner, ...libraryFields(item) });
        },
      },
    );
    // Ctrl-C cancels: what is in flight is removed, the manifest says what was saved. Twice: quit now.
    let interrupts = 0;
    const onSigint = (): void => {
      interrupts++;
      if (interrupts > 1) process.exit(130);
      ctx.io.stderr('\nCancelling…\n');
      void job.cancel();
    };
    process.on('SIGINT', onSigint);
    const stopProgress = showProgress(ctx, job, seeds.length);
    try {
      job.start();
      await job.whenIdle();
    } finally {
      stopProgress();
      process.off('SIGINT', onSigint);
      await library.close();
    }
    const view = job.snapshot();
    const rows = manifestRows(job.toRecord());
    switch (flags.format) {
      case 'table':
        writeSummary(ctx, view);
        break;
      case 'json':
        ctx.io.stdout(
          `${JSON.stringify(
            {
              jobId: view.jobId,
              folder: view.folder,
              kind: view.kind,
              parts: view.parts,
              state: view.state,
              counts: view.counts,
              manifest: view.manifest && {
                json: view.manifest.jsonPath,
                csv: view.manifest.csvPath,
                error: view.manifest.error,
              },
              items: rows,
            },
            null,
            2,
          )}\n`,
        );
        break;
      default:
        writeList(ctx.io, rows, flags.format, ROW_COLUMNS);
    }
    const failed = view.counts.failed + view.counts.cancelled > 0 || view.manifest?.error != null;
    if (failed) ctx.exitCode = 1;
  });
}

/** A saved item as the export library records it (jobId null: the app has no record of CLI jobs). */
function libraryFields(item: SavedExportItem): Omit<InboxEntry, 'profileKey' | 'profileLabel'> {
  return {
    caseNumber: item.caseNumber,
    caseName: item.caseName,
    kind: item.kind,
    eventId: null,
    savedAt: item.savedAt,
    path: item.path,
    fileName: item.fileName,
    bytes: item.bytes,
    sha256: item.sha256,
    jobId: null,
  };
}
