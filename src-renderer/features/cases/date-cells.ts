/**
 * Date cells of the case list: the day in local time, and on hover the full local time and the UTC
 * instant. Formatting is the costly part of drawing a row, and a scrolled list shows the same days
 * again and again, so each local day is formatted once; the tooltip only for the row under the
 * pointer.
 *
 * The cache is keyed by the day's number, not by the ISO string: V8 internalizes the string keys of a
 * Map, and 60,000 internalized instants (three dates of 20,000 cases) made every major garbage
 * collection ~5 ms longer while the list scrolled (a Chrome trace of the case-list bench).
 */
import { formatLocal, formatLocalDate, formatUtc } from '../../lib/format.js';

const MS_PER_DAY = 86_400_000;
/** Far more days than a tenant's cases span; a bound all the same. */
const MAX_DAYS = 20_000;
const dayTexts = new Map<number, string>();

/** "12 Mar 2025" for an ISO instant (the text itself when it is not a date). */
export function dateText(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return formatLocalDate(iso);
  const day = localDay(ms);
  let text = dayTexts.get(day);
  if (text === undefined) {
    if (dayTexts.size >= MAX_DAYS) dayTexts.clear();
    text = formatLocalDate(iso);
    dayTexts.set(day, text);
  }
  return text;
}

/** The number of the local calendar day holding instant `ms` (the zone's offset at that instant). */
export function localDay(ms: number): number {
  const offsetMs = new Date(ms).getTimezoneOffset() * 60_000;
  return Math.floor((ms - offsetMs) / MS_PER_DAY);
}

/** The tooltip of a date cell: the full local time, then the UTC instant. */
export function dateTitle(iso: string): string {
  return `${formatLocal(iso)} — ${formatUtc(iso)}`;
}
