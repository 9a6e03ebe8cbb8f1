/**
 * Date cells of the case list: the day in local time, and on hover the full local time and the UTC
 * instant. Formatting is the costly part of drawing a row, and a scrolled list shows the same dates
 * again and again, so each instant's day is formatted once; the tooltip only for the row under the
 * pointer.
 */
import { formatLocal, formatLocalDate, formatUtc } from '../../lib/format.js';

const MAX_KEPT = 60_000;
const kept = new Map<string, string>();

/** "12 Mar 2025" for an ISO instant. */
export function dateText(iso: string): string {
  let text = kept.get(iso);
  if (text === undefined) {
    if (kept.size >= MAX_KEPT) kept.clear();
    text = formatLocalDate(iso);
    kept.set(iso, text);
  }
  return text;
}

/** The tooltip of a date cell: the full local time, then the UTC instant. */
export function dateTitle(iso: string): string {
  return `${formatLocal(iso)} — ${formatUtc(iso)}`;
}
