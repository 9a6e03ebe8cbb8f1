/**
 * Pure operations on the list's rows and on sets of case numbers. The reactive classes replace their
 * arrays and sets with what these return (never mutate them), so a change is always a new value.
 */
import type { CaseDetail } from '../../../src-shared/domain/case.js';
import { toListItem } from '../../../src-shared/domain/case-rows.js';
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';

/**
 * A filter that lets each case number through once: a case edited while the list pages through the
 * server can move into a later page and come twice; the first copy stays.
 */
export function onlyNew(): (cases: readonly CaseListItem[]) => CaseListItem[] {
  const seen = new Set<number>();
  return (cases) => cases.filter((c) => (seen.has(c.number) ? false : (seen.add(c.number), true)));
}

/** The rows with case `c` replaced by its new version, in the same place; the same array if absent. */
export function withCase(
  rows: readonly CaseListItem[],
  c: CaseDetail | CaseListItem,
): readonly CaseListItem[] {
  const index = rows.findIndex((r) => r.number === c.number);
  return index < 0 ? rows : rows.with(index, toListItem(c));
}

/** The rows without these cases. */
export function withoutCases(rows: readonly CaseListItem[], numbers: readonly number[]): CaseListItem[] {
  const gone = new Set(numbers);
  return rows.filter((r) => !gone.has(r.number));
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
