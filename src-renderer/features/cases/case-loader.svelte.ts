/**
 * Loads every case that matches a query, page by page in the background: the first page shows at
 * once, the rest follow in large pages with a few requests in flight (so the main process prepares
 * the next page while this one is drawn). A new query makes the old load stop and its answers be
 * ignored. A refresh (`keep`) goes on showing the rows it has until the new set is complete.
 */
import type { CaseDetail, CaseQuery } from '../../../src-shared/domain/case.js';
import { decodeCaseRows } from '../../../src-shared/domain/case-rows.js';
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';
import { onlyNew, withCase, withoutCases } from './list-rows.js';
import { PAGE_SIZE, PAGES_IN_FLIGHT } from './paging.js';

export interface ListPage {
  cases: CaseListItem[];
  totalCount: number;
}

export type PageFetcher = (query: CaseQuery) => Promise<ListPage>;

/** `cases.rows`: the same page as `cases.page`, in the list's compact form (a third of the bytes). */
const fetchPage: PageFetcher = async (query) => {
  const page = unwrap(await caseDesk().cases.rows(query));
  return { cases: decodeCaseRows(page), totalCount: page.totalCount };
};

export class CaseLoader {
  /** The rows shown, in the server's order. Replaced (never mutated), so only whole swaps re-render. */
  rows = $state.raw<CaseListItem[]>([]);
  /** The server's count of matching cases; null until the first page answers. */
  total = $state<number | null>(null);
  /** Rows of the load in progress (for a refresh, those not shown yet). */
  loaded = $state(0);
  loading = $state(false);
  /** A refresh is running while the previous rows stay on screen. */
  refreshing = $state(false);
  error = $state<ApiError | null>(null);

  #generation = 0;
  readonly #fetch: PageFetcher;

  constructor(fetcher: PageFetcher = fetchPage) {
    this.#fetch = fetcher;
  }

  /** Whether every matching case is in `rows`. */
  get complete(): boolean {
    return !this.loading && this.error === null && this.total !== null && this.rows.length >= this.total;
  }

  /**
   * Loads all cases for `query` (filters and sort; paging is the loader's). Resolves when this load
   * is done, failed or replaced by a newer one.
   */
  async load(query: CaseQuery, options: { keep?: boolean } = {}): Promise<void> {
    const generation = ++this.#generation;
    const keep = options.keep === true && this.rows.length > 0;
    const current = (): boolean => generation === this.#generation;
    this.loading = true;
    this.refreshing = keep;
    this.error = null;
    this.loaded = 0;
    if (!keep) {
      this.rows = [];
      this.total = null;
    }
    const fresh = onlyNew();
    const request = (pgNum: number): Promise<ListPage> => {
      const page = this.#fetch({ ...query, pgNum, pgSize: PAGE_SIZE });
      page.catch(() => undefined); // awaited below; an abandoned load must not leave it unhandled
      return page;
    };

    try {
      const first = await request(1);
      if (!current()) return;
      let buffer = fresh(first.cases);
      if (keep) {
        this.loaded = buffer.length;
      } else {
        this.rows = buffer;
        this.total = first.totalCount;
        this.loaded = buffer.length;
      }
      const lastPage = Math.ceil(first.totalCount / PAGE_SIZE);
      let next = 2;
      const inFlight: Promise<ListPage>[] = [];
      while (next <= lastPage && inFlight.length < PAGES_IN_FLIGHT) inFlight.push(request(next++));
      while (inFlight.length > 0) {
        const page = await inFlight.shift()!;
        if (!current()) return;
        const cases = fresh(page.cases);
        buffer = buffer.concat(cases);
        this.loaded = buffer.length;
        if (!keep) {
          this.rows = buffer;
          this.total = Math.max(page.totalCount, buffer.length);
        }
        if (page.cases.length < PAGE_SIZE) break; // the end, even if the count said otherwise
        if (next <= lastPage) inFlight.push(request(next++));
      }
      if (keep) {
        this.rows = buffer;
        this.total = buffer.length;
      } else {
        this.total = buffer.length;
      }
    } catch (error) {
      if (current()) this.error = toApiError(error);
    } finally {
      if (current()) {
        this.loading = false;
        this.refreshing = false;
      }
    }
  }

  /** Stops the load in progress: its answers are ignored from now on. */
  cancel(): void {
    this.#generation++;
    this.loading = false;
    this.refreshing = false;
  }

  /** Shows a case as the server returned it after a change (same place in the list). */
  patch(detail: CaseDetail | CaseListItem): void {
    const rows = withCase(this.rows, detail);
    if (rows !== this.rows) this.rows = rows as CaseListItem[];
  }

  /** Takes deleted cases out of the list. */
  remove(numbers: readonly number[]): void {
    const before = this.rows.length;
    this.rows = withoutCases(this.rows, numbers);
    if (this.total !== null) this.total = Math.max(0, this.total - (before - this.rows.length));
  }
}
