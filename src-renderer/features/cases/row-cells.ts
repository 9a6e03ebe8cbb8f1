/**
 * The text of a case-list row's cells, written straight into the reused row elements. A scroll step
 * re-fills every row in view; one pass per row that touches only what changed costs a fraction of a
 * reactive update per cell, and keeps the browser's work to swapping text.
 *
 * What was written is remembered here, in JavaScript, and never read back from the DOM: each string
 * the DOM hands to JavaScript (a text node's `data`, `getAttribute`) becomes a new V8 string tied to
 * the DOM's copy by a weak handle; with ~250 such reads per scroll step, each major GC pause spent
 * ~2 ms on those handles alone (a Chrome trace of the case-list bench's scroll).
 */
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import { cellContent, cellTitle } from './cell-content.js';
import type { CaseColumn } from './columns.js';

/** What fillRow last wrote into a cell. */
interface Written {
  text?: string;
  /** The text node holding `text`, to change its data in place. */
  node?: Text;
  datetime?: string;
  title?: string;
  muted: boolean;
}

const written = new WeakMap<Element, Written>();

/**
 * Fills the cells of `row` (its children after the selection cell, one per column, a date cell
 * holding a `<time>`) for `item`. `withTitles`: the row is under the pointer, so its cells get their
 * tooltips; every other row has none, so a reused row never shows the tooltip of an earlier case.
 */
export function fillRow(
  row: Element,
  item: CaseListItem,
  columns: readonly CaseColumn[],
  withTitles: boolean,
): void {
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j]!;
    const cell = row.children[j + 1];
    if (!cell || column.kind === 'status') continue;
    let state = written.get(cell);
    if (state === undefined) {
      // A new cell element (first fill, or the columns changed): start from what it holds.
      state = { muted: cell.classList.contains('muted') };
      written.set(cell, state);
    }
    const content = cellContent(item, column);
    const holder = column.kind === 'date' ? (cell.firstElementChild ?? cell) : cell;
    setText(holder, state, content.text);
    if (column.kind === 'date' && state.datetime !== content.datetime) {
      setAttr(holder, 'datetime', content.datetime);
      state.datetime = content.datetime;
    }
    const muted = content.muted === true;
    if (state.muted !== muted) {
      cell.classList.toggle('muted', muted);
      state.muted = muted;
    }
    const title = withTitles ? cellTitle(item, column) : undefined;
    if (state.title !== title) {
      setAttr(cell, 'title', title);
      state.title = title;
    }
  }
}

/** Makes `text` the element's only content, changing the data of the text node written before. */
function setText(element: Element, state: Written, text: string): void {
  if (state.text === text) return;
  const node = state.node;
  if (node !== undefined && node.parentNode === element) {
    node.data = text;
  } else {
    element.textContent = text;
    state.node = element.firstChild as Text;
  }
  state.text = text;
}

function setAttr(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value);
}
