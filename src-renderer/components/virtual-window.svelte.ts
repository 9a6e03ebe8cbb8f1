/**
 * Windowing for long lists with a fixed row height: only the rows in view (plus a few above and
 * below) are in the DOM, and spacers stand in for the rest, so 10,000 rows cost what 30 do. The
 * scroller may have a sticky header (a `thead`); its height is measured and allowed for.
 */

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

/** The rows to render for a scroll position: pure, so the arithmetic is easy to check. */
export function windowRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): WindowRange {
  // A sticky header covers the top of the viewport, so the first row under it is at scrollTop.
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  // Before the scroller is measured, show a screenful rather than nothing.
  const visible = Math.ceil((viewportHeight > 0 ? viewportHeight : 800) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, first + visible + overscan));
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

export class VirtualWindow {
  readonly rowHeight: number;
  readonly overscan: number;
  count = $state(0);
  scrollTop = $state(0);
  viewportHeight = $state(0);
  /** Height of a sticky header inside the scroller, measured on attach and resize. */
  headerHeight = 0;

  range = $derived.by(() =>
    windowRange(this.count, this.rowHeight, this.scrollTop, this.viewportHeight, this.overscan),
  );

  #scroller: HTMLElement | null = null;

  constructor(rowHeight: number, overscan = 8) {
    this.rowHeight = rowHeight;
    this.overscan = overscan;
  }

  /** A Svelte attachment for the scrolling element. */
  readonly attach = (scroller: HTMLElement): (() => void) => {
    this.#scroller = scroller;
    const measure = (): void => {
      this.viewportHeight = scroller.clientHeight;
      this.headerHeight = scroller.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0;
      this.scrollTop = scroller.scrollTop;
    };
    let frame = 0;
    const onScroll = (): void => {
      // One update per frame, however many scroll events arrive.
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        this.scrollTop = scroller.scrollTop;
      });
    };
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(scroller);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      scroller.removeEventListener('scroll', onScroll);
      if (this.#scroller === scroller) this.#scroller = null;
    };
  };

  /** Scrolls just enough that row `index` is fully in view (below the sticky header). */
  scrollToIndex(index: number): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    const top = index * this.rowHeight;
    const viewport = scroller.clientHeight - this.headerHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + this.rowHeight > scroller.scrollTop + viewport) {
      scroller.scrollTop = top + this.rowHeight - viewport;
    }
    this.scrollTop = scroller.scrollTop;
  }
}
