/**
 * The EVENT_IDS argument of `file-events add/remove`, as the official CLI takes it: a comma list, `@file`
 * (plain text, CSV with an eventId / event_id column, JSON Lines or JSON) or `-` for stdin.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MAX_CHARS, parseEventIds } from '../../../src-shared/event-ids/index.js';
import type { EventIdFormat, ParsedEventIds } from '../../../src-shared/event-ids/index.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { safeText } from '../output/safe-text.js';

export const INPUT_FORMATS = ['auto', 'text', 'csv', 'jsonl', 'json'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface ReadIds {
  parsed: ParsedEventIds;
  /** Where the IDs came from, for messages: `ids.csv`, `stdin`, `the argument`. */
  source: string;
}

/** Text of a file: UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark (Excel "Unicode text"). */
function decode(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

async function readIdFile(file: string, io: CliIo): Promise<string> {
  const full = path.resolve(io.cwd ?? process.cwd(), file);
  try {
    const info = await stat(full);
    if (!info.isFile()) throw new UsageError(`${safeText(file)} is not a file.`);
    // Checked before reading, so a wrong multi-gigabyte file is not loaded to be refused.
    if (info.size > DEFAULT_MAX_CHARS * 2) {
      throw new UsageError(
        `${safeText(file)} is ${(info.size / 2 ** 20).toFixed(0)} MB, too large to read IDs from.`,
      );
    }
    return decode(await readFile(full));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: unknown }).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : 'cannot be read';
    throw new UsageError(`The file ${safeText(file)} ${why}.`);
  }
}

export async function readEventIds(
  arg: string,
  io: CliIo,
  inputFormat: InputFormat = 'auto',
): Promise<ReadIds> {
  const format: EventIdFormat | undefined = inputFormat === 'auto' ? undefined : inputFormat;
  if (arg === '-') {
    const text = await io.stdin();
    return { parsed: parseEventIds(text, format ? { format } : {}), source: 'stdin' };
  }
  if (arg.startsWith('@')) {
    const file = arg.slice(1);
    if (file === '') throw new UsageError('Name a file after @, as in @ids.csv.');
    const text = await readIdFile(file, io);
    return { parsed: parseEventIds(text, format ? { format } : { fileName: file }), source: file };
  }
  // A literal list: commas (and whitespace) separate IDs.
  return { parsed: parseEventIds(arg, { format: format ?? 'text' }), source: 'the argument' };
}
