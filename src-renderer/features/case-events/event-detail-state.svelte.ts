/** The full FileEventV2 of the event open in the drawer (`events.detail`), kept once read. */
import type { FileEventV2 } from '../../../src-shared/domain/file-event.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';
import { eventGroups } from './event-groups.js';

export class EventDetailState {
  readonly caseNumber: number;
  eventId = $state<string | null>(null);
  detail = $state.raw<FileEventV2 | null>(null);
  loading = $state(false);
  error = $state<ApiError | null>(null);

  groups = $derived(this.detail ? eventGroups(this.detail) : []);

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain cache: nothing renders from it
  readonly #cache = new Map<string, FileEventV2>();

  constructor(caseNumber: number) {
    this.caseNumber = caseNumber;
  }

  async show(eventId: string): Promise<void> {
    this.eventId = eventId;
    this.error = null;
    const cached = this.#cache.get(eventId);
    this.detail = cached ?? null;
    if (cached) return;
    this.loading = true;
    try {
      const detail = unwrap(await caseDesk().events.detail({ number: this.caseNumber, eventId }));
      this.#cache.set(eventId, detail);
      if (this.eventId === eventId) this.detail = detail;
    } catch (error) {
      if (this.eventId === eventId) this.error = toApiError(error);
    } finally {
      if (this.eventId === eventId) this.loading = false;
    }
  }

  forget(eventId: string): void {
    this.#cache.delete(eventId);
  }
}
