/**
 * The window of a long list with a fixed row height: which rows are in view (plus a few either side)
 * for the scroll position, and scrolling a row into view below the sticky header. Only those rows are
 * in the DOM, so 20,000 cases cost what 40 do.
 */
import { rowWindow } from './row-window.js';
import type { RowWindow } from './row-window.js';

export class GridWindow {
  readonly rowHeight: number;
  readonly overscan: number;
  count = $state(0);
  scrollTop = $state(0);
  viewportHeight = $state(0);

  #scroller: HTMLElement | null = null;
  /** The sticky header inside the scroller covers this much of the top. */
  #headerHeight = 0;

  constructor(rowHeight: number, overscan: number) {
    this.rowHeight = rowHeight;
    this.overscan = overscan;
  }

  /** The rows to render now (read it in a `$derived`: it follows the count and the scroll). */
  get range(): RowWindow {
    return rowWindow(this.count, this.rowHeight, this.scrollTop, this.viewportHeight, this.overscan);
  }

  /** A Svelte attachment for the scrolling element; `header` is the sticky header's selector. */
  attach(header: string): (scroller: HTMLElement) => () => void {
    return (scroller) => {
      this.#scroller = scroller;
      const measure = (): void => {
        this.#headerHeight = scroller.querySelector<HTMLElement>(header)?.offsetHeight ?? 0;
        this.viewportHeight = Math.max(0, scroller.clientHeight - this.#headerHeight);
        this.scrollTop = scroller.scrollTop;
      };
      // Scroll events come at most once a frame already; the rows follow in the same frame.
      const onScroll = (): void => {
        this.scrollTop = scroller.scrollTop;
      };
      measure();
      const resize = new ResizeObserver(measure);
      resize.observe(scroller);
      scroller.addEventListener('scroll', onScroll, { passive: true });
      return () => {
        resize.disconnect();
        scroller.removeEventListener('scroll', onScroll);
        if (this.#scroller === scroller) this.#scroller = null;
      };
    };
  }

  /** Rows that fit under the header (what Page Up / Page Down move). */
  get pageRows(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
  }

  /** Scrolls just enough that row `index` is fully in view below the header. */
  scrollToIndex(index: number): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    const top = index * this.rowHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + this.rowHeight > scroller.scrollTop + this.viewportHeight) {
      scroller.scrollTop = top + this.rowHeight - this.viewportHeight;
    }
    this.scrollTop = scroller.scrollTop;
  }
}
