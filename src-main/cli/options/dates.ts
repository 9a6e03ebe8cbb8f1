/**
 * Date bounds for `--created-after` and friends: an ISO date (`2024-03-01`, midnight UTC), an ISO
 * date-time (`2024-03-01T12:00:00Z`, no zone = UTC) or a span back from now as the old code42 CLI took
 * them (`30d`, `12h`, `15m`, `2w`).
 */
import { formatInstant } from '../../core/incydr/index.js';
import { UsageError } from '../errors.js';

const SPAN = /^(\d{1,6})\s*([mhdw])$/i;
const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** An ISO instant (`…Z`) for a bound, or a usage error naming the option. */
export function parseDateBound(value: string, option: string, now: Date): string {
  const text = value.trim();
  const span = SPAN.exec(text);
  if (span) {
    const [, amount = '0', unit = 'd'] = span;
    return new Date(now.getTime() - Number(amount) * (UNIT_MS[unit.toLowerCase()] ?? 0)).toISOString();
  }
  try {
    return formatInstant(text);
  } catch {
    throw new UsageError(
      `${option} takes a date (2024-03-01), a date and time (2024-03-01T12:00:00Z) or a span back from now (30d, 12h, 15m, 2w), not "${value}".`,
    );
  }
}

/** `{start, end}` from an after/before pair; undefined when neither is given. */
export function dateRange(
  after: string | undefined,
  before: string | undefined,
  names: { after: string; before: string },
  now: Date,
): { start?: string; end?: string } | undefined {
  if (after === undefined && before === undefined) return undefined;
  const range: { start?: string; end?: string } = {};
  if (after !== undefined) range.start = parseDateBound(after, names.after, now);
  if (before !== undefined) range.end = parseDateBound(before, names.before, now);
  if (range.start !== undefined && range.end !== undefined && range.start >= range.end) {
    throw new UsageError(`${names.after} must be earlier than ${names.before}.`);
  }
  return range;
}
