/**
 * Writers for `--format table|json|jsonl|csv`. JSON keeps the API's camelCase names and values as the
 * API sent them; table and CSV take `--columns` and flatten values to text.
 */
import Papa from 'papaparse';
import type { CliIo } from '../io.js';
import { safeCell, safeText } from './safe-text.js';

export const OUTPUT_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Any record: API objects are interfaces without index signatures, so fields are read by name. */
export type Row = object;

function field(row: Row, name: string): unknown {
  return (row as Record<string, unknown>)[name];
}

/** Text of one value for a table or CSV cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value)) return value.map(itemText).join(', ');
  return JSON.stringify(value);
}

/** A list element: risk indicators `{name, weight}` read as `Zip (3)`; other objects as JSON. */
function itemText(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (
      typeof record['name'] === 'string' &&
      Object.keys(record).every((k) => ['name', 'weight', 'id'].includes(k))
    ) {
      const weight = record['weight'];
      return typeof weight === 'number' ? `${record['name']} (${weight})` : record['name'];
    }
  }
  return cellText(value);
}

/** Longest cell shown in a table; the full value is in JSON and CSV output. */
const MAX_CELL = 100;

function tableCell(value: unknown): string {
  const text = safeCell(cellText(value));
  if (text === '') return '-';
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** Aligned columns, a header row of field names (what `--columns` takes), two spaces between. */
export function renderTable(rows: readonly Row[], columns: readonly string[]): string {
  const cells = rows.map((row) => columns.map((column) => tableCell(field(row, column))));
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...cells.map((line) => (line[i] ?? '').length)),
  );
  const render = (line: readonly string[]): string =>
    line
      .map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [render(columns), ...cells.map(render)].map((line) => `${line}\n`).join('');
}

export function renderCsv(rows: readonly Row[], columns: readonly string[]): string {
  const data = rows.map((row) => columns.map((column) => cellText(field(row, column))));
  // escapeFormulae: a case name such as `=HYPERLINK(…)` must not run as a formula when the CSV is
  // opened in a spreadsheet; such cells get a leading `'`.
  return `${Papa.unparse({ fields: [...columns], data }, { escapeFormulae: true, newline: '\n' })}\n`;
}

/** A list of records in the chosen format. `columns` applies to table and CSV only. */
export function writeList(
  io: CliIo,
  rows: readonly Row[],
  format: OutputFormat,
  columns: readonly string[],
): void {
  switch (format) {
    case 'json':
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    case 'jsonl':
      io.stdout(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
      return;
    case 'csv':
      io.stdout(renderCsv(rows, columns));
      return;
    case 'table':
      io.stdout(renderTable(rows, columns));
      return;
  }
}

/** Leaves of a nested object as `a.b.c` paths (arrays stay whole), for the table view of one record. */
export function flatten(value: Row, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      out.push(...flatten(inner, path));
    } else out.push([path, inner]);
  }
  return out;
}

export interface RecordView {
  /** Fields shown in the table view, in order; default every key. */
  fields?: readonly string[];
  /** Long text fields shown below the others as blocks (e.g. findings), table view only. */
  blocks?: readonly string[];
  /** Nested objects are shown as `a.b.c` lines, and lines with no value are left out. */
  nested?: boolean;
}

/** One record: JSON as is; table as `field  value` lines; CSV as a header and one row. */
export function writeRecord(io: CliIo, record: Row, format: OutputFormat, view: RecordView = {}): void {
  switch (format) {
    case 'json':
      io.stdout(`${JSON.stringify(record, null, 2)}\n`);
      return;
    case 'jsonl':
      io.stdout(`${JSON.stringify(record)}\n`);
      return;
    case 'csv': {
      const pairs = view.nested ? flatten(record) : Object.entries(record);
      const flat = Object.fromEntries(pairs);
      io.stdout(renderCsv([flat], Object.keys(flat)));
      return;
    }
    case 'table': {
      const blocks = view.blocks ?? [];
      let pairs: [string, unknown][] = view.nested
        ? flatten(record).filter(([, v]) => cellText(v) !== '')
        : (view.fields ?? Object.keys(record)).map((name): [string, unknown] => [name, field(record, name)]);
      pairs = pairs.filter(([name]) => !blocks.includes(name));
      const width = Math.max(0, ...pairs.map(([name]) => name.length));
      let text = pairs.map(([name, value]) => `${name.padEnd(width)}  ${tableCell(value)}\n`).join('');
      for (const name of blocks) {
        const value = cellText(field(record, name));
        const body = value === '' ? '  -' : safeText(value, { keepLines: true }).replace(/^/gm, '  ');
        text += `\n${name}:\n${body}\n`;
      }
      io.stdout(text);
      return;
    }
  }
}
