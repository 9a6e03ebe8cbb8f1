/** `cases show | create | update | delete`. */
import { Option } from 'commander';
import type { Command } from 'commander';
import { CASE_STATUSES } from '../../../src-shared/domain/index.js';
import type { CaseCreate, CaseDetail, CaseStatus, CaseUpdate } from '../../../src-shared/domain/index.js';
import { addOutputOptions } from '../context.js';
import type { CliContext, OutputOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { CASE_FIELDS } from '../output/columns.js';
import { writeRecord } from '../output/format.js';
import { safeText } from '../output/safe-text.js';
import { resolveSubjectId, resolveUserId } from '../options/people.js';
import { collectList, parseCaseNumber } from '../options/values.js';
import { onCase } from './case-guard.js';

function writeCase(ctx: CliContext, detail: CaseDetail, format: OutputOptions['format']): void {
  writeRecord(ctx.io, detail, format, { fields: CASE_FIELDS, blocks: ['findings'] });
}

/** Fields `--clear` may empty; name and status always have a value. */
const CLEARABLE = ['description', 'findings', 'subject', 'assignee'] as const;
type Clearable = (typeof CLEARABLE)[number];

interface EditOptions extends OutputOptions {
  name?: string;
  description?: string;
  findings?: string;
  subject?: string;
  assignee?: string;
  status?: CaseStatus;
  clear?: string[];
}

/** An empty value would silently do nothing in the official CLI; here it is refused with the way out. */
function refuseEmpty(opts: EditOptions, fields: readonly (keyof EditOptions)[], allowClear: boolean): void {
  for (const field of fields) {
    const value = opts[field];
    if (typeof value === 'string' && value.trim() === '') {
      const hint =
        allowClear && (CLEARABLE as readonly string[]).includes(field)
          ? ` To empty it, use --clear ${field}.`
          : '';
      throw new UsageError(`--${field} needs a value.${hint}`);
    }
  }
}

export function registerCasesCrud(cases: Command, ctx: CliContext): void {
  const show = cases
    .command('show')
    .description('Show one case with its description and findings')
    .argument('<case-number>', 'the case number', parseCaseNumber);
  addOutputOptions(show, { columns: false });
  show.action(async (n: number, opts: OutputOptions) => {
    writeCase(ctx, await onCase(n, async () => (await ctx.client()).getCase(n)), opts.format);
  });

  const create = cases
    .command('create')
    .description('Create a case (it starts OPEN)')
    .argument('<name>', 'a unique name, at most 50 characters')
    .option('--description <text>', 'short context, at most 250 characters')
    .option('--findings <markdown>', 'findings in Markdown, at most 30,000 characters')
    .option(
      '--subject <id|email>',
      'the person investigated (an email is looked up among actors, then users)',
    )
    .option('--assignee <id|email>', 'the analyst assigned (an email is looked up among users)');
  addOutputOptions(create, { columns: false });
  create.action(async (name: string, opts: EditOptions) => {
    if (name.trim() === '') throw new UsageError('A case needs a name.');
    refuseEmpty(opts, ['description', 'findings', 'subject', 'assignee'], false);
    const client = await ctx.client();
    const body: CaseCreate = { name };
    if (opts.description !== undefined) body.description = opts.description;
    if (opts.findings !== undefined) body.findings = opts.findings;
    if (opts.subject !== undefined) body.subject = await resolveSubjectId(client, opts.subject);
    if (opts.assignee !== undefined) body.assignee = await resolveUserId(client, opts.assignee, 'assignee');
    writeCase(ctx, await client.createCase(body), opts.format);
  });

  const update = cases
    .command('update')
    .description('Change a case: reads it, applies the options, writes all fields back')
    .argument('<case-number>', 'the case number', parseCaseNumber)
    .option('--name <text>', 'new name')
    .option('--description <text>', 'new description')
    .option('--findings <markdown>', 'new findings (replaces the old text)')
    .addOption(
      new Option('--status <status>', 'new status (CLOSED and ARCHIVED are final)').choices(CASE_STATUSES),
    )
    .option('--subject <id|email>', 'new subject')
    .option('--assignee <id|email>', 'new assignee')
    .option(
      '--clear <fields>',
      `empty these fields: ${CLEARABLE.join(', ')} (comma list or repeat)`,
      collectList,
    );
  addOutputOptions(update, { columns: false });
  update.addHelpText(
    'after',
    `
Options not given keep their current value. To empty a field, name it in --clear; an empty value such
as --description "" is refused so that nothing is cleared by accident.
Closing or archiving is final: a closed or archived case cannot be changed again, and archiving
permanently deletes the case's file events and captured files.

Examples:
  case-desk cases update 17 --status CLOSED
  case-desk cases update 17 --assignee analyst@example.com --description "Exfil to Dropbox"
  case-desk cases update 17 --clear assignee,findings`,
  );
  update.action(async (n: number, opts: EditOptions) => {
    const clear = [...new Set(opts.clear ?? [])].map((field): Clearable => {
      const wanted = field.toLowerCase();
      const match = CLEARABLE.find((c) => c === wanted);
      if (match === undefined) {
        throw new UsageError(`--clear takes ${CLEARABLE.join(', ')}; "${field}" cannot be cleared.`);
      }
      return match;
    });
    refuseEmpty(opts, ['name', 'description', 'findings', 'subject', 'assignee'], true);
    const setting = (['name', 'description', 'findings', 'subject', 'assignee', 'status'] as const).filter(
      (field) => opts[field] !== undefined,
    );
    if (setting.length === 0 && clear.length === 0) {
      throw new UsageError(
        'Nothing to change: give at least one of --name, --description, --findings, --status, --subject, --assignee or --clear.',
      );
    }
    const both = clear.find((field) => opts[field] !== undefined);
    if (both !== undefined) throw new UsageError(`--${both} and --clear ${both} contradict each other.`);

    const client = await ctx.client();
    const changes: Partial<CaseUpdate> = {};
    if (opts.name !== undefined) changes.name = opts.name;
    if (opts.description !== undefined) changes.description = opts.description;
    if (opts.findings !== undefined) changes.findings = opts.findings;
    if (opts.status !== undefined) changes.status = opts.status;
    if (opts.subject !== undefined) changes.subject = await resolveSubjectId(client, opts.subject);
    if (opts.assignee !== undefined)
      changes.assignee = await resolveUserId(client, opts.assignee, 'assignee');
    for (const field of clear) changes[field] = null;
    writeCase(ctx, await onCase(n, () => client.updateCase(n, changes)), opts.format);
  });

  cases
    .command('delete')
    .description('Delete a case (asks first on a terminal)')
    .argument('<case-number>', 'the case number', parseCaseNumber)
    .option('-y, --yes', 'delete without asking (needed when not on a terminal)')
    .addHelpText(
      'after',
      `
On a terminal the command asks "Delete case N "name"? [y/N]" and deletes only on y or yes; any
other answer leaves the case and exits with status 1. Without a terminal (scripts, pipes) it refuses
unless --yes is given (exit status 2).`,
    )
    .action(async (n: number, opts: { yes?: boolean }) => {
      const client = await ctx.client();
      if (!opts.yes) {
        if (!ctx.io.isTTY) {
          throw new UsageError(
            `Not deleting case ${n} without confirmation: there is no terminal to ask on. Add --yes to delete it.`,
          );
        }
        const detail = await onCase(n, () => client.getCase(n));
        const answer = await ctx.io.prompt(`Delete case ${n} "${safeText(detail.name)}"? [y/N] `);
        if (!/^y(es)?$/i.test(answer.trim())) {
          ctx.io.stderr(`Case ${n} was not deleted.\n`);
          ctx.exitCode = 1;
          return;
        }
      }
      await onCase(n, () => client.deleteCase(n));
      ctx.io.stdout(`Deleted case ${n}.\n`);
    });
}
