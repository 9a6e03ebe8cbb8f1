/**
 * Every file event of a case (a case holds at most 10,000), read page by page: the first page shows
 * at once, the rest follow in the background. A newer load makes an older one stop and be ignored.
 */
import { LIMITS } from '../../../src-shared/domain/case.js';
import type { CaseFileEvent } from '../../../src-shared/domain/file-event.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';

export const EVENTS_PAGE_SIZE = 1000;

export class CaseEventsState {
  readonly caseNumber: number;
  /** The events read so far, in the server's order. Raw: rows are replaced, never edited in place. */
  events = $state.raw<CaseFileEvent[]>([]);
  /** The server's count; null until the first page answers. */
  total = $state<number | null>(null);
  loading = $state(false);
  /** Every page has arrived. */
  complete = $state(false);
  error = $state<ApiError | null>(null);

  /** IDs of the events read so far (for "already on the case" in an attach preview). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole by $derived, never mutated
  ids: ReadonlySet<string> = $derived(new Set(this.events.map((e) => e.eventId)));

  #generation = 0;

  constructor(caseNumber: number) {
    this.caseNumber = caseNumber;
  }

  /** Reads all events again from the first page. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    const current = (): boolean => generation === this.#generation;
    this.loading = true;
    this.complete = false;
    this.error = null;
    const read: CaseFileEvent[] = [];
    try {
      for (let pgNum = 1; ; pgNum++) {
        const page = unwrap(
          await caseDesk().events.page({ number: this.caseNumber, pgNum, pgSize: EVENTS_PAGE_SIZE }),
        );
        if (!current()) return;
        read.push(...page.events);
        this.events = read.slice();
        this.total = page.totalCount;
        const done =
          page.events.length < EVENTS_PAGE_SIZE ||
          read.length >= page.totalCount ||
          read.length >= LIMITS.eventsPerCase;
        if (done) break;
      }
      this.complete = true;
    } catch (error) {
      if (current()) this.error = toApiError(error);
    } finally {
      if (current()) this.loading = false;
    }
  }

  /** Detaches one event and drops it from the list; a refusal throws its ApiError. */
  async remove(eventId: string): Promise<void> {
    unwrap(await caseDesk().events.remove({ number: this.caseNumber, eventId }));
    this.events = this.events.filter((e) => e.eventId !== eventId);
    if (this.total !== null) this.total = Math.max(0, this.total - 1);
  }

  /** Stops a load in progress (the screen is going away). */
  dispose(): void {
    this.#generation++;
  }
}
