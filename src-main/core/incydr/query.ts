/**
 * Query strings exactly as the API reads them (incydr-api.md §2.2, §2.8, §2.9, §4): repeatable
 * `status`, `srtKey`, `srtDir`; intervals as `start/end` ISO instants with milliseconds; booleans as
 * `true`/`false`; undefined values omitted.
 */
import type { ActorQuery, CaseQuery, UserQuery } from '../../../src-shared/domain/index.js';
import { IncydrError } from './errors.js';

/** An interval bound: an ISO string or a Date. An empty or missing bound means "open". */
export type InstantInput = string | Date | null | undefined;
export interface DateRangeInput {
  start?: InstantInput;
  end?: InstantInput;
}

/**
 * The API has no syntax for an open interval, so an open end is sent as the widest instant the
 * format allows; the server then filters on the other bound only.
 */
export const OPEN_START = '1970-01-01T00:00:00.000Z';
export const OPEN_END = '9999-12-31T23:59:59.999Z';

/** Normalises an instant to `YYYY-MM-DDTHH:mm:ss.SSSZ` (UTC); throws VALIDATION when unreadable. */
export function formatInstant(value: string | Date): string {
  const date = value instanceof Date ? value : parseIsoInstant(value);
  if (Number.isNaN(date.getTime())) {
    throw new IncydrError('VALIDATION', { message: `Not a valid date and time: ${String(value)}` });
  }
  return date.toISOString();
}

/** `start/end`; throws VALIDATION when both ends are open. Order is left for the server to judge. */
export function formatInterval(range: DateRangeInput): string {
  const start = isOpen(range.start) ? undefined : formatInstant(range.start as string | Date);
  const end = isOpen(range.end) ? undefined : formatInstant(range.end as string | Date);
  if (start === undefined && end === undefined) {
    throw new IncydrError('VALIDATION', { message: 'A date range needs a start, an end or both.' });
  }
  return `${start ?? OPEN_START}/${end ?? OPEN_END}`;
}

/** The case list's filters and sorts. `CaseQuery` ranges may also hold Dates or open ends. */
export type CaseQueryInput = Omit<CaseQuery, 'createdAt' | 'updatedAt'> & {
  createdAt?: DateRangeInput;
  updatedAt?: DateRangeInput;
};

export function caseQueryParams(query: CaseQueryInput = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of query.status ?? []) params.append('status', status);
  setString(params, 'assignee', query.assignee);
  setBoolean(params, 'isAssigned', query.isAssigned);
  setString(params, 'name', query.name);
  setString(params, 'subject', query.subject);
  setString(params, 'lastModifiedBy', query.lastModifiedBy);
  if (query.createdAt) params.set('createdAt', formatInterval(query.createdAt));
  if (query.updatedAt) params.set('updatedAt', formatInterval(query.updatedAt));
  setInteger(params, 'pgNum', query.pgNum);
  setInteger(params, 'pgSize', query.pgSize);
  for (const key of query.srtKey ?? []) params.append('srtKey', key);
  for (const dir of query.srtDir ?? []) params.append('srtDir', dir);
  return params;
}

export function fileEventQueryParams(
  opts: { pgNum?: number; pgSize?: number; archiveId?: string } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  setInteger(params, 'pgNum', opts.pgNum);
  setInteger(params, 'pgSize', opts.pgSize);
  setString(params, 'archiveId', opts.archiveId);
  return params;
}

export function userQueryParams(query: UserQuery = {}): URLSearchParams {
  const params = new URLSearchParams();
  setBoolean(params, 'active', query.active);
  setBoolean(params, 'blocked', query.blocked);
  setString(params, 'username', query.username);
  setInteger(params, 'page', query.page);
  setInteger(params, 'pageSize', query.pageSize);
  return params;
}

export function actorQueryParams(query: ActorQuery): URLSearchParams {
  const params = new URLSearchParams();
  setString(params, 'nameStartsWith', query.nameStartsWith);
  setString(params, 'nameEndsWith', query.nameEndsWith);
  setBoolean(params, 'active', query.active);
  setInteger(params, 'page', query.page);
  setInteger(params, 'pageSize', query.pageSize);
  return params;
}

/** `GET /v1/cases/{n}/export/full`: all three parts are always sent (the server's defaults are true). */
export function fullExportParams(opts: {
  summary?: boolean;
  fileEvents?: boolean;
  files?: boolean;
  language?: string;
}): URLSearchParams {
  const params = new URLSearchParams();
  params.set('summary', String(opts.summary ?? true));
  params.set('fileEvents', String(opts.fileEvents ?? true));
  params.set('files', String(opts.files ?? true));
  setString(params, 'language', opts.language);
  return params;
}

export function languageParams(language?: string): URLSearchParams {
  const params = new URLSearchParams();
  setString(params, 'language', language);
  return params;
}

function setString(params: URLSearchParams, key: string, value: string | undefined): void {
  if (value !== undefined) params.set(key, value);
}

function setBoolean(params: URLSearchParams, key: string, value: boolean | undefined): void {
  if (value !== undefined) params.set(key, value ? 'true' : 'false');
}

function setInteger(params: URLSearchParams, key: string, value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value)) {
    throw new IncydrError('VALIDATION', { message: `${key} must be a whole number, not ${String(value)}.` });
  }
  params.set(key, String(value));
}

function isOpen(value: InstantInput): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * `Date.parse` reads more than ISO 8601 and treats a date-time without a zone as local time. Accept
 * ISO forms only; a date-time without a zone is read as UTC (the API speaks UTC); any number of
 * fractional digits (the SDK sends microseconds).
 */
function parseIsoInstant(text: string): Date {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/iu.exec(
      text.trim(),
    );
  if (!match) return new Date(Number.NaN);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = match;
  const ms = frac === '' ? '000' : frac.padEnd(3, '0').slice(0, 3);
  const offset =
    zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
  // Reject impossible calendar values that Date would roll over (Feb 30 → Mar 2).
  if (
    !Number.isNaN(date.getTime()) &&
    offset === 'Z' &&
    date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`
  ) {
    return new Date(Number.NaN);
  }
  return date;
}
