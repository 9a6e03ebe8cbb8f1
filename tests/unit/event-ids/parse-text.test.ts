import { describe, expect, it } from 'vitest';
import { parseEventIds } from '../../../src-shared/event-ids/index.js';
import { eventId, eventIds } from './ids.js';

const [a, b, c] = eventIds(3) as [string, string, string];

describe('parseEventIds: plain text', () => {
  it('reads IDs separated by any whitespace, commas and semicolons', () => {
    const result = parseEventIds(`${a}, ${b};\n\t${c}`);
    expect(result).toMatchObject({ format: 'text', ids: [a, b, c], duplicates: 0, total: 3 });
    expect(result.error).toBeUndefined();
    expect(result.malformed).toEqual([]);
  });

  it('keeps first-seen order and counts duplicates', () => {
    const result = parseEventIds(`${b} ${a} ${b} ${b} ${a}`);
    expect(result.ids).toEqual([b, a]);
    expect(result.duplicates).toBe(3);
    expect(result.total).toBe(5);
  });

  it('accepts the real Incydr ID shape', () => {
    const real = '0_147e9445-2f30-4a91-8b2a-9455332e880a_973435567569502913_986467523038446097_163';
    expect(parseEventIds(real).ids).toEqual([real]);
  });

  it('reports an empty input', () => {
    const result = parseEventIds('');
    expect(result.error?.code).toBe('EMPTY');
    expect(result.error?.message).toBe('The input is empty.');
    expect(result.ids).toEqual([]);
  });

  it('reports whitespace only (and a lone byte-order mark) as empty', () => {
    for (const input of ['   \n\t\r\n  ', '\uFEFF', '\uFEFF  \r\n']) {
      const result = parseEventIds(input);
      expect(result.error?.code).toBe('EMPTY');
      expect(result.error?.message).toMatch(/whitespace|empty/);
    }
  });

  it('ignores a leading BOM and stray BOMs, CRLF and no-break spaces', () => {
    const result = parseEventIds(`\uFEFF${a}\r\n${b}\u00A0\uFEFF${c}\r\n`);
    expect(result.ids).toEqual([a, b, c]);
    expect(result.malformedCount).toBe(0);
  });

  it('strips quotes around a copied ID', () => {
    expect(parseEventIds(`"${a}", '${b}'`).ids).toEqual([a, b]);
  });

  it('reports malformed tokens with their line and a reason, and keeps the valid ones', () => {
    const long = 'x'.repeat(250);
    const result = parseEventIds(`${a}\nbad/id ${b}\n\n${long}\nümlaut`);
    expect(result.ids).toEqual([a, b]);
    expect(result.malformedCount).toBe(3);
    expect(result.total).toBe(5);
    expect(result.malformed[0]).toEqual({
      token: 'bad/id',
      line: 2,
      reason: 'contains "/"; an event ID has only letters, digits and _ . : -',
    });
    expect(result.malformed[1]?.line).toBe(4);
    expect(result.malformed[1]?.reason).toBe('is 250 characters long; an event ID has at most 200');
    expect(result.malformed[1]?.token).toHaveLength(80);
    expect(result.malformed[1]?.token.endsWith('…')).toBe(true);
    expect(result.malformed[2]).toMatchObject({ token: 'ümlaut', line: 5 });
    expect(result.malformed[2]?.reason).toContain('"ü"');
  });

  it('names invisible characters by code point and never returns them raw', () => {
    const result = parseEventIds(`abc\u0007def x\u001b[31m \u202Eexe.pdf`);
    expect(result.malformed[0]?.reason).toContain('U+0007');
    expect(result.malformed.map((m) => m.token)).toEqual(['abc\\u0007def', 'x\\u001B[31m', '\\u202Eexe.pdf']);
  });

  it('accepts an ID of exactly 200 characters and refuses 201', () => {
    const result = parseEventIds(`${'a'.repeat(200)} ${'b'.repeat(201)}`);
    expect(result.ids).toEqual(['a'.repeat(200)]);
    expect(result.malformedCount).toBe(1);
  });

  it('says so when nothing valid is left', () => {
    const result = parseEventIds('a/b c/d');
    expect(result.error).toEqual({
      code: 'NO_VALID_IDS',
      message: 'None of the 2 entries is a valid event ID.',
    });
  });

  it('refuses inputs beyond the size limit without reading them', () => {
    const result = parseEventIds('a'.repeat(2000), { maxChars: 1000 });
    expect(result.error?.code).toBe('TOO_LARGE');
    expect(result.error?.message).toMatch(/^The input is .* MB, more than the .* MB/);
    expect(result.ids).toEqual([]);
  });

  it('reads a .txt file as text even when it looks like JSON', () => {
    const result = parseEventIds(`[${a}]`, { fileName: 'ids.txt' });
    expect(result.format).toBe('text');
    expect(result.malformedCount).toBe(1);
  });

  it('uses an explicit format over detection', () => {
    expect(parseEventIds(`eventId\n${a}`, { format: 'text' }).ids).toEqual(['eventId', a]);
  });

  it('keeps generated IDs distinct', () => {
    expect(new Set(eventIds(10_000)).size).toBe(10_000);
    expect(eventId(1)).not.toBe(eventId(2));
  });
});
