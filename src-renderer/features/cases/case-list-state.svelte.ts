/**
 * The case list: filters, sort and columns (what a saved view holds), every matching case loaded in
 * the background (`CaseLoader`), the selection and the keyboard's row. Filters and sort go to the
 * server, never to a local copy, so the list means the same at 60 cases and at 20,000.
 */
import type { SortKey } from '../../../src-shared/domain/case.js';
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import { DEFAULT_COLUMNS, emptyFilters } from '../../../src-shared/domain/views.js';
import type { CaseColumnKey, SavedView, ViewSort, ViewSpec } from '../../../src-shared/domain/views.js';
import { BulkRun } from './bulk-run.svelte.js';
import type { BulkAction } from './bulk-rules.js';
import { CaseLoader } from './case-loader.svelte.js';
import { firstDirFor, normaliseColumns } from './columns.js';
import { CaseFilterState } from './filters.svelte.js';
import { queryFor, sameSpec } from './list-query.js';
import { ListPeople } from './list-people.js';
import { SavedViewsState } from './saved-views.svelte.js';
import { CaseSelection } from './selection.svelte.js';

export const DEFAULT_SORT: ViewSort = Object.freeze({ key: 'number', dir: 'desc' });

/** The list with no saved view: every case, newest number first, the usual columns. */
export function defaultSpec(): ViewSpec {
  return { filters: emptyFilters(), sort: { ...DEFAULT_SORT }, columns: [...DEFAULT_COLUMNS] };
}

export class CaseListState {
  readonly loader = new CaseLoader();
  readonly selection = new CaseSelection();
  readonly filters = new CaseFilterState(() => this.#filtersChanged());
  readonly views = new SavedViewsState();
  /** Users and actors for the people filters and bulk assign, read once per workspace. */
  readonly people = new ListPeople();
  sort = $state.raw<ViewSort>(DEFAULT_SORT);
  columns = $state.raw<CaseColumnKey[]>([...DEFAULT_COLUMNS]);
  /** The last bulk action, whose results stay until closed. */
  bulk = $state.raw<BulkRun | null>(null);

  spec = $derived.by((): ViewSpec => ({
    filters: this.filters.value,
    sort: this.sort,
    columns: this.columns,
  }));
  query = $derived(queryFor(this.filters.value, this.sort));
  rows = $derived(this.loader.rows);
  numbers = $derived(this.loader.rows.map((c) => c.number));
  /** The applied view, when the list no longer shows exactly what it saved. */
  viewModified = $derived(this.views.current !== null && !sameSpec(this.views.current, this.spec));
  /** Whether the list shows the default (no filter, default sort and columns). */
  isDefault = $derived(sameSpec(defaultSpec(), this.spec));
  selectedCases = $derived.by((): CaseListItem[] => {
    const selected = this.selection.selected;
    return selected.size === 0 ? [] : this.loader.rows.filter((c) => selected.has(c.number));
  });

  #started = false;
  /** The filters (not the sort) of the last load, as JSON. */
  #loadedCases = '';

  /**
   * The screen opened. The first time, the last view used is restored before anything loads; after
   * that (back from a case) the same list is refreshed while its rows stay on screen.
   */
  async start(): Promise<void> {
    if (this.#started) {
      await this.refresh();
      return;
    }
    this.#started = true;
    const last = await this.views.load();
    if (last) this.#set(last);
    await this.#load(false);
  }

  /** Loads the same query again; the rows on screen stay until the new ones are all there. */
  async refresh(): Promise<void> {
    const load = this.#load(true);
    await load;
    this.selection.keepOnly(this.numbers);
    this.#clampCursor();
  }

  /** After a failed load: refresh what is shown, or load afresh when nothing is. */
  retry(): Promise<void> {
    return this.loader.rows.length > 0 ? this.refresh() : this.#load(false);
  }

  /** A header click: the same column flips direction, another starts at its first direction. */
  sortBy(key: SortKey): void {
    this.sort =
      this.sort.key === key
        ? { key, dir: this.sort.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: firstDirFor(key) };
    // Same cases, new order: the selection stays, the keyboard starts at the top.
    this.selection.cursor = -1;
    void this.#load(false);
  }

  setColumns(keys: readonly CaseColumnKey[]): void {
    this.columns = normaliseColumns(keys);
  }

  /** Applies a saved view (or, with null, the default list) and remembers it for the next start. */
  async applyView(view: SavedView | null): Promise<void> {
    this.#set(view ?? defaultSpec());
    const load = this.#load(false);
    await this.views.choose(view?.id ?? null);
    await load;
  }

  /** Saves what the list shows now as a view (replacing a same-named one, or view `id`). */
  saveView(name: string, id?: string): Promise<SavedView | null> {
    return this.views.save(name, this.spec, id);
  }

  /**
   * Runs a bulk action over the selected cases. Changed cases are shown as the server returned them,
   * deleted ones leave the list (and the selection) as each delete succeeds.
   */
  runBulk(action: BulkAction): Promise<void> {
    const run = new BulkRun(action, this.selectedCases, {
      onchanged: (detail) => this.loader.patch(detail),
      ondeleted: (number) => {
        this.loader.remove([number]);
        this.selection.keepOnly(this.numbers);
      },
    });
    this.bulk = run;
    return run.start();
  }

  /** Reloads when the filters ask for other cases; a new set of cases starts with none selected. */
  #filtersChanged(): void {
    if (!this.filters.valid) return;
    void this.#load(false);
  }

  #set(spec: ViewSpec): void {
    this.filters.set(spec.filters);
    this.sort = { key: spec.sort.key, dir: spec.sort.dir };
    this.columns = normaliseColumns(spec.columns);
  }

  async #load(keep: boolean): Promise<void> {
    const query = $state.snapshot(this.query);
    const { srtKey: _key, srtDir: _dir, ...filters } = query;
    const cases = JSON.stringify(filters);
    // Other filters mean other cases: a selection of cases no longer listed would be acted on unseen.
    if (!keep && cases !== this.#loadedCases) this.selection.reset();
    this.#loadedCases = cases;
    await this.loader.load(query, { keep });
    if (!keep) this.#clampCursor();
  }

  #clampCursor(): void {
    const count = this.loader.rows.length;
    if (this.selection.cursor >= count) this.selection.cursor = count - 1;
  }

  dispose(): void {
    this.filters.dispose();
    this.loader.cancel();
  }
}
