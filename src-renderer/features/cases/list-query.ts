/**
 * From what the investigator set (a `ViewSpec`) to what the server is asked (`CaseQuery`): statuses,
 * people by ID, and local calendar days as ISO instants — the start of the first day to the last
 * millisecond of the last, in the investigator's time zone. Pure, so it is the same for the list,
 * saved views and the tests.
 */
import type { CaseQuery, DateRange } from '../../../src-shared/domain/case.js';
import type { DayRange, ViewFilters, ViewSpec, ViewSort } from '../../../src-shared/domain/views.js';

/** The API has no open interval, so an open end is the widest instant (as the core client does). */
export const OPEN_START = '1970-01-01T00:00:00.000Z';
export const OPEN_END = '9999-12-31T23:59:59.999Z';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

function localDate(day: string, endOfDay: boolean): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const value = endOfDay ? new Date(year, month, date, 23, 59, 59, 999) : new Date(year, month, date);
  // new Date() rolls 2024-02-30 over into March; such a day is not a day.
  if (value.getFullYear() !== year || value.getMonth() !== month || value.getDate() !== date) return null;
  return value;
}

/** Local midnight at the start of `day`, as a UTC ISO instant; null when `day` is not a date. */
export function dayStart(day: string): string | null {
  return localDate(day, false)?.toISOString() ?? null;
}

/** The last millisecond of `day` in local time, as a UTC ISO instant. */
export function dayEnd(day: string): string | null {
  return localDate(day, true)?.toISOString() ?? null;
}

/** A problem with a day range, as a sentence, or null when it is fine (or empty). */
export function rangeProblem(range: DayRange): string | null {
  if (range.from !== null && dayStart(range.from) === null) return 'The start date is not a valid date.';
  if (range.to !== null && dayEnd(range.to) === null) return 'The end date is not a valid date.';
  if (range.from !== null && range.to !== null && range.from > range.to) {
    return 'The end date is before the start date.';
  }
  return null;
}

/** The interval for a day range; undefined when both ends are open or the range is not valid. */
export function intervalFor(range: DayRange): DateRange | undefined {
  if ((range.from === null && range.to === null) || rangeProblem(range) !== null) return undefined;
  return {
    start: range.from === null ? OPEN_START : (dayStart(range.from) ?? OPEN_START),
    end: range.to === null ? OPEN_END : (dayEnd(range.to) ?? OPEN_END),
  };
}

/** The server query for filters and a sort (no paging). */
export function queryFor(filters: ViewFilters, sort: ViewSort): CaseQuery {
  const query: CaseQuery = { srtKey: [sort.key], srtDir: [sort.dir] };
  if (filters.statuses.length > 0) query.status = [...filters.statuses];
  if (filters.name.trim() !== '') query.name = filters.name.trim();
  if (filters.unassigned) query.isAssigned = false;
  else if (filters.assignee) query.assignee = filters.assignee.id;
  if (filters.subject) query.subject = filters.subject.id;
  if (filters.lastModifiedBy) query.lastModifiedBy = filters.lastModifiedBy.id;
  const created = intervalFor(filters.created);
  if (created) query.createdAt = created;
  const updated = intervalFor(filters.updated);
  if (updated) query.updatedAt = updated;
  return query;
}

/** How many filters are set (statuses count as one). */
export function countFilters(filters: ViewFilters): number {
  return [
    filters.statuses.length > 0,
    filters.name.trim() !== '',
    filters.assignee !== null || filters.unassigned,
    filters.subject !== null,
    filters.lastModifiedBy !== null,
    filters.created.from !== null || filters.created.to !== null,
    filters.updated.from !== null || filters.updated.to !== null,
  ].filter(Boolean).length;
}

/** Whether two specs ask for the same list (people compared by ID, statuses and columns as sets). */
export function sameSpec(a: ViewSpec, b: ViewSpec): boolean {
  const set = (items: readonly string[]): string => [...items].sort().join(',');
  const person = (p: { id: string } | null): string => p?.id ?? '';
  const fa = a.filters;
  const fb = b.filters;
  return (
    set(fa.statuses) === set(fb.statuses) &&
    fa.name.trim() === fb.name.trim() &&
    person(fa.assignee) === person(fb.assignee) &&
    fa.unassigned === fb.unassigned &&
    person(fa.subject) === person(fb.subject) &&
    person(fa.lastModifiedBy) === person(fb.lastModifiedBy) &&
    fa.created.from === fb.created.from &&
    fa.created.to === fb.created.to &&
    fa.updated.from === fb.updated.from &&
    fa.updated.to === fb.updated.to &&
    a.sort.key === b.sort.key &&
    a.sort.dir === b.sort.dir &&
    set(a.columns) === set(b.columns)
  );
}
