/**
 * Timestamps with microsecond precision. The API prints `2024-03-05T14:02:11.482917Z`, and a JS Date
 * only holds milliseconds, so the emulator keeps instants as integer microseconds since the epoch
 * (about 1.8e15 today, well inside the exact-integer range of a double).
 */

export const MICROS_PER_MS = 1000;
export const MICROS_PER_DAY = 86_400_000_000;

/** `1709647331482917` → `2024-03-05T14:02:11.482917Z`. */
export function formatMicros(micros: number): string {
  const ms = Math.floor(micros / MICROS_PER_MS);
  const extra = micros - ms * MICROS_PER_MS;
  const iso = new Date(ms).toISOString(); // …SS.mmmZ
  return `${iso.slice(0, -1)}${String(extra).padStart(3, '0')}Z`;
}

/** Midnight UTC of the day holding `micros`, formatted without a fraction (`2025-03-05T00:00:00Z`). */
export function formatMidnight(micros: number): string {
  const day = Math.floor(micros / MICROS_PER_DAY) * MICROS_PER_DAY;
  return `${new Date(day / MICROS_PER_MS).toISOString().slice(0, 19)}Z`;
}

let lastNow = 0;

/** The wall clock in microseconds, strictly increasing within the process (two edits never tie). */
export function nowMicros(): number {
  const wall = Date.now() * MICROS_PER_MS + Math.floor((performance.now() % 1) * 1000);
  lastNow = Math.max(wall, lastNow + 1);
  return lastNow;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Parses an ISO-8601 instant with 0–9 fractional digits and `Z` or a numeric offset into microseconds.
 * Sub-microsecond digits round toward `round` ('floor' for an interval's end, 'ceil' for its start),
 * so comparisons against whole-microsecond timestamps stay exact. Returns undefined when invalid.
 */
export function parseInstant(text: string, round: 'floor' | 'ceil' = 'floor'): number | undefined {
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  const padded = frac.padEnd(9, '0');
  const micros = Number(padded.slice(0, 6));
  const nanos = Number(padded.slice(6));
  const roundUp = round === 'ceil' && nanos > 0 ? 1 : 0;
  return wholeMs * MICROS_PER_MS + micros + roundUp;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface MicrosInterval {
  start: number;
  end: number;
}

/** `start/end`, both bounds inclusive; undefined when malformed or when the end precedes the start. */
export function parseInterval(text: string): MicrosInterval | undefined {
  const parts = text.split('/');
  if (parts.length !== 2) return undefined;
  const start = parseInstant(parts[0] ?? '', 'ceil');
  const end = parseInstant(parts[1] ?? '', 'floor');
  if (start === undefined || end === undefined) return undefined;
  // Order is checked on the unrounded instants: `x/x` with nanoseconds is a valid (empty) interval.
  if (end < (parseInstant(parts[0] ?? '', 'floor') ?? start)) return undefined;
  return { start, end };
}
