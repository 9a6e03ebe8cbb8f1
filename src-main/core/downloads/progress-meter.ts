/**
 * Turns the per-chunk byte counts of a download into progress updates for the UI: at most one per
 * interval (a few per second, design.md §5), with a smoothed rate and an ETA.
 */

export interface ProgressSnapshot {
  bytes: number;
  total: number | null;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface ProgressMeterOptions {
  /** Minimum time between two updates; default 250 ms (4 per second). */
  intervalMs?: number;
  /** Weight of the newest rate sample in the moving average, 0..1; default 0.3. */
  smoothing?: number;
  now?: () => number;
}

export class ProgressMeter {
  private readonly intervalMs: number;
  private readonly smoothing: number;
  private readonly now: () => number;
  /** When the current rate sample started (the start, the last update or a restart). */
  private sampleFrom: number;
  private lastEmitAt: number | undefined;
  private lastBytes = 0;
  private rate: number | undefined;

  constructor(options: ProgressMeterOptions = {}) {
    this.intervalMs = options.intervalMs ?? 250;
    this.smoothing = options.smoothing ?? 0.3;
    this.now = options.now ?? (() => Date.now());
    this.sampleFrom = this.now();
  }

  /** Records the bytes so far; returns an update to send, or undefined while throttled. */
  update(bytes: number, total: number | null): ProgressSnapshot | undefined {
    const now = this.now();
    if (bytes < this.lastBytes) {
      // A retried download counts from 0 again: the old rate says nothing about the new attempt.
      this.sampleFrom = now;
      this.lastBytes = 0;
      this.rate = undefined;
    }
    if (this.lastEmitAt !== undefined && now - this.lastEmitAt < this.intervalMs) return undefined;

    const seconds = Math.max(now - this.sampleFrom, 1) / 1000;
    const sample = (bytes - this.lastBytes) / seconds;
    this.rate = this.rate === undefined ? sample : this.smoothing * sample + (1 - this.smoothing) * this.rate;
    this.lastEmitAt = now;
    this.sampleFrom = now;
    this.lastBytes = bytes;

    const bytesPerSecond = Math.round(this.rate);
    const etaSeconds =
      total !== null && bytesPerSecond > 0 ? Math.max(0, Math.ceil((total - bytes) / bytesPerSecond)) : null;
    return { bytes, total, bytesPerSecond, etaSeconds };
  }
}
