/** Parses the query of `GET /v1/cases` (incydr-api.md §2.2) into filters, sorts and a page. */
import { CASE_STATUSES, SORT_KEYS } from '../../../src-shared/domain/index.js';
import type { CaseStatus, SortDir, SortKey } from '../../../src-shared/domain/index.js';
import { BadRequestError, ProblemError } from '../errors.js';
import { parseBoolean, parseList, parsePositiveInt, parseString } from '../http/params.js';
import { parseInterval } from '../time.js';
import type { MicrosInterval } from '../time.js';

export const DEFAULT_CASE_PAGE_SIZE = 2_147_483_647;

export interface CaseFilter {
  statuses?: ReadonlySet<CaseStatus>;
  assignee?: string;
  isAssigned?: boolean;
  /** Lower-cased substring. */
  name?: string;
  subject?: string;
  lastModifiedBy?: string;
  createdAt?: MicrosInterval;
  updatedAt?: MicrosInterval;
}

export interface CaseSort {
  key: SortKey;
  dir: SortDir;
}

export interface CaseQueryParsed {
  filter: CaseFilter;
  sorts: CaseSort[];
  pgNum: number;
  pgSize: number;
}

function isStatus(v: string): v is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(v);
}

function isSortKey(v: string): v is SortKey {
  return (SORT_KEYS as readonly string[]).includes(v);
}

function interval(params: URLSearchParams, name: string): MicrosInterval | undefined {
  const raw = parseString(params, name);
  if (raw === undefined) return undefined;
  const parsed = parseInterval(raw);
  if (!parsed) {
    throw new ProblemError(
      'INVALID_TIME_INTERVAL',
      `${name} must be an ISO-8601 interval start/end with the end not before the start`,
    );
  }
  return parsed;
}

export function parseCaseQuery(params: URLSearchParams): CaseQueryParsed {
  const filter: CaseFilter = {};
  const statuses = parseList(params, 'status');
  for (const s of statuses) {
    if (!isStatus(s)) throw new BadRequestError(`Invalid value '${s}' for parameter 'status'`);
  }
  if (statuses.length > 0) filter.statuses = new Set(statuses as CaseStatus[]);
  filter.assignee = parseString(params, 'assignee');
  filter.isAssigned = parseBoolean(params, 'isAssigned');
  filter.name = parseString(params, 'name')?.toLowerCase();
  filter.subject = parseString(params, 'subject');
  filter.lastModifiedBy = parseString(params, 'lastModifiedBy');
  filter.createdAt = interval(params, 'createdAt');
  filter.updatedAt = interval(params, 'updatedAt');

  const keys = parseList(params, 'srtKey');
  const dirs = parseList(params, 'srtDir').map((d) => d.toLowerCase());
  for (const k of keys) {
    if (!isSortKey(k)) throw new BadRequestError(`Invalid value '${k}' for parameter 'srtKey'`);
  }
  for (const d of dirs) {
    if (d !== 'asc' && d !== 'desc') throw new BadRequestError(`Invalid value '${d}' for parameter 'srtDir'`);
  }
  // Keys and directions pair by position; a key without a direction sorts ascending.
  const sortKeys = keys.length > 0 ? (keys as SortKey[]) : (['number'] as SortKey[]);
  const sorts = sortKeys.map((key, i) => ({ key, dir: (dirs[i] ?? 'asc') as SortDir }));

  return {
    filter,
    sorts,
    pgNum: parsePositiveInt(params, 'pgNum', 1, 'INVALID_PAGE_NUMBER'),
    pgSize: parsePositiveInt(params, 'pgSize', DEFAULT_CASE_PAGE_SIZE, 'INVALID_PAGE_SIZE'),
  };
}
