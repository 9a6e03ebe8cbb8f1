/**
 * The case list: filters, sort and page are sent to the server (`cases.page`), never applied to a
 * local copy, so the list works the same at 60 cases and at 20,000. Later filters (assignee, dates,
 * ...) add a field here and a line to `query`.
 */
import type { CasePage, CaseQuery, CaseStatus, SortDir, SortKey } from '../../../src-shared/domain/case.js';
import { LIMITS } from '../../../src-shared/domain/case.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';
import { debounce } from '../../lib/debounce.js';
import { CASE_COLUMNS } from './columns.js';

export const PAGE_SIZES = [25, 50, 100] as const;
export const SEARCH_DELAY_MS = 300;

export class CaseListState {
  statuses = $state<CaseStatus[]>([]);
  /** The search box as typed; `name` is what was last sent, after the typing pause. */
  nameInput = $state('');
  name = $state('');
  sortKey = $state<SortKey>('number');
  sortDir = $state<SortDir>('desc');
  pgNum = $state(1);
  pgSize = $state<number>(PAGE_SIZES[0]);

  page = $state<CasePage | null>(null);
  loading = $state(false);
  error = $state<ApiError | null>(null);

  query = $derived.by((): CaseQuery => {
    const query: CaseQuery = {
      pgNum: this.pgNum,
      pgSize: this.pgSize,
      srtKey: [this.sortKey],
      srtDir: [this.sortDir],
    };
    if (this.statuses.length > 0) query.status = [...this.statuses];
    if (this.name !== '') query.name = this.name;
    return query;
  });

  hasFilters = $derived(this.statuses.length > 0 || this.name !== '');

  // Answers can arrive out of order (fast paging, typing): only the latest request may set state.
  #latest = 0;
  #search = debounce(() => this.applySearch(), SEARCH_DELAY_MS);

  async load(): Promise<void> {
    const request = ++this.#latest;
    const query = $state.snapshot(this.query);
    this.loading = true;
    this.error = null;
    try {
      const page = unwrap(await caseDesk().cases.page(query));
      if (request !== this.#latest) return;
      // A filter can shrink the total under the current page: go to the last page that exists.
      const lastPage = Math.max(1, Math.ceil(page.totalCount / this.pgSize));
      if (page.cases.length === 0 && this.pgNum > lastPage) {
        this.pgNum = lastPage;
        return this.load();
      }
      this.page = page;
    } catch (error) {
      if (request === this.#latest) this.error = toApiError(error);
    } finally {
      if (request === this.#latest) this.loading = false;
    }
  }

  /** A click on a column header: the same column flips direction, another starts at its first. */
  sortBy(key: SortKey): void {
    if (this.sortKey === key) {
      this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    } else {
      this.sortKey = key;
      this.sortDir = CASE_COLUMNS.find((c) => c.key === key)?.firstDir ?? 'asc';
    }
    this.pgNum = 1;
    void this.load();
  }

  toggleStatus(status: CaseStatus, on: boolean): void {
    const others = this.statuses.filter((s) => s !== status);
    this.statuses = on ? [...others, status] : others;
    this.pgNum = 1;
    void this.load();
  }

  /** Typing in the search box: the request goes out once typing pauses. */
  typeName(text: string): void {
    this.nameInput = text;
    this.#search();
  }

  /** Sends the search now (Enter, or the pause after typing). */
  applySearch(): void {
    this.#search.cancel();
    const name = this.nameInput.trim().slice(0, LIMITS.nameLength);
    if (name === this.name) return;
    this.name = name;
    this.pgNum = 1;
    void this.load();
  }

  clearFilters(): void {
    this.#search.cancel();
    this.statuses = [];
    this.nameInput = '';
    this.name = '';
    this.pgNum = 1;
    void this.load();
  }

  goToPage(pgNum: number): void {
    this.pgNum = Math.max(1, pgNum);
    void this.load();
  }

  setPageSize(pgSize: number): void {
    this.pgSize = pgSize;
    this.pgNum = 1;
    void this.load();
  }

  dispose(): void {
    this.#search.cancel();
  }
}
