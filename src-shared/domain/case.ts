/** Case shapes of the Incydr cases API (incydr-api.md §2.1). IDs of people stay strings. */

export const CASE_STATUSES = ['OPEN', 'CLOSED', 'ARCHIVED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const SORT_KEYS = [
  'name',
  'number',
  'createdAt',
  'updatedAt',
  'status',
  'assigneeUsername',
  'subjectUsername',
  'archivalTime',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_DIRS = ['asc', 'desc'] as const;
export type SortDir = (typeof SORT_DIRS)[number];

/** Limits the API enforces; the client checks them before sending. */
export const LIMITS = {
  nameLength: 50,
  descriptionLength: 250,
  findingsLength: 30_000,
  eventsPerCase: 10_000,
} as const;

/** An item of `GET /v1/cases`: the detail case without description and findings. */
export interface CaseSlim {
  number: number;
  name: string;
  createdAt: string;
  updatedAt: string | null;
  subject: string | null;
  subjectUsername: string | null;
  status: CaseStatus;
  assignee: string | null;
  assigneeUsername: string | null;
  createdByUserUid: string | null;
  createdByUsername: string | null;
  lastModifiedByUserUid: string | null;
  lastModifiedByUsername: string | null;
  archivalTime: string | null;
}

/** `GET /v1/cases/{n}`, and the answer to create and update. */
export interface CaseDetail extends CaseSlim {
  description: string | null;
  findings: string | null;
}

/** Body of `POST /v1/cases`; only `name` is required. */
export interface CaseCreate {
  name: string;
  description?: string | null;
  findings?: string | null;
  subject?: string | null;
  assignee?: string | null;
}

/** Body of `PUT /v1/cases/{n}`: always all six keys (PUT replaces). */
export interface CaseUpdate {
  name: string;
  description: string | null;
  findings: string | null;
  subject: string | null;
  assignee: string | null;
  status: CaseStatus;
}

export const EDITABLE_FIELDS = [
  'name',
  'description',
  'findings',
  'subject',
  'assignee',
  'status',
] as const satisfies readonly (keyof CaseUpdate)[];

/** Start and end of a date interval filter; either may be open. ISO strings or Dates. */
export interface DateRange {
  start: string;
  end: string;
}

/** Every filter and sort of `GET /v1/cases` (incydr-api.md §2.2). */
export interface CaseQuery {
  status?: CaseStatus[];
  assignee?: string;
  isAssigned?: boolean;
  name?: string;
  subject?: string;
  lastModifiedBy?: string;
  createdAt?: DateRange;
  updatedAt?: DateRange;
  pgNum?: number;
  pgSize?: number;
  srtKey?: SortKey[];
  srtDir?: SortDir[];
}

export interface CasePage {
  cases: CaseSlim[];
  totalCount: number;
}

/**
 * The PUT body for read-modify-write: every editable field of `current`, with `changes` applied. A key
 * present with null clears that field; a key absent (or undefined) keeps the server's value.
 */
export function mergeCaseUpdate(current: CaseDetail, changes: Partial<CaseUpdate>): CaseUpdate {
  const next: CaseUpdate = {
    name: current.name,
    description: current.description,
    findings: current.findings,
    subject: current.subject,
    assignee: current.assignee,
    status: current.status,
  };
  const target = next as unknown as Record<string, unknown>;
  for (const key of EDITABLE_FIELDS) {
    if (Object.hasOwn(changes, key) && changes[key] !== undefined) target[key] = changes[key];
  }
  return next;
}
