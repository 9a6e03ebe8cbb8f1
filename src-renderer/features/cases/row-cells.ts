/**
 * The text of a case-list row's cells, written straight into the reused row elements. A scroll step
 * re-fills every row in view; one pass per row that touches only what changed costs a fraction of a
 * reactive update per cell, and keeps the browser's work to swapping text.
 */
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import { cellContent, cellTitle } from './cell-content.js';
import type { CaseColumn } from './columns.js';

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
    const content = cellContent(item, column);
    const holder = column.kind === 'date' ? (cell.firstElementChild ?? cell) : cell;
    setText(holder, content.text);
    if (column.kind === 'date') setAttr(holder, 'datetime', content.datetime);
    if (cell.classList.contains('muted') !== (content.muted === true)) {
      cell.classList.toggle('muted', content.muted === true);
    }
    setAttr(cell, 'title', withTitles ? cellTitle(item, column) : undefined);
  }
}

/** Sets the element's only text node (making it the first time). */
function setText(element: Element, text: string): void {
  const node = element.firstChild;
  if (node instanceof Text && node === element.lastChild) {
    if (node.data !== text) node.data = text;
  } else {
    element.textContent = text;
  }
}

function setAttr(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}
