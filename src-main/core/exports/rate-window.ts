/**
 * Transfer rate over the last few seconds, from a running byte count. A stalled transfer decays to 0
 * within the window, and a retried download (whose count starts from 0 again) adds nothing negative.
 */

export interface RateWindowOptions {
  /** How far back the rate looks; default 3 s. */
  windowMs?: number;
}

/** Samples closer together than this replace each other, which bounds the memory per window. */
const SAMPLE_SPACING_MS = 100;
const MIN_SPAN_MS = 200;

export class RateWindow {
  private readonly windowMs: number;
  /** [time, cumulative bytes], oldest first; the first may be older than the window (the base). */
  private readonly samples: [number, number][] = [];
  private cumulative = 0;
  private lastCount = 0;

  /** `now`: when the transfer started (the rate counts from there). */
  constructor(now: number, options: RateWindowOptions = {}) {
    this.windowMs = options.windowMs ?? 3000;
    this.samples.push([now, 0]);
  }

  /** Bytes moved in total (monotonic, whatever the counts did). */
  get total(): number {
    return this.cumulative;
  }

  /** Records the current byte count of a transfer; a smaller count than before starts a new attempt. */
  count(bytes: number, now: number): void {
    const delta = bytes >= this.lastCount ? bytes - this.lastCount : bytes;
    this.lastCount = bytes;
    this.add(delta, now);
  }

  /** Adds bytes moved since the last call. */
  add(delta: number, now: number): void {
    if (delta > 0) this.cumulative += delta;
    const last = this.samples.at(-1);
    if (last && now - last[0] < SAMPLE_SPACING_MS && this.samples.length > 1) last[1] = this.cumulative;
    else this.samples.push([now, this.cumulative]);
    this.trim(now);
  }

  /** Bytes per second over the window ending now. */
  rate(now: number): number {
    this.trim(now);
    const base = this.samples[0];
    // Too short a span says nothing yet (and would divide by almost nothing).
    if (!base || now - base[0] < MIN_SPAN_MS) return 0;
    return Math.round(((this.cumulative - base[1]) * 1000) / (now - base[0]));
  }

  /** Keeps one sample at or before the window's start as the base. */
  private trim(now: number): void {
    const start = now - this.windowMs;
    while (this.samples.length > 1 && (this.samples[1]?.[0] ?? Infinity) <= start) this.samples.shift();
  }
}
