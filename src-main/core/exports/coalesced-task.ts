/**
 * Runs a save (a job's state file, the library) often enough but not once per change: requests made
 * while a save runs or waits collapse into one more save, at least `minIntervalMs` after the last one
 * started. `flush()` resolves once everything requested so far is saved. A failed save is reported to
 * `onError` and the next request tries again.
 */

export interface CoalescedTaskOptions {
  /** A number, or a function asked each time (e.g. longer as the saved data grows). */
  minIntervalMs?: number | (() => number);
  onError?: (error: unknown) => void;
}

export class CoalescedTask {
  private readonly minIntervalMs: () => number;
  private readonly onError: (error: unknown) => void;
  private lastStart = Number.NEGATIVE_INFINITY;
  private dirty = false;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly task: () => Promise<void>,
    options: CoalescedTaskOptions = {},
  ) {
    const interval = options.minIntervalMs ?? 250;
    this.minIntervalMs = typeof interval === 'function' ? interval : () => interval;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Asks for a save soon. */
  request(): void {
    this.dirty = true;
    this.schedule();
  }

  /** Saves now (after a save in flight) and resolves when everything requested is saved. */
  async flush(): Promise<void> {
    this.dirty = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (!this.running) this.start();
    await done;
  }

  private schedule(): void {
    if (this.running || this.timer) return;
    const wait = this.lastStart + this.minIntervalMs() - Date.now();
    if (wait <= 0) {
      this.start();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.running) this.start();
    }, wait);
    this.timer.unref?.();
  }

  private start(): void {
    this.dirty = false;
    this.lastStart = Date.now();
    const waiters = this.waiters;
    this.waiters = [];
    this.running = this.task()
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.running = undefined;
        for (const resolve of waiters) resolve();
        if (this.waiters.length > 0) this.start();
        else if (this.dirty) this.schedule();
      });
  }
}
