import { describe, expect, it } from 'vitest';
import { parseEventIds } from '../../../src-shared/event-ids/index.js';
import { eventIds } from './ids.js';

const [a, b, c, d] = eventIds(4) as [string, string, string, string];

/** A FileEventV2-shaped record as Forensic Search and `incydr file-events search -f json-lines` print it. */
function fileEvent(id: string): Record<string, unknown> {
  return {
    '@timestamp': '2024-03-01T22:41:07.118Z',
    event: { id, action: 'file-created', observer: 'Endpoint' },
    file: { name: 'payments-core.zip', directory: 'C:/Users/jdoe/Downloads/' },
    risk: { score: 8, indicators: [{ name: 'Zip', weight: 3 }] },
  };
}

describe('parseEventIds: JSON Lines', () => {
  it('reads eventId, event_id and nested event.id', () => {
    const text = [
      JSON.stringify({ eventId: a }),
      JSON.stringify({ event_id: b }),
      JSON.stringify(fileEvent(c)),
    ].join('\n');
    const result = parseEventIds(text);
    expect(result).toMatchObject({ format: 'jsonl', ids: [a, b, c], total: 3 });
    expect(result.error).toBeUndefined();
  });

  it('reports invalid lines one by one and still uses the valid lines', () => {
    const text = [
      JSON.stringify({ eventId: a }),
      '{"eventId": "unterminated',
      '',
      JSON.stringify({ eventId: b }),
      'not json at all',
      JSON.stringify({ eventId: a }),
    ].join('\r\n');
    const result = parseEventIds(text, { fileName: 'search.jsonl' });
    expect(result.ids).toEqual([a, b]);
    expect(result.duplicates).toBe(1);
    expect(result.malformed).toEqual([
      { token: '{"eventId": "unterminated', line: 2, reason: 'is not valid JSON' },
      { token: 'not json at all', line: 5, reason: 'is not valid JSON' },
    ]);
    expect(result.error).toBeUndefined();
  });

  it('fails with INVALID_JSON when no line is valid JSON', () => {
    const result = parseEventIds('{nope\n{also nope', { fileName: 'x.ndjson' });
    expect(result.error).toEqual({ code: 'INVALID_JSON', message: 'None of the 2 lines is valid JSON.' });
    expect(result.malformedCount).toBe(2);
  });

  it('reports records without an ID field, and says so when none has one', () => {
    const mixed = parseEventIds(`${JSON.stringify({ eventId: a })}\n${JSON.stringify({ name: 'x' })}`);
    expect(mixed.ids).toEqual([a]);
    expect(mixed.malformed[0]).toEqual({
      token: '{"name":"x"}',
      line: 2,
      reason: 'has no eventId, event_id or event.id',
    });

    const none = parseEventIds(`{"name":"x"}\n{"size":3}`);
    expect(none.error?.code).toBe('NO_ID_FIELD');
    expect(none.error?.message).toContain('"eventId" or "event_id"');
  });

  it('refuses numeric IDs, which may have lost digits', () => {
    const result = parseEventIds(`{"eventId": 973435567569502913}\n{"eventId": "${a}"}`);
    expect(result.ids).toEqual([a]);
    expect(result.malformed[0]).toMatchObject({
      line: 1,
      reason: 'has an ID that is a number, not a string',
    });
  });

  it('validates the ID inside a record like any other', () => {
    const result = parseEventIds(`{"eventId": "has space"}\n{"eventId": "${a}"}`);
    expect(result.malformed[0]).toMatchObject({ token: 'has space', line: 1 });
  });
});

describe('parseEventIds: JSON documents', () => {
  it('reads an array of objects', () => {
    const text = JSON.stringify([fileEvent(a), { eventId: b }, { event_id: c }], null, 2);
    const result = parseEventIds(text, { fileName: 'events.json' });
    expect(result).toMatchObject({ format: 'json', ids: [a, b, c], total: 3 });
  });

  it('reads an array of strings', () => {
    expect(parseEventIds(JSON.stringify([a, b, a])).ids).toEqual([a, b]);
  });

  it('reads the lists other tools wrap events in, and a single pretty-printed record', () => {
    const search = JSON.stringify({ fileEvents: [fileEvent(a), fileEvent(b)], totalCount: 2 }, null, 2);
    expect(parseEventIds(search)).toMatchObject({ format: 'json', ids: [a, b] });
    const caseEvents = JSON.stringify({ events: [{ eventId: c }], totalCount: 1 });
    expect(parseEventIds(caseEvents)).toMatchObject({ ids: [c] });
    expect(parseEventIds(JSON.stringify(fileEvent(d), null, 2))).toMatchObject({ format: 'json', ids: [d] });
  });

  it('reports bad elements by their position in the array', () => {
    const result = parseEventIds(JSON.stringify([{ eventId: a }, 42, { other: 1 }, null]));
    expect(result.ids).toEqual([a]);
    expect(result.malformed.map((m) => [m.line, m.item])).toEqual([
      [0, 2],
      [0, 3],
      [0, 4],
    ]);
  });

  it('fails with INVALID_JSON and the line of the first error', () => {
    const result = parseEventIds(`[\n  {"eventId": "${a}"},\n  {"eventId": }\n]`, { fileName: 'e.json' });
    expect(result.error?.code).toBe('INVALID_JSON');
    expect(result.error?.message).toBe('The input is not valid JSON. The first error is on line 3.');
    expect(result.ids).toEqual([]);
  });

  it('fails with NO_ID_FIELD when no element carries an ID', () => {
    expect(parseEventIds('[{"a":1},{"b":2}]').error?.code).toBe('NO_ID_FIELD');
  });
});
