/**
 * What the events section shows on top of the list: the event open in the drawer (by its place in
 * the list, so Previous / Next follow the table) and the confirmed removal of one event.
 */
import type { CaseFileEvent } from '../../../src-shared/domain/file-event.js';
import { toApiError } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';
import type { CaseEventsState } from './case-events-state.svelte.js';
import { EventDetailState } from './event-detail-state.svelte.js';

export class EventsView {
  readonly list: CaseEventsState;
  readonly details: EventDetailState;
  /** Index of the event in the drawer, or null when the drawer is closed. */
  openIndex = $state<number | null>(null);
  confirmingRemove = $state(false);
  removing = $state(false);
  removeError = $state<ApiError | null>(null);
  /** Said after a removal, for the polite live region. */
  notice = $state('');

  constructor(list: CaseEventsState) {
    this.list = list;
    this.details = new EventDetailState(list.caseNumber);
  }

  /** The event in the drawer. */
  get openEvent(): CaseFileEvent | null {
    return this.openIndex === null ? null : (this.list.events[this.openIndex] ?? null);
  }

  open(index: number): void {
    const event = this.list.events[index];
    if (!event) return;
    this.openIndex = index;
    this.removeError = null;
    void this.details.show(event.eventId);
  }

  step(by: 1 | -1): void {
    if (this.openIndex !== null) this.open(this.openIndex + by);
  }

  close(): void {
    this.openIndex = null;
    this.confirmingRemove = false;
  }

  async remove(): Promise<void> {
    const event = this.openEvent;
    if (!event || this.removing) return;
    this.removing = true;
    this.removeError = null;
    try {
      await this.list.remove(event.eventId);
      this.details.forget(event.eventId);
      this.confirmingRemove = false;
      this.notice = `Removed ${event.fileName ?? event.eventId} from the case.`;
      this.close();
    } catch (error) {
      this.removeError = toApiError(error);
      this.confirmingRemove = false;
    } finally {
      this.removing = false;
    }
  }
}
