/**
 * Windowing for long lists with a fixed row height: only the rows in view (plus a few above and
 * below) are in the DOM, and spacers or a moved block stand in for the rest, so 20,000 rows cost what
 * 40 do. The scroller may have a sticky header; its height is measured and allowed for.
 */
import { windowRange } from './window-range.js';

export class VirtualWindow {
  readonly rowHeight: number;
  readonly overscan: number;
  count = $state(0);
  scrollTop = $state(0);
  /** The scroller's height below the sticky header. */
  viewportHeight = $state(0);

  range = $derived.by(() =>
    windowRange(this.count, this.rowHeight, this.scrollTop, this.viewportHeight, this.overscan),
  );

  readonly #header: string;
  #scroller: HTMLElement | null = null;

  /** `header`: a selector for the sticky header inside the scroller. */
  constructor(rowHeight: number, overscan = 8, header = 'thead') {
    this.rowHeight = rowHeight;
    this.overscan = overscan;
    this.#header = header;
  }

  /** A Svelte attachment for the scrolling element. */
  readonly attach = (scroller: HTMLElement): (() => void) => {
    this.#scroller = scroller;
    const measure = (): void => {
      const header = scroller.querySelector<HTMLElement>(this.#header)?.offsetHeight ?? 0;
      this.viewportHeight = Math.max(0, scroller.clientHeight - header);
      this.scrollTop = scroller.scrollTop;
    };
    // Browsers fire scroll at most once a frame, before its animation callbacks: the rows follow in
    // the same frame.
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

  /** Rows that fit under the header (what Page Up / Page Down move). */
  get pageRows(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
  }

  /** Scrolls just enough that row `index` is fully in view below the sticky header. */
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
