import { IdCollector } from './collector.js';
import { HEADER_SCAN_LIMIT, firstLine, guessDelimiter, isIdColumnName, parseCsv } from './parse-csv.js';
import { parseJsonDocument, parseJsonLines, tryJson } from './parse-json.js';
import { parseText } from './parse-text.js';
import type { EventIdFormat, ParseEventIdsOptions, ParsedEventIds } from './types.js';

export const DEFAULT_MAX_CHARS = 32 * 1024 * 1024;
export const DEFAULT_MAX_MALFORMED = 100;

const EXTENSION_FORMATS: Record<string, EventIdFormat> = {
  csv: 'csv',
  tsv: 'csv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  jsonlines: 'jsonl',
  txt: 'text',
  text: 'text',
};

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Column names of Incydr event exports (CSV from the console, the case export and the official CLI):
 * a first line holding one of these is a CSV header even when it has no ID column, so the user is told
 * that column is missing instead of seeing every header word taken for an ID.
 */
const KNOWN_EXPORT_COLUMNS = new Set(
  [
    'fileName',
    'file_name',
    'filePath',
    'file_path',
    'eventTimestamp',
    'event_timestamp',
    '@timestamp',
    'riskScore',
    'risk_score',
    'fileAvailability',
    'file_availability',
    'eventAction',
    'event.action',
  ].map((name) => name.toLowerCase()),
);

function looksLikeCsvHeader(line: string): boolean {
  const cells = line.split(guessDelimiter(line)).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  if (cells.some(isIdColumnName)) return true;
  return cells.length > 1 && cells.some((cell) => KNOWN_EXPORT_COLUMNS.has(cell.toLowerCase()));
}

/** Decides the format from the file name, else from the content. JSON starting with `{` is decided later. */
function detectFormat(text: string, fileName: string | undefined): EventIdFormat | 'json-or-jsonl' {
  const byExtension = fileName === undefined ? undefined : EXTENSION_FORMATS[extensionOf(fileName)];
  if (byExtension !== undefined) return byExtension;
  const first = text.trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return 'json-or-jsonl';
  if (fileName !== undefined && extensionOf(fileName) === 'json') return 'json';
  return looksLikeCsvHeader(firstLine(text.trimStart().slice(0, HEADER_SCAN_LIMIT))) ? 'csv' : 'text';
}

function formatSize(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads event IDs from pasted text or a file's content: plain text, CSV with an eventId / event_id
 * column, JSON Lines or a JSON document. Never throws; problems are in `error` and `malformed`.
 */
export function parseEventIds(input: string, options: ParseEventIdsOptions = {}): ParsedEventIds {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const collector = new IdCollector(options.maxMalformed ?? DEFAULT_MAX_MALFORMED);
  const emptyResult = (format: EventIdFormat, code: 'EMPTY' | 'TOO_LARGE', message: string) =>
    collector.result(format, { error: { code, message } });

  if (input.length > maxChars) {
    return emptyResult(
      options.format ?? 'text',
      'TOO_LARGE',
      `The input is ${formatSize(input.length)}, more than the ${formatSize(maxChars)} that can be read at once.`,
    );
  }
  // A byte-order mark at the start (Excel writes one) is not part of the first ID or header.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') {
    const message =
      text.length === 0
        ? 'The input is empty.'
        : 'The input holds only whitespace, so there are no IDs in it.';
    return emptyResult(options.format ?? 'text', 'EMPTY', message);
  }

  const format = options.format ?? detectFormat(text, options.fileName);
  switch (format) {
    case 'text':
      return parseText(text, collector);
    case 'csv':
      return parseCsv(text, collector);
    case 'jsonl':
      return parseJsonLines(text, collector);
    case 'json':
      return parseJsonDocument(text, collector);
    case 'json-or-jsonl': {
      // One object per line is JSON Lines; a pretty-printed object spans lines and is one document.
      const head = tryJson(firstLine(text.trimStart()));
      if (head.ok) return parseJsonLines(text, collector);
      const whole = tryJson(text);
      return whole.ok ? parseJsonDocument(text, collector, whole) : parseJsonLines(text, collector);
    }
  }
}
