/**
 * Pure operations on the list's rows and on sets of case numbers. The reactive classes replace their
 * arrays and sets with what these return (never mutate them), so a change is always a new value.
 */
import type { CaseDetail, CaseSlim } from '../../../src-shared/domain/case.js';

/**
 * A filter that lets each case number through once: a case edited while the list pages through the
 * server can move into a later page and come twice; the first copy stays.
 */
export function onlyNew(): (cases: readonly CaseSlim[]) => CaseSlim[] {
  const seen = new Set<number>();
  return (cases) => cases.filter((c) => (seen.has(c.number) ? false : (seen.add(c.number), true)));
}

/** The rows with case `c` replaced by its new version, in the same place; the same array if absent. */
export function withCase(rows: readonly CaseSlim[], c: CaseDetail | CaseSlim): readonly CaseSlim[] {
  const index = rows.findIndex((r) => r.number === c.number);
  return index < 0 ? rows : rows.with(index, toSlim(c));
}

/** The rows without these cases. */
export function withoutCases(rows: readonly CaseSlim[], numbers: readonly number[]): CaseSlim[] {
  const gone = new Set(numbers);
  return rows.filter((r) => !gone.has(r.number));
}

/** The list's fields of a case (a detail carries description and findings too). */
export function toSlim(c: CaseDetail | CaseSlim): CaseSlim {
  return {
    number: c.number,
    name: c.name,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    subject: c.subject,
    subjectUsername: c.subjectUsername,
    status: c.status,
    assignee: c.assignee,
    assigneeUsername: c.assigneeUsername,
    createdByUserUid: c.createdByUserUid,
    createdByUsername: c.createdByUsername,
    lastModifiedByUserUid: c.lastModifiedByUserUid,
    lastModifiedByUsername: c.lastModifiedByUsername,
    archivalTime: c.archivalTime,
  };
}

export const NO_CASES: ReadonlySet<number> = Object.freeze(new Set<number>());

/** `set` with `number` added, or removed when it was there. */
export function toggled(set: ReadonlySet<number>, number: number): ReadonlySet<number> {
  const next = new Set(set);
  if (!next.delete(number)) next.add(number);
  return next;
}

/** `base` plus the numbers from index `from` to `to` (both included, either order). */
export function withRange(
  base: ReadonlySet<number>,
  numbers: readonly number[],
  from: number,
  to: number,
): ReadonlySet<number> {
  const [low, high] = from <= to ? [from, to] : [to, from];
  return new Set([...base, ...numbers.slice(low, high + 1)]);
}

/** The numbers of `set` that are still in `numbers`; the same set when none is gone. */
export function keptIn(set: ReadonlySet<number>, numbers: readonly number[]): ReadonlySet<number> {
  if (set.size === 0) return set;
  const present = new Set(numbers);
  const next = new Set([...set].filter((n) => present.has(n)));
  return next.size === set.size ? set : next;
}

export function setOf(numbers: Iterable<number>): ReadonlySet<number> {
  return new Set(numbers);
}
