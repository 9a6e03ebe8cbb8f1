/** How the emulator keeps a case: the API fields plus precomputed keys for filters and sorts. */
import type { CaseDetail, CaseSlim, CaseStatus } from '../../../src-shared/domain/index.js';

export interface CaseRecord {
  number: number;
  name: string;
  /** Lower-cased name, for the case-insensitive `name` filter and sort. */
  nameKey: string;
  createdAt: string;
  createdAtUs: number;
  updatedAt: string;
  updatedAtUs: number;
  archivalTime: string | null;
  archivalTimeUs: number | null;
  status: CaseStatus;
  subject: string | null;
  subjectUsername: string | null;
  assignee: string | null;
  assigneeUsername: string | null;
  createdByUserUid: string | null;
  createdByUsername: string | null;
  lastModifiedByUserUid: string | null;
  lastModifiedByUsername: string | null;
  description: string | null;
  findings: string | null;
  /** Ordinals of attached file events, in attach order. */
  events: number[];
  /** Built on first need, for duplicate checks on large cases. */
  eventSet: Set<number> | null;
}

export function toSlim(r: CaseRecord): CaseSlim {
  return {
    number: r.number,
    name: r.name,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    subject: r.subject,
    subjectUsername: r.subjectUsername,
    status: r.status,
    assignee: r.assignee,
    assigneeUsername: r.assigneeUsername,
    createdByUserUid: r.createdByUserUid,
    createdByUsername: r.createdByUsername,
    lastModifiedByUserUid: r.lastModifiedByUserUid,
    lastModifiedByUsername: r.lastModifiedByUsername,
    archivalTime: r.archivalTime,
  };
}

export function toDetail(r: CaseRecord): CaseDetail {
  return { ...toSlim(r), description: r.description, findings: r.findings };
}

export function eventSetOf(r: CaseRecord): Set<number> {
  r.eventSet ??= new Set(r.events);
  return r.eventSet;
}
