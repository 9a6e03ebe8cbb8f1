/**
 * The saved views of the connected profile (kept by main, `views.*`), and which one is applied now.
 * A failure is shown as its plain sentence and changes nothing here.
 */
import type { SavedView, ViewList, ViewSpec } from '../../../src-shared/domain/views.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';

export class SavedViewsState {
  views = $state.raw<SavedView[]>([]);
  /** The view applied now; null when the list shows its own filters. */
  currentId = $state<string | null>(null);
  current = $derived(this.views.find((v) => v.id === this.currentId) ?? null);
  busy = $state(false);
  error = $state<ApiError | null>(null);

  /** Reads the views; resolves with the one used last (to apply on start), or null. */
  async load(): Promise<SavedView | null> {
    const list = await this.#run(async () => unwrap(await caseDesk().views.list({})));
    if (!list) return null;
    const last = list.views.find((v) => v.id === list.lastViewId) ?? null;
    this.currentId = last?.id ?? null;
    return last;
  }

  /** Saves `spec` as `name` (a new view, a same-named one replaced, or view `id` changed). */
  async save(name: string, spec: ViewSpec, id?: string): Promise<SavedView | null> {
    const input = { ...$state.snapshot(spec), name, ...(id === undefined ? {} : { id }) };
    const list = await this.#run(async () => unwrap(await caseDesk().views.save(input)));
    if (!list) return null;
    this.currentId = list.lastViewId;
    return list.views.find((v) => v.id === list.lastViewId) ?? null;
  }

  async remove(id: string): Promise<boolean> {
    const list = await this.#run(async () => unwrap(await caseDesk().views.delete({ id })));
    if (!list) return false;
    if (this.currentId === id) this.currentId = null;
    return true;
  }

  /** Makes `id` (or none) the view in use and remembers it for the next start. */
  async choose(id: string | null): Promise<void> {
    this.currentId = id;
    await this.#run(async () => unwrap(await caseDesk().views.select({ id })));
  }

  /** The view with this name (ignoring case), which a save under that name would replace. */
  named(name: string): SavedView | undefined {
    const wanted = name.trim().toLowerCase();
    return this.views.find((v) => v.name.toLowerCase() === wanted);
  }

  async #run(call: () => Promise<ViewList>): Promise<ViewList | null> {
    this.busy = true;
    this.error = null;
    try {
      const list = await call();
      this.views = list.views;
      return list;
    } catch (error) {
      this.error = toApiError(error);
      return null;
    } finally {
      this.busy = false;
    }
  }
}
