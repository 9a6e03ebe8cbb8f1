import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../src-shared/event-ids/json-error.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('jsonErrorOffset', () => {
  it('points at the first bad character', () => {
    expect(jsonErrorOffset('[1, 2,]')).toBe(6);
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    expect(jsonErrorOffset('["abc')).toBe(5);
    expect(jsonErrorOffset('"\\x"')).toBe(1);
    expect(jsonErrorOffset('')).toBe(0);
  });

  it('accepts valid JSON of every kind', () => {
    for (const text of ['[]', '{}', ' {"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"],"b":{}} ', '"x"', '0']) {
      expect(jsonErrorOffset(text)).toBe(-1);
    }
  });

  it('survives deep nesting without recursion', () => {
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });

  it('agrees with JSON.parse on random mutations of a valid document', () => {
    const base = JSON.stringify({
      events: [{ eventId: 'a_1', n: -1.5e2, ok: true, x: null }, 'b:2'],
      s: 'q"\\',
    });
    const alphabet = '{}[]",:0-.eE+tfn\\ ax';
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const chars = [...base];
      for (let k = 0; k <= random(3); k++) {
        const at = random(chars.length);
        const op = random(3);
        const ch = alphabet[random(alphabet.length)] as string;
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, ch);
        else chars[at] = ch;
      }
      const text = chars.join('');
      expect(jsonErrorOffset(text) === -1, text).toBe(parses(text));
    }
  });
});
