/** `cases file-events list | show | add | remove`. */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CaseFileEvent } from '../../../src-shared/domain/index.js';
import type { IncydrClient } from '../../core/incydr/index.js';
import { addOutputOptions } from '../context.js';
import type { CliContext, OutputOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { INPUT_FORMATS, readEventIds } from '../input/read-ids.js';
import type { InputFormat } from '../input/read-ids.js';
import { FILE_EVENT_DEFAULT, FILE_EVENT_FIELDS, helpList, resolveColumns } from '../output/columns.js';
import { writeList, writeRecord } from '../output/format.js';
import { safeText } from '../output/safe-text.js';
import { parseCaseNumber } from '../options/values.js';
import { onCase, requireOpenCase } from './case-guard.js';
import { attachAll, detachAll, summarize } from './file-event-results.js';
import type { IdResult } from './file-event-results.js';

const IDS_HELP = `
EVENT_IDS is a comma list of IDs, @FILE, or - for stdin. A file (or stdin) may be plain text (IDs
separated by spaces, commas, semicolons or lines), a CSV with an eventId or event_id column, JSON
Lines or a JSON array whose objects carry eventId, event_id or event.id (the output of
\`incydr file-events search -f json-lines\` can be piped in). The format is detected; --input-format
sets it. Repeated IDs are sent once; entries that are not event IDs are listed as warnings.
`;

interface IdsOptions extends OutputOptions {
  inputFormat: InputFormat;
}

/** Reads the IDs and reports what the input itself got wrong; no IDs at all is a usage error. */
async function idsFrom(ctx: CliContext, arg: string, inputFormat: InputFormat): Promise<string[]> {
  const { parsed, source } = await readEventIds(arg, ctx.io, inputFormat);
  if (parsed.ids.length === 0) {
    const message = parsed.error?.message ?? 'No event IDs were found.';
    ctx.io.stderr(malformedLines(parsed.malformed, parsed.malformedCount, source));
    throw new UsageError(`${source === 'the argument' ? '' : `${source}: `}${message}`);
  }
  ctx.io.stderr(malformedLines(parsed.malformed, parsed.malformedCount, source));
  if (parsed.duplicates > 0) {
    ctx.io.stderr(
      `note: ${parsed.duplicates} repeated ID${parsed.duplicates === 1 ? ' was' : 's were'} left out.\n`,
    );
  }
  return parsed.ids;
}

function malformedLines(
  malformed: readonly { token: string; line: number; item?: number; reason: string }[],
  count: number,
  source: string,
): string {
  let text = '';
  for (const entry of malformed) {
    const where =
      entry.item !== undefined ? ` item ${entry.item}` : entry.line > 0 ? ` line ${entry.line}` : '';
    text += `warning: ${safeText(source)}${where}: skipped "${entry.token}": ${entry.reason}.\n`;
  }
  if (count > malformed.length)
    text += `warning: … and ${count - malformed.length} more entries that are not event IDs.\n`;
  return text;
}

function writeResults(ctx: CliContext, results: readonly IdResult[], format: OutputOptions['format']): void {
  if (format === 'table') {
    const rows = results.map((r) => ({
      eventId: r.eventId,
      result: r.message ? `${r.result}: ${r.message}` : r.result,
    }));
    writeList(ctx.io, rows, 'table', ['eventId', 'result']);
  } else {
    writeList(ctx.io, results, format, ['eventId', 'result', 'message']);
  }
  ctx.io.stderr(`${summarize(results)}\n`);
  if (results.some((r) => r.result === 'not found' || r.result === 'failed')) ctx.exitCode = 1;
}

export function registerFileEvents(cases: Command, ctx: CliContext): void {
  const group = cases.command('file-events').description('File events attached to a case');

  const list = group
    .command('list')
    .description('List every file event on a case (all pages)')
    .argument('<case-number>', 'the case number', parseCaseNumber);
  addOutputOptions(list, { columns: true });
  list.addHelpText('after', `\n${helpList('Columns', FILE_EVENT_FIELDS)}`);
  list.action(async (n: number, opts: OutputOptions) => {
    const columns = resolveColumns(opts.columns, FILE_EVENT_FIELDS, FILE_EVENT_DEFAULT);
    const client = await ctx.client();
    const events: CaseFileEvent[] = await onCase(n, async () => {
      const all: CaseFileEvent[] = [];
      for await (const event of client.iterFileEvents(n)) all.push(event);
      return all;
    });
    writeList(ctx.io, events, opts.format, columns);
  });

  const show = group
    .command('show')
    .description('Show the full detail of one file event on a case')
    .argument('<case-number>', 'the case number', parseCaseNumber)
    .argument('<event-id>', 'the event ID');
  addOutputOptions(show, { columns: false });
  show.action(async (n: number, eventId: string, opts: OutputOptions) => {
    const detail = await onCase(
      n,
      async () => (await ctx.client()).getFileEventDetail(n, eventId),
      `Case ${n} has no file event ${safeText(eventId)}, or there is no case ${n}.`,
    );
    writeRecord(ctx.io, detail, opts.format, { nested: true });
  });

  const inputOption = (): Option =>
    new Option('--input-format <format>', 'how to read a file or stdin')
      .choices(INPUT_FORMATS)
      .default('auto');

  const add = group
    .command('add')
    .description('Attach file events to a case, with a result per ID')
    .argument('<case-number>', 'the case number', parseCaseNumber)
    .argument('<event-ids>', 'comma list, @file, or - for stdin')
    .addOption(inputOption());
  addOutputOptions(add, { columns: false });
  add.addHelpText(
    'after',
    `${IDS_HELP}
IDs are sent in batches of 1,000. When the API refuses a batch because one ID is unknown or already on
the case, that batch is sent again one ID at a time, so each ID gets its own result: attached, already
on case, not found, or failed with the reason. Exit status 0 when every ID ends up on the case.`,
  );
  add.action(async (n: number, arg: string, opts: IdsOptions) => {
    const ids = await idsFrom(ctx, arg, opts.inputFormat);
    const client: IncydrClient = await ctx.client();
    await requireOpenCase(client, n);
    writeResults(ctx, await attachAll(client, n, ids), opts.format);
  });

  const remove = group
    .command('remove')
    .description('Detach file events from a case, with a result per ID')
    .argument('<case-number>', 'the case number', parseCaseNumber)
    .argument('<event-ids>', 'comma list, @file, or - for stdin')
    .addOption(inputOption());
  addOutputOptions(remove, { columns: false });
  remove.addHelpText(
    'after',
    `${IDS_HELP}
Each ID is detached on its own: removed, not on case, or failed with the reason. Exit status 0 when no
ID is left on the case.`,
  );
  remove.action(async (n: number, arg: string, opts: IdsOptions) => {
    const ids = await idsFrom(ctx, arg, opts.inputFormat);
    const client = await ctx.client();
    await requireOpenCase(client, n);
    writeResults(ctx, await detachAll(client, n, ids), opts.format);
  });
}
