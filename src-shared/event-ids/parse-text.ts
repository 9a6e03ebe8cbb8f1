import type { IdCollector } from './collector.js';
import type { ParsedEventIds } from './types.js';
import { EVENT_ID_MAX_LENGTH } from './validate.js';

/**
 * True for characters that separate IDs in plain text: any whitespace (including no-break and
 * zero-width spaces and stray byte-order marks, which pasted text often carries), commas, semicolons.
 */
function isSeparator(code: number): boolean {
  if (code === 0x2c || code === 0x3b) return true; // , ;
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x80) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Character classes for the scan, by code unit below 128: 1 = allowed in an ID, 2 = separator. */
const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const ch = String.fromCharCode(code);
  if (/[A-Za-z0-9_.:-]/.test(ch)) ASCII_CLASS[code] = 1;
  else if (isSeparator(code)) ASCII_CLASS[code] = 2;
}

function isQuote(code: number): boolean {
  return code === 0x22 || code === 0x27;
}

/** Hands one token (`text[from, to)`, starting on `line`) to the collector. */
function endToken(
  text: string,
  from: number,
  to: number,
  clean: boolean,
  line: number,
  c: IdCollector,
): void {
  const first = text.charCodeAt(from);
  if (to - from >= 2 && isQuote(first) && text.charCodeAt(to - 1) === first) {
    if (to - from > 2) c.offer(text.slice(from + 1, to - 1), () => ({ line })); // "" holds nothing
  } else if (clean && to - from <= EVENT_ID_MAX_LENGTH) {
    c.offer(text.slice(from, to), () => ({ line }));
  } else {
    c.rejectSpan(text, from, to, line);
  }
}

/**
 * IDs separated by whitespace, commas or semicolons, in one scan that also checks each token's
 * characters, so millions of junk tokens cost no regex or substring each. `"abc"` and `'abc'` lose
 * their quotes (IDs copied out of a quoted list).
 */
export function parseText(text: string, collector: IdCollector): ParsedEventIds {
  let line = 1;
  let start = -1;
  let startLine = 1;
  let clean = true; // every character of the token so far may appear in an ID
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? (ASCII_CLASS[code] as number) : isSeparator(code) ? 2 : 0;
    if (kind === 2) {
      if (start >= 0) {
        endToken(text, start, i, clean, startLine, collector);
        start = -1;
      }
      if (code === 0x0a) line++;
    } else {
      if (start < 0) {
        start = i;
        startLine = line;
        clean = true;
      }
      if (kind === 0) clean = false;
    }
  }
  if (start >= 0) endToken(text, start, length, clean, startLine, collector);
  return collector.result('text');
}
