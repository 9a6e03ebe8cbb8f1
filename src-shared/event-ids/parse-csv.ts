import Papa from 'papaparse';
import type { IdCollector } from './collector.js';
import { LineCounter, truncateToken } from './collector.js';
import type { ParsedEventIds } from './types.js';

/** Header names that hold the event ID, compared without case. The official CLI accepts the first two. */
export const ID_COLUMN_NAMES = ['eventId', 'event_id', 'event.id', 'Event ID'] as const;
const ID_COLUMNS_LOWER = new Set(ID_COLUMN_NAMES.map((name) => name.toLowerCase()));

export function isIdColumnName(cell: string): boolean {
  return ID_COLUMNS_LOWER.has(cell.trim().toLowerCase());
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
export const HEADER_SCAN_LIMIT = 64 * 1024;

/** The delimiter used most often outside quotes in the header line (papaparse's own guess is slow). */
export function guessDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  // A header is short; a huge first line is junk, and scanning all of it would only cost time.
  const end = Math.min(headerLine.length, HEADER_SCAN_LIMIT);
  for (let i = 0; i < end; i++) {
    const ch = headerLine[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [ch, count] of counts) {
    if (count > bestCount) {
      best = ch;
      bestCount = count;
    }
  }
  return best;
}

export function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** A CSV with a header row; the IDs are read from its eventId / event_id column. */
export function parseCsv(text: string, collector: IdCollector): ParsedEventIds {
  const lines = new LineCounter(text);
  let column = -1;
  let columnName: string | undefined;
  let header: string[] | undefined;
  let rowStart = 0;

  Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(firstLine(text)),
    // Fast mode splits naively and is several times slower on large inputs in papaparse 5.
    fastMode: false,
    step: (results, parser) => {
      const row = results.data;
      const start = rowStart;
      rowStart = results.meta.cursor;
      if (header === undefined) {
        header = row;
        column = row.findIndex(isIdColumnName);
        if (column < 0) parser.abort();
        else columnName = row[column]?.trim();
        return;
      }
      if (row.every((cell) => cell.trim() === '')) return; // blank line
      const where = () => ({ line: lines.lineAt(start) });
      if (results.errors.some((e) => e.type === 'Quotes')) {
        collector.reject(() => row.join(','), 'has a quoted field that is never closed', where);
        return;
      }
      const cell = row[column];
      if (cell === undefined) {
        collector.reject(() => row.join(','), `has no ${columnName} field (the row is too short)`, where);
      } else if (cell.trim() === '') {
        collector.reject(() => row.join(','), `has an empty ${columnName} field`, where);
      } else {
        collector.offer(cell.trim(), where);
      }
    },
  });

  if (column < 0 || columnName === undefined) {
    const found = (header ?? [])
      .map((cell) => cell.trim())
      .filter((cell) => cell !== '')
      .slice(0, 10)
      .map((cell) => `"${truncateToken(cell)}"`);
    const foundText = found.length > 0 ? ` The header has ${found.join(', ')}.` : '';
    return collector.result('csv', {
      error: {
        code: 'NO_ID_COLUMN',
        message: `The CSV has no event ID column: name the column "eventId" or "event_id".${foundText}`,
      },
    });
  }
  return collector.result('csv', { column: columnName });
}
