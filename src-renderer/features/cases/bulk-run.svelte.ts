/**
 * One bulk action over the selected cases, run from the renderer through `cases.update` /
 * `cases.delete` with a few cases at a time. Every case gets a result: done, skipped (with why) or
 * failed (with the plain sentence of its error code); "Retry failed" runs the failed ones again.
 * Changed cases are shown at once through `onchanged` / `ondeleted`.
 */
import type { CaseDetail } from '../../../src-shared/domain/case.js';
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import { BULK_CONCURRENCY, skipsByCase } from './bulk-rules.js';
import type { BulkAction } from './bulk-rules.js';

export type BulkState = 'queued' | 'running' | 'done' | 'failed' | 'skipped';

export interface BulkItem {
  number: number;
  name: string;
  state: BulkState;
  /** Why it was skipped or failed. */
  message: string | null;
  code: string | null;
}

export interface BulkHooks {
  onchanged?: (detail: CaseDetail) => void;
  ondeleted?: (number: number) => void;
  /** Runs one case; the default calls main. For tests and benchmarks. */
  perform?: (action: BulkAction, number: number) => Promise<CaseDetail | null>;
}

async function performInMain(action: BulkAction, number: number): Promise<CaseDetail | null> {
  const api = caseDesk();
  switch (action.kind) {
    case 'assign':
      return unwrap(await api.cases.update({ number, changes: { assignee: action.assignee?.id ?? null } }));
    case 'status':
      return unwrap(await api.cases.update({ number, changes: { status: action.status } }));
    case 'delete':
      unwrap(await api.cases.delete({ number }));
      return null;
  }
}

export class BulkRun {
  readonly action: BulkAction;
  /** One item per selected case, in list order. Replaced on every change. */
  items = $state.raw<BulkItem[]>([]);
  running = $state(false);
  cancelled = $state(false);

  counts = $derived.by(() => {
    const counts: Record<BulkState, number> = { queued: 0, running: 0, done: 0, failed: 0, skipped: 0 };
    for (const item of this.items) counts[item.state]++;
    return counts;
  });
  finished = $derived(this.counts.done + this.counts.failed + this.counts.skipped);

  readonly #hooks: BulkHooks;
  readonly #perform: (action: BulkAction, number: number) => Promise<CaseDetail | null>;
  /** Working copy: results land here, and `items` is swapped once per frame. */
  #work: BulkItem[] = [];
  #flush = 0;

  constructor(action: BulkAction, cases: readonly CaseListItem[], hooks: BulkHooks = {}) {
    this.action = action;
    this.#hooks = hooks;
    this.#perform = hooks.perform ?? performInMain;
    const skipped = skipsByCase(action, cases);
    this.#work = cases.map((c) => ({
      number: c.number,
      name: c.name,
      state: skipped.has(c.number) ? 'skipped' : 'queued',
      message: skipped.get(c.number) ?? null,
      code: null,
    }));
    this.items = [...this.#work];
  }

  /** Runs every queued case, a few at a time; resolves when all have a result (or after cancel). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.cancelled = false;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!this.cancelled) {
        while (next < this.#work.length && this.#work[next]!.state !== 'queued') next++;
        if (next >= this.#work.length) return;
        const index = next++;
        await this.#runOne(index);
      }
    };
    try {
      await Promise.all(Array.from({ length: BULK_CONCURRENCY }, worker));
    } finally {
      this.running = false;
      this.#show();
    }
  }

  /** Queues the failed cases again and runs them. */
  retryFailed(): Promise<void> {
    this.#work = this.#work.map((item) =>
      item.state === 'failed' ? { ...item, state: 'queued', message: null, code: null } : item,
    );
    this.#show();
    return this.start();
  }

  /** Stops starting new cases; those under way finish. */
  cancel(): void {
    this.cancelled = true;
  }

  async #runOne(index: number): Promise<void> {
    const item = this.#work[index]!;
    this.#update(index, { state: 'running' });
    try {
      const detail = await this.#perform(this.action, item.number);
      this.#update(index, { state: 'done' });
      if (detail) this.#hooks.onchanged?.(detail);
      else if (this.action.kind === 'delete') this.#hooks.ondeleted?.(item.number);
    } catch (error) {
      const apiError = toApiError(error);
      this.#update(index, { state: 'failed', message: apiError.message, code: apiError.code });
    }
  }

  #update(index: number, change: Partial<BulkItem>): void {
    const item = this.#work[index];
    if (!item) return;
    this.#work[index] = { ...item, ...change };
    this.#schedule();
  }

  /** Results may come hundreds a second: show them once per frame. */
  #schedule(): void {
    if (this.#flush !== 0) return;
    this.#flush = requestAnimationFrame(() => this.#show());
  }

  #show(): void {
    if (this.#flush !== 0) cancelAnimationFrame(this.#flush);
    this.#flush = 0;
    this.items = [...this.#work];
  }
}
