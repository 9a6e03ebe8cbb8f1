/**
 * Which cases a bulk export covers: the investigator's selection (case numbers) or a list filter,
 * resolved to every matching case by walking the list's pages. Cases from the list come with their
 * name; bare numbers get theirs looked up when their turn comes.
 */
import type { IncydrClient } from '../incydr/client.js';
import type { CaseQueryInput } from '../incydr/query.js';

export type CaseFilter = Omit<CaseQueryInput, 'pgNum' | 'pgSize'>;

export type ExportSelection = { caseNumbers: readonly number[] } | { query: CaseFilter };

export interface ExportItemSeed {
  caseNumber: number;
  caseName: string | null;
  /** From a list filter (not a number the investigator gave). */
  listed: boolean;
}

export interface ResolveOptions {
  /** Stop after this many cases (the CLI's `--limit`). */
  limit?: number;
  /** Cases per list request; default the client's. */
  pageSize?: number;
}

/** One seed per distinct case, in the selection's (or the list's) order. */
export async function resolveSelection(
  client: Pick<IncydrClient, 'iterAll'>,
  selection: ExportSelection,
  options: ResolveOptions = {},
): Promise<ExportItemSeed[]> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const seeds: ExportItemSeed[] = [];
  const seen = new Set<number>();
  if ('caseNumbers' in selection) {
    for (const caseNumber of selection.caseNumbers) {
      if (seeds.length >= limit) break;
      if (seen.has(caseNumber)) continue;
      seen.add(caseNumber);
      seeds.push({ caseNumber, caseName: null, listed: false });
    }
    return seeds;
  }
  if (limit <= 0) return seeds;
  const pageSize = options.pageSize === undefined ? undefined : Math.min(options.pageSize, limit);
  for await (const item of client.iterAll(selection.query, pageSize)) {
    // A case created or deleted while paging can shift a page; never export one case twice.
    if (seen.has(item.number)) continue;
    seen.add(item.number);
    seeds.push({ caseNumber: item.number, caseName: item.name, listed: true });
    if (seeds.length >= limit) break;
  }
  return seeds;
}
