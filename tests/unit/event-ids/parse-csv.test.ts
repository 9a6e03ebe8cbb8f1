import { describe, expect, it } from 'vitest';
import { parseEventIds } from '../../../src-shared/event-ids/index.js';
import { eventIds } from './ids.js';

const [a, b, c] = eventIds(3) as [string, string, string];

describe('parseEventIds: CSV', () => {
  it('reads the eventId column in any position', () => {
    const csv = `fileName,riskScore,eventId\nreport.pdf,5,${a}\nplan.xlsx,3,${b}\n`;
    const result = parseEventIds(csv);
    expect(result).toMatchObject({ format: 'csv', ids: [a, b], column: 'eventId', total: 2 });
    expect(result.error).toBeUndefined();
  });

  it('accepts event_id, any case, and a .csv hint', () => {
    const result = parseEventIds(`EVENT_ID\n${a}\n`, { fileName: 'C:\\exports\\events.CSV' });
    expect(result).toMatchObject({ format: 'csv', ids: [a], column: 'EVENT_ID' });
  });

  it('handles a BOM, CRLF and quoted fields containing commas, quotes and newlines', () => {
    const csv =
      '\uFEFF"file name","event_id","notes"\r\n' +
      `"a, b.txt","${a}","said ""hi"", then left"\r\n` +
      `"multi\r\nline.txt",${b},x\r\n` +
      `c.txt,${c},"y"\r\n`;
    const result = parseEventIds(csv, { fileName: 'events.csv' });
    expect(result.ids).toEqual([a, b, c]);
    expect(result.column).toBe('event_id');
    expect(result.malformedCount).toBe(0);
  });

  it('guesses semicolon and tab delimiters (spreadsheet exports)', () => {
    expect(parseEventIds(`name;eventId\nx;${a}\ny;${b}`, { fileName: 'e.csv' }).ids).toEqual([a, b]);
    expect(parseEventIds(`name\teventId\nx\t${a}`, { fileName: 'e.tsv' }).ids).toEqual([a]);
  });

  it('detects a CSV from its header when no file name is given', () => {
    const result = parseEventIds(`eventId,fileName\n${a},x.txt\n`);
    expect(result.format).toBe('csv');
    expect(result.ids).toEqual([a]);
  });

  it('refuses a CSV without an ID column, naming the accepted column names and the found ones', () => {
    const result = parseEventIds(`name,size\nreport.pdf,12\n`, { fileName: 'files.csv' });
    expect(result.format).toBe('csv');
    expect(result.ids).toEqual([]);
    expect(result.error?.code).toBe('NO_ID_COLUMN');
    expect(result.error?.message).toBe(
      'The CSV has no event ID column: name the column "eventId" or "event_id". The header has "name", "size".',
    );
  });

  it('recognises an Incydr export header without an ID column even with no file name', () => {
    const result = parseEventIds(`fileName,filePath,riskScore\nx.txt,C:/,3\n`);
    expect(result.error?.code).toBe('NO_ID_COLUMN');
  });

  it('counts duplicates, skips blank lines and reports empty, short and bad cells with their line', () => {
    const csv = [
      'eventId,fileName',
      `${a},x`,
      '',
      `${a},again`,
      ',empty.txt',
      `${b},y`,
      'bad id!,z',
      `"${c}"`,
    ].join('\n');
    const result = parseEventIds(csv, { fileName: 'e.csv' });
    expect(result.ids).toEqual([a, b, c]);
    expect(result.duplicates).toBe(1);
    expect(result.malformed).toEqual([
      { token: ',empty.txt', line: 5, reason: 'has an empty eventId field' },
      {
        token: 'bad id!',
        line: 7,
        reason: 'contains U+0020; an event ID has only letters, digits and _ . : -',
      },
    ]);
    expect(result.total).toBe(6);
  });

  it('reports a row that is too short for the ID column', () => {
    const result = parseEventIds(`name,eventId\nonly-a-name\n${'n'},${a}\n`, { fileName: 'e.csv' });
    expect(result.ids).toEqual([a]);
    expect(result.malformed[0]).toMatchObject({
      line: 2,
      reason: 'has no eventId field (the row is too short)',
    });
  });

  it('gives line numbers of rows that follow a multi-line quoted field', () => {
    const csv = `notes,eventId\n"one\ntwo\nthree",${a}\nx,bad/one\n`;
    const result = parseEventIds(csv, { fileName: 'e.csv' });
    expect(result.malformed[0]).toMatchObject({ token: 'bad/one', line: 5 });
  });

  it('reports an unclosed quote instead of taking the rest of the file as one field', () => {
    const csv = `eventId,notes\n${a},ok\n${b},"never closed\n${c},more\n`;
    const result = parseEventIds(csv, { fileName: 'e.csv' });
    expect(result.ids).toEqual([a]);
    expect(result.malformed[0]).toMatchObject({ line: 3, reason: 'has a quoted field that is never closed' });
  });

  it('says there are no IDs when the CSV has a header only', () => {
    const result = parseEventIds('eventId\r\n', { fileName: 'e.csv' });
    expect(result.error?.code).toBe('NO_IDS');
  });
});
