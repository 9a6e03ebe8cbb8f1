/**
 * Date cells of the case list: the day in local time, the full local time and the UTC instant on
 * hover. Formatting is the costly part of drawing a row, and a scrolled list shows the same dates
 * again and again, so each instant is formatted once.
 */
import { formatLocal, formatLocalDate, formatUtc } from '../../lib/format.js';

export interface DateCell {
  text: string;
  title: string;
}

const MAX_KEPT = 60_000;
const kept = new Map<string, DateCell>();

export function dateCell(iso: string): DateCell {
  let cell = kept.get(iso);
  if (!cell) {
    if (kept.size >= MAX_KEPT) kept.clear();
    cell = { text: formatLocalDate(iso), title: `${formatLocal(iso)} — ${formatUtc(iso)}` };
    kept.set(iso, cell);
  }
  return cell;
}
