/**
 * Listing cases fast enough for 20,000 of them: one sorted order per (key, direction) is built on first
 * use and kept until the next change, so a single-key request is one linear pass (filter, count, slice).
 * Multi-key sorts filter first and then sort only the matches.
 */
import type { SortDir, SortKey } from '../../../src-shared/domain/index.js';
import type { CaseRecord } from './case-record.js';
import type { CaseFilter, CaseQueryParsed } from './case-query.js';

type Value = string | number | null;

function sortValue(r: CaseRecord, key: SortKey): Value {
  switch (key) {
    case 'number':
      return r.number;
    case 'name':
      return r.nameKey;
    case 'createdAt':
      return r.createdAtUs;
    case 'updatedAt':
      return r.updatedAtUs;
    case 'status':
      return r.status;
    case 'assigneeUsername':
      return r.assigneeUsername?.toLowerCase() ?? null;
    case 'subjectUsername':
      return r.subjectUsername?.toLowerCase() ?? null;
    case 'archivalTime':
      return r.archivalTimeUs;
  }
}

/** Ascending comparison; nulls sort last ascending and first descending, as in PostgreSQL. */
function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function matches(r: CaseRecord, f: CaseFilter): boolean {
  if (f.statuses && !f.statuses.has(r.status)) return false;
  if (f.assignee !== undefined && r.assignee !== f.assignee) return false;
  if (f.isAssigned !== undefined && (r.assignee !== null) !== f.isAssigned) return false;
  if (f.name !== undefined && !r.nameKey.includes(f.name)) return false;
  if (f.subject !== undefined && r.subject !== f.subject) return false;
  if (f.lastModifiedBy !== undefined && r.lastModifiedByUserUid !== f.lastModifiedBy) return false;
  if (f.createdAt && (r.createdAtUs < f.createdAt.start || r.createdAtUs > f.createdAt.end)) return false;
  if (f.updatedAt && (r.updatedAtUs < f.updatedAt.start || r.updatedAtUs > f.updatedAt.end)) return false;
  return true;
}

export class CaseIndex {
  private readonly orders = new Map<string, CaseRecord[]>();
  private readonly rankCache = new Map<SortKey, Map<CaseRecord, number>>();

  constructor(private readonly all: () => Iterable<CaseRecord>) {}

  /** Call after any change to a case (or to the set of cases). */
  invalidate(): void {
    this.orders.clear();
    this.rankCache.clear();
  }

  /** Position of each case in the ascending order of `key`; equal values share a rank. */
  private ranks(key: SortKey): Map<CaseRecord, number> {
    let ranks = this.rankCache.get(key);
    if (!ranks) {
      ranks = new Map();
      let rank = 0;
      let previous: Value | undefined;
      for (const r of this.order(key, 'asc')) {
        const v = sortValue(r, key);
        if (previous === undefined || compareValues(previous, v) !== 0) rank++;
        previous = v;
        ranks.set(r, rank);
      }
      this.rankCache.set(key, ranks);
    }
    return ranks;
  }

  private order(key: SortKey, dir: SortDir): CaseRecord[] {
    const id = `${key}:${dir}`;
    let order = this.orders.get(id);
    if (!order) {
      // Decorate-sort-undecorate: each sort value is computed once, not once per comparison.
      const sign = dir === 'desc' ? -1 : 1;
      const decorated = [...this.all()].map((r) => ({ r, v: sortValue(r, key) }));
      decorated.sort((a, b) => sign * compareValues(a.v, b.v) || a.r.number - b.r.number);
      order = decorated.map((d) => d.r);
      this.orders.set(id, order);
    }
    return order;
  }

  query(q: CaseQueryParsed): { cases: CaseRecord[]; totalCount: number } {
    const start = (q.pgNum - 1) * q.pgSize;
    const end = start + q.pgSize;
    const [first, ...rest] = q.sorts;
    if (first && rest.length === 0) {
      const page: CaseRecord[] = [];
      let total = 0;
      for (const r of this.order(first.key, first.dir)) {
        if (!matches(r, q.filter)) continue;
        if (total >= start && total < end) page.push(r);
        total++;
      }
      return { cases: page, totalCount: total };
    }
    // Compare integer ranks (cached per key) instead of values: cheap comparisons for any key type.
    const signs = q.sorts.map((s) => (s.dir === 'desc' ? -1 : 1));
    const rankMaps = q.sorts.map((s) => this.ranks(s.key));
    const hits = this.order('number', 'asc')
      .filter((r) => matches(r, q.filter))
      .map((r) => ({ r, v: rankMaps.map((m) => m.get(r) ?? 0) }));
    hits.sort((a, b) => {
      for (let i = 0; i < signs.length; i++) {
        const c = (a.v[i] ?? 0) - (b.v[i] ?? 0);
        if (c !== 0) return c * (signs[i] ?? 1);
      }
      return a.r.number - b.r.number;
    });
    return { cases: hits.slice(start, end).map((h) => h.r), totalCount: hits.length };
  }
}
