/**
 * The case list's filters as the investigator sets them. Every change asks the list to reload
 * (through `onchange`), except typing in the search box, which waits for a pause, and a date range
 * whose end is before its start, which is shown as a problem and not sent.
 */
import type { CaseStatus } from '../../../src-shared/domain/case.js';
import { CASE_STATUSES, LIMITS } from '../../../src-shared/domain/case.js';
import type { DayRange, PersonRef, ViewFilters } from '../../../src-shared/domain/views.js';
import { debounce } from '../../lib/debounce.js';
import { countFilters, rangeProblem } from './list-query.js';

export const SEARCH_DELAY_MS = 300;

const OPEN_RANGE: DayRange = Object.freeze({ from: null, to: null });

export class CaseFilterState {
  statuses = $state.raw<CaseStatus[]>([]);
  /** The search box as typed; `name` is what was last applied, after the typing pause. */
  nameInput = $state('');
  name = $state('');
  assignee = $state.raw<PersonRef | null>(null);
  unassigned = $state(false);
  subject = $state.raw<PersonRef | null>(null);
  lastModifiedBy = $state.raw<PersonRef | null>(null);
  created = $state.raw<DayRange>(OPEN_RANGE);
  updated = $state.raw<DayRange>(OPEN_RANGE);

  value = $derived.by((): ViewFilters => ({
    statuses: [...this.statuses],
    name: this.name,
    assignee: this.assignee,
    unassigned: this.unassigned,
    subject: this.subject,
    lastModifiedBy: this.lastModifiedBy,
    created: this.created,
    updated: this.updated,
  }));
  createdProblem = $derived(rangeProblem(this.created));
  updatedProblem = $derived(rangeProblem(this.updated));
  valid = $derived(this.createdProblem === null && this.updatedProblem === null);
  count = $derived(countFilters(this.value));
  /** Filters beyond the search box and statuses (they live in the "More filters" panel). */
  moreCount = $derived(
    [
      this.assignee !== null || this.unassigned,
      this.subject !== null,
      this.lastModifiedBy !== null,
      this.created.from !== null || this.created.to !== null,
      this.updated.from !== null || this.updated.to !== null,
    ].filter(Boolean).length,
  );

  readonly #onchange: () => void;
  readonly #search = debounce(() => this.applySearch(), SEARCH_DELAY_MS);

  constructor(onchange: () => void) {
    this.#onchange = onchange;
  }

  toggleStatus(status: CaseStatus, on: boolean): void {
    const next = on ? [...this.statuses, status] : this.statuses.filter((s) => s !== status);
    this.statuses = CASE_STATUSES.filter((s) => next.includes(s));
    this.#onchange();
  }

  /** Typing in the search box: applied once typing pauses. */
  typeName(text: string): void {
    this.nameInput = text;
    this.#search();
  }

  /** Applies the search now (Enter, or the pause after typing). */
  applySearch(): void {
    this.#search.cancel();
    const name = this.nameInput.trim().slice(0, LIMITS.nameLength);
    if (name === this.name) return;
    this.name = name;
    this.#onchange();
  }

  setAssignee(person: PersonRef | null): void {
    this.assignee = person;
    if (person) this.unassigned = false;
    this.#onchange();
  }

  /** "Unassigned only" and an assignee exclude each other. */
  setUnassigned(on: boolean): void {
    this.unassigned = on;
    if (on) this.assignee = null;
    this.#onchange();
  }

  setSubject(person: PersonRef | null): void {
    this.subject = person;
    this.#onchange();
  }

  setLastModifiedBy(person: PersonRef | null): void {
    this.lastModifiedBy = person;
    this.#onchange();
  }

  /** A date input changed (`''` clears that end). */
  setDay(range: 'created' | 'updated', end: 'from' | 'to', day: string): void {
    const next = { ...this[range], [end]: day === '' ? null : day };
    this[range] = next;
    if (rangeProblem(next) === null) this.#onchange();
  }

  /** Puts every filter back to what `filters` says, without asking for a reload. */
  set(filters: ViewFilters): void {
    this.#search.cancel();
    this.statuses = CASE_STATUSES.filter((s) => filters.statuses.includes(s));
    this.name = filters.name;
    this.nameInput = filters.name;
    this.assignee = filters.assignee;
    this.unassigned = filters.unassigned && filters.assignee === null;
    this.subject = filters.subject;
    this.lastModifiedBy = filters.lastModifiedBy;
    this.created = { ...filters.created };
    this.updated = { ...filters.updated };
  }

  clear(): void {
    this.set({
      statuses: [],
      name: '',
      assignee: null,
      unassigned: false,
      subject: null,
      lastModifiedBy: null,
      created: OPEN_RANGE,
      updated: OPEN_RANGE,
    });
    this.#onchange();
  }

  dispose(): void {
    this.#search.cancel();
  }
}
