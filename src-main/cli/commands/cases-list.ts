/** `cases list`: every filter and sort of `GET /v1/cases`, all pages unless `--limit`. */
import { Option } from 'commander';
import type { Command } from 'commander';
import { CASE_STATUSES, SORT_DIRS, SORT_KEYS } from '../../../src-shared/domain/index.js';
import type { CaseSlim, CaseStatus, SortDir, SortKey } from '../../../src-shared/domain/index.js';
import type { CaseQueryInput } from '../../core/incydr/index.js';
import { addOutputOptions } from '../context.js';
import type { CliContext, OutputOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { CASE_LIST_DEFAULT, CASE_LIST_FIELDS, helpList, resolveColumns } from '../output/columns.js';
import { writeList } from '../output/format.js';
import { dateRange } from '../options/dates.js';
import { resolveSubjectId, resolveUserId } from '../options/people.js';
import { collectList, parsePositiveInt } from '../options/values.js';

/** The filters, sorts and paging of `cases list`; `cases export` takes the same. */
export interface CaseFilterFlags {
  status?: string[];
  assignee?: string;
  assigned?: boolean;
  unassigned?: boolean;
  subject?: string;
  name?: string;
  lastModifiedBy?: string;
  createdAfter?: string;
  createdBefore?: string;
  updatedAfter?: string;
  updatedBefore?: string;
  sort?: string[];
  limit?: number;
  pageSize?: number;
}

interface ListOptions extends OutputOptions, CaseFilterFlags {}

function parseStatuses(values: readonly string[]): CaseStatus[] {
  return values.map((value) => {
    const status = value.toUpperCase();
    if (!(CASE_STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`Unknown status "${value}". Statuses: ${CASE_STATUSES.join(', ')}.`);
    }
    return status as CaseStatus;
  });
}

/** `KEY[:asc|desc]`; keys in camelCase or snake_case. */
export function parseSorts(values: readonly string[]): { srtKey: SortKey[]; srtDir: SortDir[] } {
  const srtKey: SortKey[] = [];
  const srtDir: SortDir[] = [];
  for (const value of values) {
    const [rawKey = '', rawDir = 'asc', extra] = value.split(':');
    const wanted = rawKey.replace(/_/g, '').toLowerCase();
    const key = SORT_KEYS.find((k) => k.toLowerCase() === wanted);
    const dir = rawDir.toLowerCase();
    if (key === undefined) {
      throw new UsageError(`Cannot sort by "${rawKey}". Sort keys: ${SORT_KEYS.join(', ')}.`);
    }
    if (!(SORT_DIRS as readonly string[]).includes(dir) || extra !== undefined) {
      throw new UsageError(`Sort direction must be asc or desc, as in --sort ${key}:desc.`);
    }
    srtKey.push(key);
    srtDir.push(dir as SortDir);
  }
  return { srtKey, srtDir };
}

/** The API query for the filter and sort flags (looking up emails); usage errors before any request. */
export async function buildCaseQuery(ctx: CliContext, opts: CaseFilterFlags): Promise<CaseQueryInput> {
  const now = ctx.now();
  const query: CaseQueryInput = {};
  if (opts.status && opts.status.length > 0) query.status = [...new Set(parseStatuses(opts.status))];
  if (opts.name !== undefined) query.name = opts.name;
  if (opts.assigned) query.isAssigned = true;
  if (opts.unassigned) query.isAssigned = false;
  const created = dateRange(
    opts.createdAfter,
    opts.createdBefore,
    { after: '--created-after', before: '--created-before' },
    now,
  );
  if (created) query.createdAt = created;
  const updated = dateRange(
    opts.updatedAfter,
    opts.updatedBefore,
    { after: '--updated-after', before: '--updated-before' },
    now,
  );
  if (updated) query.updatedAt = updated;
  if (opts.sort && opts.sort.length > 0) Object.assign(query, parseSorts(opts.sort));
  // Lookups last: every usage error above is reported before any request is made.
  if (opts.assignee !== undefined)
    query.assignee = await resolveUserId(await ctx.client(), opts.assignee, 'assignee');
  if (opts.subject !== undefined) query.subject = await resolveSubjectId(await ctx.client(), opts.subject);
  if (opts.lastModifiedBy !== undefined) {
    query.lastModifiedBy = await resolveUserId(await ctx.client(), opts.lastModifiedBy, 'last modified by');
  }
  return query;
}

/** Adds the list's filter, sort, --limit and --page-size options to a command. */
export function addCaseFilterOptions(command: Command): Command {
  return command
    .option('--status <status>', `OPEN, CLOSED or ARCHIVED; repeat or use a comma list`, collectList)
    .option('--assignee <id|email>', 'assigned to this user (an email is looked up)')
    .addOption(new Option('--assigned', 'only cases with an assignee').conflicts('unassigned'))
    .addOption(new Option('--unassigned', 'only cases without an assignee').conflicts('assignee'))
    .option('--subject <id|email>', 'about this subject (an email is looked up among actors, then users)')
    .option('--name <text>', 'name contains this text')
    .option('--last-modified-by <id|email>', 'last changed by this user')
    .option(
      '--created-after <when>',
      'created at or after: 2024-03-01, 2024-03-01T12:00:00Z, or 30d / 12h / 15m ago',
    )
    .option('--created-before <when>', 'created before (same forms)')
    .option('--updated-after <when>', 'last updated at or after (same forms)')
    .option('--updated-before <when>', 'last updated before (same forms)')
    .option(
      '--sort <key[:dir]>',
      `sort by ${SORT_KEYS.join(', ')}; :asc (default) or :desc; repeatable`,
      collectList,
    )
    .option('--limit <n>', 'stop after this many cases', parsePositiveInt)
    .option('--page-size <n>', 'cases per request (default 100)', parsePositiveInt);
}

export function registerCasesList(cases: Command, ctx: CliContext): void {
  const command = cases
    .command('list')
    .description('List cases, with every filter and sort the API offers (all pages unless --limit)');
  addCaseFilterOptions(command);
  addOutputOptions(command, { columns: true });
  command.addHelpText(
    'after',
    `
Dates are UTC.
${helpList('Columns', CASE_LIST_FIELDS)}

Examples:
  case-desk cases list --status OPEN --created-after 30d
  case-desk cases list --unassigned --sort updatedAt:desc --limit 20
  case-desk cases list --assignee analyst@example.com -f csv --columns number,name,status`,
  );
  command.action(async (opts: ListOptions) => {
    const columns = resolveColumns(opts.columns, CASE_LIST_FIELDS, CASE_LIST_DEFAULT);
    const query = await buildCaseQuery(ctx, opts);
    const client = await ctx.client();
    const pageSize = Math.min(opts.pageSize ?? 100, opts.limit ?? Number.MAX_SAFE_INTEGER);
    const rows: CaseSlim[] = [];
    for await (const item of client.iterAll(query, pageSize)) {
      rows.push(item);
      if (opts.limit !== undefined && rows.length >= opts.limit) break;
    }
    writeList(ctx.io, rows, opts.format, columns);
  });
}
