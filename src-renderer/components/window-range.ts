/** Which rows of a long list with a fixed row height are in the DOM for a scroll position. */

export interface WindowRange {
  /** First row in the DOM (0-based). */
  start: number;
  /** One past the last row in the DOM. */
  end: number;
  /** Height of the spacer above the first row, in pixels. */
  padTop: number;
  /** Height of the spacer below the last row, in pixels. */
  padBottom: number;
}

/**
 * The rows to render: those under the viewport (which starts below any sticky header) plus `overscan`
 * either side, within the list. Pure, so the arithmetic is easy to check.
 */
export function windowRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): WindowRange {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  // Before the scroller is measured, show a screenful rather than nothing.
  const visible = Math.ceil((viewportHeight > 0 ? viewportHeight : 800) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, first + visible + overscan));
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
