/**
 * The state behind a person picker: what is typed, the matches the search function found, which
 * match the arrow keys are on. Searches wait for a pause in typing, and an answer to an older query
 * never replaces a newer one.
 */
import { toApiError } from '../lib/api.js';
import type { ApiError } from '../lib/api.js';
import { debounce } from '../lib/debounce.js';

/** A person as a picker offers it: the ID goes to the API, the name is what the investigator sees. */
export interface PersonOption {
  id: string;
  name: string;
  /** A second line, e.g. the full name or "inactive". */
  detail?: string;
}

export type PersonSearchFn = (term: string) => Promise<PersonOption[]>;

export const PERSON_SEARCH_DELAY_MS = 250;

export class PersonSearch {
  text = $state('');
  options = $state<PersonOption[]>([]);
  open = $state(false);
  /** Index of the highlighted option, or -1. */
  active = $state(-1);
  loading = $state(false);
  error = $state<ApiError | null>(null);
  /** The term the shown options answer. */
  answered = $state<string | null>(null);

  readonly #search: PersonSearchFn;
  #latest = 0;
  #debounced = debounce((term: string) => void this.run(term), PERSON_SEARCH_DELAY_MS);

  constructor(search: PersonSearchFn) {
    this.#search = search;
  }

  /** Typing: opens the list and searches once typing pauses. */
  type(text: string): void {
    this.text = text;
    this.open = true;
    this.active = -1;
    this.#debounced(text.trim());
  }

  /** Opens the list with matches for what is typed now (arrow down, or focus with text). */
  show(): void {
    this.open = true;
    if (this.answered !== this.text.trim()) {
      this.#debounced.cancel();
      void this.run(this.text.trim());
    }
  }

  close(): void {
    this.#debounced.cancel();
    this.open = false;
    this.active = -1;
  }

  move(step: 1 | -1): void {
    if (!this.open) {
      this.show();
      return;
    }
    const count = this.options.length;
    if (count === 0) return;
    this.active = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
  }

  async run(term: string): Promise<void> {
    const request = ++this.#latest;
    this.loading = true;
    this.error = null;
    try {
      const options = await this.#search(term);
      if (request !== this.#latest) return;
      this.options = options;
      this.answered = term;
      this.active = options.length > 0 ? 0 : -1;
    } catch (error) {
      if (request === this.#latest) this.error = toApiError(error);
    } finally {
      if (request === this.#latest) this.loading = false;
    }
  }

  dispose(): void {
    this.#debounced.cancel();
    this.#latest++;
  }
}
