/**
 * Finds where a JSON text first goes wrong. `JSON.parse` says where only in some engine versions (Node
 * 20 often names the token but not its position), and users need a line to look at. Iterative, so a
 * deeply nested hostile input cannot overflow the stack. Returns -1 when the text is valid JSON.
 */

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** End offset (after the closing quote) of the string starting at `start`, or -(error offset + 1). */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -(i + 1);
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) return -(i + 1);
        i += 5;
      } else if (next !== undefined && ESCAPES.has(next)) i += 1;
      else return -(i + 1);
    }
  }
  return -(text.length + 1);
}

export function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'done' : 'commaOrEnd');

  while (true) {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
    if (i >= text.length) return expect === 'done' ? -1 : text.length;
    const ch = text[i] as string;
    switch (expect) {
      case 'done':
        return i;
      case 'colon':
        if (ch !== ':') return i;
        i++;
        expect = 'value';
        continue;
      case 'commaOrEnd': {
        const top = stack[stack.length - 1];
        if (ch === ',') {
          i++;
          expect = top === '[' ? 'value' : 'key';
        } else if ((ch === ']' && top === '[') || (ch === '}' && top === '{')) {
          i++;
          stack.pop();
          expect = afterValue();
        } else return i;
        continue;
      }
      case 'key':
      case 'keyOrEnd': {
        if (ch === '}' && expect === 'keyOrEnd') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch !== '"') return i;
        const end = scanString(text, i);
        if (end < 0) return -end - 1;
        i = end;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'valueOrEnd': {
        if (ch === ']' && expect === 'valueOrEnd') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch === '{' || ch === '[') {
          stack.push(ch);
          i++;
          expect = ch === '{' ? 'keyOrEnd' : 'valueOrEnd';
          continue;
        }
        if (ch === '"') {
          const end = scanString(text, i);
          if (end < 0) return -end - 1;
          i = end;
        } else {
          NUMBER.lastIndex = i;
          const number = NUMBER.exec(text);
          const literal = LITERALS.find((word) => text.startsWith(word, i));
          if (number !== null) i += number[0].length;
          else if (literal !== undefined) i += literal.length;
          else return i;
        }
        expect = afterValue();
        continue;
      }
    }
  }
}
