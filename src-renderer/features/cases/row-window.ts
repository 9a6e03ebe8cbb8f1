/** Which rows of a long list with a fixed row height are in the DOM for a scroll position. */

export interface RowWindow {
  /** First row in the DOM (0-based). */
  start: number;
  /** One past the last row in the DOM. */
  end: number;
}

/** Pure: the rows to render. Before the scroller is measured, a screenful rather than nothing. */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil((viewportHeight > 0 ? viewportHeight : 800) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, first + visible + overscan));
  return { start, end };
}
