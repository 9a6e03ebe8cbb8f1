/** Counters tests read to prove what reached the emulator and what it actually did. */
import { FAULT_KINDS } from './faults.js';
import type { FaultKind } from './faults.js';

export interface EmulatorStats {
  /** Requests received, by `METHOD /route/{template}` (`GET (no route)` for unknown paths). */
  received: Record<string, number>;
  /**
   * Requests executed, by the same key: the handler ran and answered 2xx, so for POST/PUT/DELETE the
   * change was applied (even if a fault then cut the response).
   */
  executed: Record<string, number>;
  /** Faults injected, by kind. */
  faults: Record<FaultKind, number>;
  tokensIssued: number;
  /** Downloads whose Content-Disposition carried a hostile name. */
  hostileNamesServed: number;
}

export function createStats(): EmulatorStats {
  return {
    received: {},
    executed: {},
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    tokensIssued: 0,
    hostileNamesServed: 0,
  };
}

/** Zeroes every counter in place (tests keep a reference to the same object). */
export function resetStats(stats: EmulatorStats): void {
  const fresh = createStats();
  for (const key of Object.keys(stats.received)) delete stats.received[key];
  for (const key of Object.keys(stats.executed)) delete stats.executed[key];
  Object.assign(stats.faults, fresh.faults);
  stats.tokensIssued = 0;
  stats.hostileNamesServed = 0;
}

export function bump(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}
