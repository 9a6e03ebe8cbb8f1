/**
 * Saved views of the case list (issue 5): filters, sort and visible columns under a name, kept per
 * profile in main. People are saved with the name the picker showed, so a restored view can show
 * "Assignee: j.doe@example.com" without asking the server; dates are saved as the local days the
 * investigator picked (`YYYY-MM-DD`) and turned into ISO intervals when the list asks the server.
 */
import type { CaseStatus, SortDir, SortKey } from './case.js';

/** The case list's columns, in their display order; each names the `CaseSlim` field it shows. */
export const CASE_COLUMN_KEYS = [
  'number',
  'name',
  'status',
  'assigneeUsername',
  'subjectUsername',
  'createdAt',
  'updatedAt',
  'archivalTime',
  'lastModifiedByUsername',
  'createdByUsername',
] as const;
export type CaseColumnKey = (typeof CASE_COLUMN_KEYS)[number];

/** Columns a view must always show: the row would mean nothing without them. */
export const REQUIRED_COLUMNS: readonly CaseColumnKey[] = ['number', 'name'];

export const DEFAULT_COLUMNS: readonly CaseColumnKey[] = [
  'number',
  'name',
  'status',
  'assigneeUsername',
  'subjectUsername',
  'createdAt',
  'updatedAt',
  'archivalTime',
];

export const VIEW_LIMITS = {
  nameLength: 80,
  viewsPerProfile: 100,
  /** Display names of people kept with a view. */
  personNameLength: 320,
} as const;

/** A person picked by name; `id` is what the API filters on (user UID or actor ID). */
export interface PersonRef {
  id: string;
  name: string;
}

/** Local calendar days, `YYYY-MM-DD`, both inclusive; either may be open (null). */
export interface DayRange {
  from: string | null;
  to: string | null;
}

/** Every server-side filter of the case list, as the investigator set it. */
export interface ViewFilters {
  statuses: CaseStatus[];
  /** Part of the case name (the API matches a substring). */
  name: string;
  assignee: PersonRef | null;
  /** Only cases without an assignee (`isAssigned=false`); excludes `assignee`. */
  unassigned: boolean;
  subject: PersonRef | null;
  lastModifiedBy: PersonRef | null;
  created: DayRange;
  updated: DayRange;
}

export interface ViewSort {
  key: SortKey;
  dir: SortDir;
}

/** What a view holds. */
export interface ViewSpec {
  filters: ViewFilters;
  sort: ViewSort;
  columns: CaseColumnKey[];
}

export interface SavedView extends ViewSpec {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** The views of the current profile, and the one used last (restored on start). */
export interface ViewList {
  views: SavedView[];
  lastViewId: string | null;
}

/** Body of `views.save`: a new view, or (with `id`) a change to a saved one. */
export interface ViewSave extends ViewSpec {
  id?: string;
  name: string;
}

export function emptyFilters(): ViewFilters {
  return {
    statuses: [],
    name: '',
    assignee: null,
    unassigned: false,
    subject: null,
    lastModifiedBy: null,
    created: { from: null, to: null },
    updated: { from: null, to: null },
  };
}
