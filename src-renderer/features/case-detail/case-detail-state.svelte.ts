/** One case: its full detail (`cases.get`) and its attached file events, a page at a time. */
import type { CaseDetail } from '../../../src-shared/domain/case.js';
import type { CaseFileEventPage } from '../../../src-shared/domain/file-event.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';

export const EVENT_PAGE_SIZES = [50, 100, 250] as const;

export class CaseDetailState {
  readonly number: number;
  detail = $state<CaseDetail | null>(null);
  loading = $state(false);
  error = $state<ApiError | null>(null);

  events = new CaseEventsState(() => this.number);

  constructor(number: number) {
    this.number = number;
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.detail = unwrap(await caseDesk().cases.get({ number: this.number }));
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.loading = false;
    }
  }

  /** The case and its first page of events, side by side. */
  loadAll(): Promise<void> {
    return Promise.all([this.load(), this.events.load()]).then(() => undefined);
  }
}

export class CaseEventsState {
  pgNum = $state(1);
  pgSize = $state<number>(EVENT_PAGE_SIZES[0]);
  page = $state<CaseFileEventPage | null>(null);
  loading = $state(false);
  error = $state<ApiError | null>(null);

  readonly #caseNumber: () => number;
  #latest = 0;

  constructor(caseNumber: () => number) {
    this.#caseNumber = caseNumber;
  }

  async load(): Promise<void> {
    const request = ++this.#latest;
    this.loading = true;
    this.error = null;
    try {
      const page = unwrap(
        await caseDesk().events.page({ number: this.#caseNumber(), pgNum: this.pgNum, pgSize: this.pgSize }),
      );
      if (request === this.#latest) this.page = page;
    } catch (error) {
      if (request === this.#latest) this.error = toApiError(error);
    } finally {
      if (request === this.#latest) this.loading = false;
    }
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
}
