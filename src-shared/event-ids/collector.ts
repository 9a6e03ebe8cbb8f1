import type { EventIdFormat, EventIdParseError, MalformedEntry, ParsedEventIds } from './types.js';
import { eventIdProblem, isValidEventId } from './validate.js';

type Lazy<T> = T | (() => T);
type Where = () => Pick<MalformedEntry, 'line' | 'item'>;

const TOKEN_SHOWN = 80;

/** Control, format (bidi, zero-width) and line-separator characters: shown escaped, never raw. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * A token as it may be shown: cut to 80 characters (ending in `…` when cut) and with invisible or
 * terminal-controlling characters written as `\uXXXX`, so junk cannot hide text or drive a terminal.
 */
export function truncateToken(token: string): string {
  const escaped = token
    .slice(0, TOKEN_SHOWN)
    .replace(UNSAFE, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  return token.length > TOKEN_SHOWN || escaped.length > TOKEN_SHOWN
    ? `${escaped.slice(0, TOKEN_SHOWN - 1)}…`
    : escaped;
}

/** Gathers IDs while a format reader walks the input: de-duplicates and bounds the malformed list. */
export class IdCollector {
  private readonly seen = new Set<string>();
  readonly ids: string[] = [];
  duplicates = 0;
  readonly malformed: MalformedEntry[] = [];
  malformedCount = 0;

  constructor(private readonly maxMalformed: number) {}

  /**
   * Validates a candidate. `where` is called only when the entry is listed as malformed, so that
   * inputs with millions of bad tokens cost no line lookups or messages beyond the listed ones.
   */
  offer(token: string, where: Where): void {
    if (!isValidEventId(token)) {
      this.reject(token, () => eventIdProblem(token) ?? 'is not a valid event ID', where);
      return;
    }
    if (this.seen.has(token)) {
      this.duplicates += 1;
      return;
    }
    this.seen.add(token);
    this.ids.push(token);
  }

  /** `text[from, to)` (on `line`) is known not to be an ID; it is cut out only if it is listed. */
  rejectSpan(text: string, from: number, to: number, line: number): void {
    this.malformedCount += 1;
    if (this.malformed.length < this.maxMalformed) {
      const token = text.slice(from, to);
      this.malformed.push({
        token: truncateToken(token),
        line,
        reason: eventIdProblem(token) ?? 'is not valid',
      });
    }
  }

  /** Counts a malformed entry; the token and the reason may be given lazily, as above. */
  reject(token: Lazy<string>, reason: Lazy<string>, where: Where): void {
    this.malformedCount += 1;
    if (this.malformed.length < this.maxMalformed) {
      const shown = truncateToken(typeof token === 'string' ? token : token());
      this.malformed.push({
        token: shown,
        ...where(),
        reason: typeof reason === 'string' ? reason : reason(),
      });
    }
  }

  result(format: EventIdFormat, extra: { column?: string; error?: EventIdParseError } = {}): ParsedEventIds {
    const total = this.ids.length + this.duplicates + this.malformedCount;
    let error = extra.error;
    if (error === undefined && this.ids.length === 0) {
      error =
        this.malformedCount > 0
          ? {
              code: 'NO_VALID_IDS',
              message:
                this.malformedCount === 1
                  ? 'The only entry is not a valid event ID.'
                  : `None of the ${this.malformedCount} entries is a valid event ID.`,
            }
          : { code: 'NO_IDS', message: 'No event IDs were found in the input.' };
    }
    const result: ParsedEventIds = {
      format,
      ids: this.ids,
      duplicates: this.duplicates,
      malformed: this.malformed,
      malformedCount: this.malformedCount,
      total,
    };
    if (extra.column !== undefined) result.column = extra.column;
    if (error !== undefined) result.error = error;
    return result;
  }
}

/** Maps character offsets to 1-based line numbers; offsets must be asked in ascending order. */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(index: number): number {
    if (index < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const text = this.text;
    let line = this.line;
    for (let i = this.offset; i < index; i++) if (text.charCodeAt(i) === 10) line++;
    this.offset = index;
    this.line = line;
    return line;
  }
}
