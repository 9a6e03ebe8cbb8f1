import { keptIn, NO_CASES, setOf, toggled, withRange } from './list-rows.js';

/**
 * Which cases are selected (by case number, so a selection survives a refresh and a new sort) and
 * where the keyboard is in the list (the active row, by index). Shift-moves extend a range from the
 * anchor over whatever was selected when the anchor was set, as file managers do.
 */

export class CaseSelection {
  /** Selected case numbers. Replaced on every change, so rows re-check only then. */
  selected = $state.raw<ReadonlySet<number>>(NO_CASES);
  /** Index of the active row (the keyboard's), or -1 for none. */
  cursor = $state(-1);

  size = $derived(this.selected.size);

  /** Where a Shift-range starts, and what was selected before it. */
  #anchor = -1;
  #base: ReadonlySet<number> = NO_CASES;

  has(number: number): boolean {
    return this.selected.has(number);
  }

  /** Space, or a click on a row's checkbox: flips one row and starts a new range there. */
  toggle(index: number, numbers: readonly number[]): void {
    const number = numbers[index];
    if (number === undefined) return;
    this.selected = toggled(this.selected, number);
    this.cursor = index;
    this.#setAnchor(index);
  }

  /** Moves the active row; with `extend`, selects the range from the anchor to it. */
  moveTo(index: number, numbers: readonly number[], extend = false): void {
    if (numbers.length === 0) {
      this.cursor = -1;
      return;
    }
    const target = Math.max(0, Math.min(numbers.length - 1, index));
    if (extend) {
      if (this.#anchor < 0 || this.#anchor >= numbers.length) {
        this.#setAnchor(this.cursor >= 0 ? this.cursor : target);
      }
      this.selected = withRange(this.#base, numbers, this.#anchor, target);
    } else {
      this.#anchor = -1;
    }
    this.cursor = target;
  }

  /** Shift+click: the range from the anchor (or the active row) to `index`. */
  extendTo(index: number, numbers: readonly number[]): void {
    if (this.#anchor < 0) this.#setAnchor(this.cursor >= 0 ? this.cursor : index);
    this.moveTo(index, numbers, true);
  }

  selectAll(numbers: readonly number[]): void {
    this.selected = setOf(numbers);
    this.#anchor = -1;
  }

  clear(): void {
    if (this.selected.size > 0) this.selected = NO_CASES;
    this.#anchor = -1;
  }

  /** Forgets cases that are no longer in the list (after a refresh or a delete). */
  keepOnly(numbers: readonly number[]): void {
    this.selected = keptIn(this.selected, numbers);
  }

  /** A new list (another query): nothing selected, the first row active. */
  reset(): void {
    this.clear();
    this.cursor = -1;
  }

  #setAnchor(index: number): void {
    this.#anchor = index;
    this.#base = this.selected;
  }
}
