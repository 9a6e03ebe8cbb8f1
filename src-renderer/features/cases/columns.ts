/**
 * The case list's columns. Each shows one field of the slim case; most sort server-side by their
 * key (`srtKey`). Widths are fixed so the windowed rows never make columns jump; Name takes the rest.
 */
import type { SortDir, SortKey } from '../../../src-shared/domain/case.js';
import { CASE_COLUMN_KEYS, REQUIRED_COLUMNS } from '../../../src-shared/domain/views.js';
import type { CaseColumnKey } from '../../../src-shared/domain/views.js';

export interface CaseColumn {
  key: CaseColumnKey;
  label: string;
  /** The server sort for this column; null when the API cannot sort by it. */
  sortKey: SortKey | null;
  /** The direction of the first click: newest or highest first for dates and numbers. */
  firstDir: SortDir;
  /** CSS width of the column (`auto` takes what is left). */
  width: string;
  kind: 'number' | 'text' | 'status' | 'person' | 'date';
}

export const CASE_COLUMNS: readonly CaseColumn[] = [
  { key: 'number', label: 'Number', sortKey: 'number', firstDir: 'desc', width: '7.4rem', kind: 'number' },
  { key: 'name', label: 'Name', sortKey: 'name', firstDir: 'asc', width: 'auto', kind: 'text' },
  { key: 'status', label: 'Status', sortKey: 'status', firstDir: 'asc', width: '7rem', kind: 'status' },
  {
    key: 'assigneeUsername',
    label: 'Assignee',
    sortKey: 'assigneeUsername',
    firstDir: 'asc',
    width: '12rem',
    kind: 'person',
  },
  {
    key: 'subjectUsername',
    label: 'Subject',
    sortKey: 'subjectUsername',
    firstDir: 'asc',
    width: '12rem',
    kind: 'person',
  },
  {
    key: 'createdAt',
    label: 'Created',
    sortKey: 'createdAt',
    firstDir: 'desc',
    width: '8.6rem',
    kind: 'date',
  },
  {
    key: 'updatedAt',
    label: 'Updated',
    sortKey: 'updatedAt',
    firstDir: 'desc',
    width: '8.6rem',
    kind: 'date',
  },
  {
    key: 'archivalTime',
    label: 'Archival',
    sortKey: 'archivalTime',
    firstDir: 'desc',
    width: '8.6rem',
    kind: 'date',
  },
  {
    key: 'lastModifiedByUsername',
    label: 'Last modified by',
    sortKey: null,
    firstDir: 'asc',
    width: '12rem',
    kind: 'person',
  },
  {
    key: 'createdByUsername',
    label: 'Created by',
    sortKey: null,
    firstDir: 'asc',
    width: '12rem',
    kind: 'person',
  },
];

export function columnFor(key: CaseColumnKey): CaseColumn {
  const column = CASE_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`unknown column ${key}`);
  return column;
}

/** The first click's direction for a sort key (a hidden column's key too). */
export function firstDirFor(key: SortKey): SortDir {
  return CASE_COLUMNS.find((c) => c.sortKey === key)?.firstDir ?? 'asc';
}

/** The label of the column that sorts by `key`. */
export function sortLabel(key: SortKey): string {
  return CASE_COLUMNS.find((c) => c.sortKey === key)?.label ?? key;
}

export function isRequired(key: CaseColumnKey): boolean {
  return REQUIRED_COLUMNS.includes(key);
}

/** Columns in display order, the required ones always included. */
export function normaliseColumns(keys: readonly CaseColumnKey[]): CaseColumnKey[] {
  return CASE_COLUMN_KEYS.filter((k) => isRequired(k) || keys.includes(k));
}

/** Width of the selection column (a checkbox). */
export const SELECT_WIDTH = '2.6rem';
/** The Name column takes what is left, but never less than this. */
export const NAME_MIN = '14rem';

/** The narrowest a row can be before the list scrolls sideways. */
export function minRowWidth(columns: readonly CaseColumn[]): string {
  const widths = columns.map((c) => (c.width === 'auto' ? NAME_MIN : c.width));
  return `calc(${[SELECT_WIDTH, ...widths].join(' + ')})`;
}
