/**
 * Switchable misbehaviour. A seeded PRNG decides per request, in arrival order, whether the request
 * misbehaves and how; tests can also queue specific faults for the next requests.
 *
 * - latency: 200–800 ms delay, then a normal answer
 * - rate-limit: 429 with `Retry-After: 1`, nothing executed
 * - server-error / unavailable: 500 / 503, nothing executed
 * - reset: executed, then the response is cut mid-body and the connection reset
 *   (a 204 has no body: the connection is reset before the status line)
 * - wrong-length: executed, Content-Length declares more bytes than are sent, then the connection closes
 */
import { hashSeed, Random } from './prng.js';

export const FAULT_KINDS = [
  'latency',
  'rate-limit',
  'server-error',
  'unavailable',
  'reset',
  'wrong-length',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultPlan {
  kind: FaultKind;
  /** For latency. */
  delayMs: number;
  /** For reset: the fraction of the body sent before the cut, in (0, 1). */
  cutFraction: number;
}

/** Faults that happen before anything is executed. */
export const PRE_EXECUTION_FAULTS: readonly FaultKind[] = ['rate-limit', 'server-error', 'unavailable'];

export class FaultInjector {
  private readonly rng: Random;
  private rate: number;
  private readonly queued: FaultKind[] = [];

  constructor(seed: number, rate: number) {
    this.rng = new Random(hashSeed(seed, 'faults'));
    this.rate = clampRate(rate);
  }

  get faultRate(): number {
    return this.rate;
  }

  setRate(rate: number): void {
    this.rate = clampRate(rate);
  }

  /** The next requests get exactly these faults, in order, before the random ones resume. */
  queue(...kinds: FaultKind[]): void {
    this.queued.push(...kinds);
  }

  /** Decides for one request. Always draws the same amount of randomness, so the sequence is stable. */
  next(): FaultPlan | undefined {
    const roll = this.rng.next();
    const kindIndex = Math.floor(this.rng.next() * FAULT_KINDS.length);
    const delayMs = 200 + Math.floor(this.rng.next() * 601);
    const cutFraction = 0.1 + this.rng.next() * 0.8;
    const queued = this.queued.shift();
    if (queued) return { kind: queued, delayMs, cutFraction };
    if (roll >= this.rate) return undefined;
    return { kind: FAULT_KINDS[kindIndex] ?? 'latency', delayMs, cutFraction };
  }
}

function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return 0;
  return Math.min(1, Math.max(0, rate));
}
