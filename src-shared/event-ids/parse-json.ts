import type { IdCollector } from './collector.js';
import { LineCounter } from './collector.js';
import { jsonErrorOffset } from './json-error.js';
import type { MalformedEntry, ParsedEventIds } from './types.js';

type Where = () => Pick<MalformedEntry, 'line' | 'item'>;

const NO_ID = 'has no eventId, event_id or event.id';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The ID a record carries: `eventId`, `event_id`, nested `event.id` (FileEventV2, as Forensic Search
 * and `incydr file-events search -f json-lines` print it), or a flattened `"event.id"` key.
 */
function idOf(record: Record<string, unknown>): { found: boolean; value?: unknown } {
  for (const key of ['eventId', 'event_id', 'event.id']) {
    if (Object.hasOwn(record, key)) return { found: true, value: record[key] };
  }
  const event = record['event'];
  if (isRecord(event) && Object.hasOwn(event, 'id')) return { found: true, value: event['id'] };
  return { found: false };
}

/** Lists other tools wrap their events in: `{fileEvents: […]}` (search) and `{events: […]}` (a case). */
function wrappedList(record: Record<string, unknown>): unknown[] | undefined {
  for (const key of ['fileEvents', 'events']) {
    const list = record[key];
    if (Array.isArray(list)) return list;
  }
  return undefined;
}

/** Counts records that carried an ID field at all, so "no ID field anywhere" can be told apart. */
interface Tally {
  withIdField: number;
  records: number;
}

function offerRecord(
  record: Record<string, unknown>,
  collector: IdCollector,
  tally: Tally,
  where: Where,
): void {
  tally.records += 1;
  const { found, value } = idOf(record);
  if (!found) {
    collector.reject(() => preview(record), NO_ID, where);
    return;
  }
  tally.withIdField += 1;
  if (typeof value === 'string') collector.offer(value.trim(), where);
  else if (typeof value === 'number') {
    // Event IDs are strings; a number in JSON may already have lost digits, so it is not guessed at.
    collector.reject(() => preview(value), 'has an ID that is a number, not a string', where);
  } else collector.reject(() => preview(record), 'has an ID that is not a string', where);
}

/** An element of a list: a string is an ID, an object a record. */
function offerItem(value: unknown, collector: IdCollector, tally: Tally, where: Where): void {
  if (typeof value === 'string') {
    tally.records += 1;
    tally.withIdField += 1;
    collector.offer(value.trim(), where);
  } else if (isRecord(value)) {
    offerRecord(value, collector, tally, where);
  } else {
    tally.records += 1;
    collector.reject(() => preview(value), 'is neither an object with an event ID nor a string', where);
  }
}

/**
 * A whole JSON value (one JSON Lines line, or a JSON document): an ID, a record, a list of those, or an
 * object wrapping a list. `itemWhere` places list elements (their index in a document).
 */
function offerTop(
  value: unknown,
  collector: IdCollector,
  tally: Tally,
  where: Where,
  itemWhere: (index: number) => Where,
): void {
  const list = Array.isArray(value)
    ? value
    : isRecord(value) && !idOf(value).found
      ? wrappedList(value)
      : undefined;
  if (list === undefined) offerItem(value, collector, tally, where);
  else list.forEach((element, index) => offerItem(element, collector, tally, itemWhere(index)));
}

function noIdField(tally: Tally, collector: IdCollector): boolean {
  return tally.records > 0 && tally.withIdField === 0 && collector.ids.length === 0;
}

const NO_ID_FIELD_MESSAGE =
  'No record carries an event ID: each object needs an "eventId" or "event_id" field, or "event.id".';

/** JSON Lines: one JSON value per line; bad lines are reported and the good ones still used. */
export function parseJsonLines(text: string, collector: IdCollector): ParsedEventIds {
  const tally: Tally = { withIdField: 0, records: 0 };
  let badLines = 0;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo += 1;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    const at = lineNo;
    const where: Where = () => ({ line: at });
    // Checked before JSON.parse: a thrown SyntaxError costs microseconds, and junk has a million lines.
    if (jsonErrorOffset(line) >= 0) {
      badLines += 1;
      tally.records += 1;
      collector.reject(line, 'is not valid JSON', where);
      continue;
    }
    offerTop(JSON.parse(line), collector, tally, where, () => where);
  }
  if (collector.ids.length === 0 && badLines > 0 && badLines === tally.records) {
    return collector.result('jsonl', {
      error: {
        code: 'INVALID_JSON',
        message:
          badLines === 1 ? 'The input is not valid JSON.' : `None of the ${badLines} lines is valid JSON.`,
      },
    });
  }
  if (noIdField(tally, collector)) {
    return collector.result('jsonl', { error: { code: 'NO_ID_FIELD', message: NO_ID_FIELD_MESSAGE } });
  }
  return collector.result('jsonl');
}

/** Parses `text` as one JSON document, keeping the failure instead of throwing. */
export function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** One JSON document: an array of records or IDs, an object wrapping one, or a single record. */
export function parseJsonDocument(
  text: string,
  collector: IdCollector,
  parsed: { ok: true; value: unknown } | { ok: false; error: unknown } = tryJson(text),
): ParsedEventIds {
  if (!parsed.ok) {
    const offset = jsonErrorOffset(text);
    const near = offset < 0 ? '' : ` The first error is on line ${new LineCounter(text).lineAt(offset)}.`;
    return collector.result('json', {
      error: { code: 'INVALID_JSON', message: `The input is not valid JSON.${near}` },
    });
  }
  const tally: Tally = { withIdField: 0, records: 0 };
  offerTop(
    parsed.value,
    collector,
    tally,
    () => ({ line: 0 }),
    (index) => () => ({ line: 0, item: index + 1 }),
  );
  if (noIdField(tally, collector)) {
    return collector.result('json', { error: { code: 'NO_ID_FIELD', message: NO_ID_FIELD_MESSAGE } });
  }
  return collector.result('json');
}
