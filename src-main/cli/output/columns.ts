/** Column sets per record kind, and `--columns` resolution (camelCase or the official CLI's snake_case). */
import { UsageError } from '../errors.js';

/** Every field of a detail case, in display order. */
export const CASE_FIELDS = [
  'number',
  'name',
  'status',
  'description',
  'subject',
  'subjectUsername',
  'assignee',
  'assigneeUsername',
  'createdAt',
  'createdByUserUid',
  'createdByUsername',
  'updatedAt',
  'lastModifiedByUserUid',
  'lastModifiedByUsername',
  'archivalTime',
  'findings',
] as const;

/** List items lack description and findings. */
export const CASE_LIST_FIELDS = CASE_FIELDS.filter((f) => f !== 'description' && f !== 'findings');

export const CASE_LIST_DEFAULT = [
  'number',
  'name',
  'status',
  'assigneeUsername',
  'subjectUsername',
  'createdAt',
  'updatedAt',
] as const;

export const FILE_EVENT_FIELDS = [
  'eventId',
  'eventTimestamp',
  'fileName',
  'filePath',
  'fileAvailability',
  'exposure',
  'riskIndicators',
  'riskScore',
  'riskSeverity',
] as const;

/** The official CLI's default columns for `file-events list`. */
export const FILE_EVENT_DEFAULT = [
  'eventTimestamp',
  'fileName',
  'filePath',
  'fileAvailability',
  'riskIndicators',
  'riskScore',
  'eventId',
] as const;

export const RESULT_FIELDS = ['eventId', 'result', 'message'] as const;
export const RESULT_DEFAULT = ['eventId', 'result'] as const;

function key(name: string): string {
  return name.replace(/[_\-\s]/g, '').toLowerCase();
}

/** `--columns a,b` against the known fields; unknown names are a usage error listing the valid ones. */
export function resolveColumns(
  requested: string | undefined,
  known: readonly string[],
  fallback: readonly string[],
): string[] {
  if (requested === undefined) return [...fallback];
  const byKey = new Map(known.map((field) => [key(field), field]));
  const names = requested
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new UsageError('--columns needs at least one column name.');
  return names.map((name) => {
    const field = byKey.get(key(name));
    if (field === undefined) {
      throw new UsageError(`Unknown column "${name}". Columns: ${known.join(', ')}.`);
    }
    return field;
  });
}

/** `Columns: a, b, c.` wrapped to `width` characters, for help texts. */
export function helpList(label: string, items: readonly string[], width = 100): string {
  const lines: string[] = [];
  let line = `${label}:`;
  items.forEach((item, i) => {
    const word = `${item}${i === items.length - 1 ? '.' : ','}`;
    if (line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line += ` ${word}`;
  });
  lines.push(line);
  return lines.join('\n');
}
