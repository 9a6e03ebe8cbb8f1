import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseEventIds } from '../../../src-shared/event-ids/index.js';
import { eventIds } from './ids.js';

/** Timings are printed, and asserted only with a wide margin, so a slow CI machine does not flake. */
function timed<T>(label: string, run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  const ms = performance.now() - start;
  console.log(`${label}: ${ms.toFixed(1)} ms`);
  return { value, ms };
}

const TEN_MB = 10 * 1024 * 1024;

/** 10 Mi random bytes from a seeded generator (mulberry32), so runs repeat; made once, mapped per test. */
const RANDOM = (() => {
  const bytes = new Uint8Array(TEN_MB);
  let seed = 42;
  for (let i = 0; i < bytes.length; i += 4) {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    t ^= t >>> 14;
    bytes[i] = t;
    bytes[i + 1] = t >>> 8;
    bytes[i + 2] = t >>> 16;
    bytes[i + 3] = t >>> 24;
  }
  return bytes;
})();

/** 10 Mi characters drawn from `alphabet` (all below U+0100). */
function junk(alphabet: string): string {
  const codes = new Uint8Array(RANDOM.length);
  for (let i = 0; i < codes.length; i++)
    codes[i] = alphabet.charCodeAt((RANDOM[i] as number) % alphabet.length);
  return Buffer.from(codes.buffer).toString('latin1');
}

/** Every code unit from 0 to 255: what a binary file read as Latin-1 looks like. */
const BYTES = Array.from({ length: 256 }, (_, code) => String.fromCharCode(code)).join('');

describe('parseEventIds on large inputs', () => {
  it('parses 10,000 IDs quickly in every format', () => {
    const ids = eventIds(10_000);
    const inputs = {
      text: ids.join('\n'),
      csv: `fileName,eventId\n${ids.map((id) => `x.txt,${id}`).join('\r\n')}`,
      jsonl: ids.map((id) => JSON.stringify({ event: { id } })).join('\n'),
      json: JSON.stringify(ids.map((eventId) => ({ eventId }))),
    } as const;
    for (const [format, input] of Object.entries(inputs)) {
      parseEventIds(input); // warm-up: the first call pays for compiling the parser
      const { value, ms } = timed(`10,000 IDs as ${format}`, () => parseEventIds(input));
      expect(value.format).toBe(format);
      expect(value.ids).toEqual(ids);
      expect(ms).toBeLessThan(1000);
    }
  });

  it(
    'reads 10 MB of junk without crashing, quickly, with a bounded malformed list',
    { timeout: 30_000 },
    () => {
      const binary = junk(BYTES);
      const braces = junk('ab{}[]":,\n');
      const cases = [
        ['binary, detected as text', binary, undefined],
        ['short tokens, detected as text', junk('abc/é!#" \n\t,;'), undefined],
        ['one long token', 'z/'.repeat(TEN_MB / 2), undefined],
        ['binary as .csv', `eventId,x\n${binary}`, 'junk.csv'],
        ['printable as .csv', `eventId,x\n${junk('abcdefghijklmnopqrstuvwxyz0123456789 ,"/\n')}`, 'junk.csv'],
        ['binary as .jsonl', binary, 'junk.jsonl'],
        ['braces as JSON Lines', `{${braces}`, undefined],
        ['braces as a JSON document', `[${braces}`, undefined],
      ] as const;
      for (const [label, input, fileName] of cases) {
        const options = fileName === undefined ? {} : { fileName };
        const { value, ms } = timed(`10 MB of junk (${label})`, () => parseEventIds(input, options));
        expect(value.malformed.length).toBeLessThanOrEqual(100);
        expect(value.error === undefined || value.ids.length === 0).toBe(true);
        // Junk is either reported entry by entry or refused as a whole, never silently accepted.
        expect(value.malformedCount > 0 || value.error !== undefined).toBe(true);
        expect(ms).toBeLessThan(2000);
        for (const entry of value.malformed) expect(entry.token.length).toBeLessThanOrEqual(80);
      }
    },
  );

  it('counts every malformed entry while listing only the first hundred', () => {
    const input = Array.from({ length: 5000 }, (_, i) => `bad/${i}`).join(' ');
    const value = parseEventIds(input);
    expect(value.malformedCount).toBe(5000);
    expect(value.malformed).toHaveLength(100);
    expect(value.malformed[99]?.token).toBe('bad/99');
    expect(parseEventIds(input, { maxMalformed: 3 }).malformed).toHaveLength(3);
  });
});
