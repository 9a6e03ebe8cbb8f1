/**
 * The case list's wire format (`cases.rows`): only the fields the list shows, one array per case, and
 * each person's name once (a tenant has far fewer people than cases). A page of 2,000 cases is a
 * third of the JSON of `cases.page`; at 20,000 cases, moving and parsing that JSON twice (main, then
 * the page) is most of what loading the whole list costs.
 */
import type { CaseDetail, CasePage, CaseSlim, CaseStatus } from './case.js';

/** A case as the list holds it: the slim case without the IDs the list never uses. */
export type CaseListItem = Omit<CaseSlim, 'subject' | 'createdByUserUid' | 'lastModifiedByUserUid'>;

/** Names are indexes into `CaseRowsPage.names`. */
export type CaseRow = [
  number: number,
  name: string,
  createdAt: string,
  updatedAt: string | null,
  status: CaseStatus,
  archivalTime: string | null,
  assignee: string | null,
  assigneeName: number | null,
  subjectName: number | null,
  lastModifiedByName: number | null,
  createdByName: number | null,
];

export interface CaseRowsPage {
  totalCount: number;
  names: string[];
  rows: CaseRow[];
}

export function encodeCaseRows(page: CasePage): CaseRowsPage {
  const names: string[] = [];
  const indexes = new Map<string, number>();
  const name = (value: string | null): number | null => {
    if (value === null) return null;
    let index = indexes.get(value);
    if (index === undefined) {
      index = names.push(value) - 1;
      indexes.set(value, index);
    }
    return index;
  };
  const rows = page.cases.map((c): CaseRow => [
    c.number,
    c.name,
    c.createdAt,
    c.updatedAt,
    c.status,
    c.archivalTime,
    c.assignee,
    name(c.assigneeUsername),
    name(c.subjectUsername),
    name(c.lastModifiedByUsername),
    name(c.createdByUsername),
  ]);
  return { totalCount: page.totalCount, names, rows };
}

export function decodeCaseRows(page: CaseRowsPage): CaseListItem[] {
  const name = (index: number | null): string | null => (index === null ? null : (page.names[index] ?? null));
  return page.rows.map((r) => ({
    number: r[0],
    name: r[1],
    createdAt: r[2],
    updatedAt: r[3],
    status: r[4],
    archivalTime: r[5],
    assignee: r[6],
    assigneeUsername: name(r[7]),
    subjectUsername: name(r[8]),
    lastModifiedByUsername: name(r[9]),
    createdByUsername: name(r[10]),
  }));
}

/** The list's fields of a case (after an edit, from the case the server returned). */
export function toListItem(c: CaseDetail | CaseSlim | CaseListItem): CaseListItem {
  return {
    number: c.number,
    name: c.name,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    status: c.status,
    archivalTime: c.archivalTime,
    assignee: c.assignee,
    assigneeUsername: c.assigneeUsername,
    subjectUsername: c.subjectUsername,
    lastModifiedByUsername: c.lastModifiedByUsername,
    createdByUsername: c.createdByUsername,
  };
}
