/** Display formatting shared by the screens: dates in local time, API enum values as words. */

const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const localDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 Mar 2025, 14:05" in the investigator's time zone; the raw text if it is not a date. */
export function formatLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = parse(iso);
  return date ? localFormat.format(date) : iso;
}

/** "12 Mar 2025": the day only, for dense tables (the time is in the tooltip). */
export function formatLocalDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = parse(iso);
  return date ? localDateFormat.format(date) : iso;
}

/** The same instant as a UTC ISO string, for the tooltip. */
export function formatUtc(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? `${date.toISOString()} (UTC)` : '';
}

/** `EXACT_FILE_AVAILABLE` -> "Exact file available". */
export function enumLabel(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatCount(n: number): string {
  return n.toLocaleString();
}
