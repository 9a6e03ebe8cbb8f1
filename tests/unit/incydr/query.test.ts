import { describe, expect, it } from 'vitest';
import {
  actorQueryParams,
  caseQueryParams,
  fileEventQueryParams,
  formatInstant,
  formatInterval,
  fullExportParams,
  languageParams,
  OPEN_END,
  OPEN_START,
  userQueryParams,
} from '../../../src-main/core/incydr/query.js';
import { IncydrError } from '../../../src-main/core/incydr/errors.js';

describe('caseQueryParams', () => {
  it('sends nothing for an empty query', () => {
    expect(caseQueryParams().toString()).toBe('');
    expect(caseQueryParams({}).toString()).toBe('');
  });

  it('repeats status, srtKey and srtDir and encodes the interval', () => {
    const params = caseQueryParams({
      status: ['OPEN', 'CLOSED'],
      assignee: '942564422882759874',
      isAssigned: true,
      name: 'exfil & co',
      subject: '1058374412200119088',
      lastModifiedBy: 'u1',
      createdAt: { start: '2022-08-09T00:00:00.000000Z', end: '2022-08-11' },
      updatedAt: { start: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), end: '2024-01-03T00:00:00+02:00' },
      pgNum: 2,
      pgSize: 10,
      srtKey: ['status', 'number'],
      srtDir: ['desc', 'asc'],
    });
    expect(params.getAll('status')).toEqual(['OPEN', 'CLOSED']);
    expect(params.getAll('srtKey')).toEqual(['status', 'number']);
    expect(params.getAll('srtDir')).toEqual(['desc', 'asc']);
    expect(params.get('isAssigned')).toBe('true');
    expect(params.get('createdAt')).toBe('2022-08-09T00:00:00.000Z/2022-08-11T00:00:00.000Z');
    expect(params.get('updatedAt')).toBe('2024-01-02T03:04:05.006Z/2024-01-02T22:00:00.000Z');
    expect(params.toString()).toBe(
      'status=OPEN&status=CLOSED&assignee=942564422882759874&isAssigned=true&name=exfil+%26+co' +
        '&subject=1058374412200119088&lastModifiedBy=u1' +
        '&createdAt=2022-08-09T00%3A00%3A00.000Z%2F2022-08-11T00%3A00%3A00.000Z' +
        '&updatedAt=2024-01-02T03%3A04%3A05.006Z%2F2024-01-02T22%3A00%3A00.000Z' +
        '&pgNum=2&pgSize=10&srtKey=status&srtKey=number&srtDir=desc&srtDir=asc',
    );
  });

  it('spells false as false and omits undefined values', () => {
    const params = caseQueryParams({ isAssigned: false, name: undefined, status: [] });
    expect(params.toString()).toBe('isAssigned=false');
  });

  it('rejects page numbers that are not whole numbers', () => {
    expect(() => caseQueryParams({ pgNum: 1.5 })).toThrow(IncydrError);
    expect(() => caseQueryParams({ pgSize: Number.NaN })).toThrow(/pgSize/);
  });
});

describe('formatInstant', () => {
  it('normalises Dates and ISO strings of any precision to milliseconds in UTC', () => {
    expect(formatInstant(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(formatInstant('2024-03-05T14:02:11.482917Z')).toBe('2024-03-05T14:02:11.482Z');
    expect(formatInstant('2024-03-05T14:02:11Z')).toBe('2024-03-05T14:02:11.000Z');
    expect(formatInstant('2024-03-05T14:02Z')).toBe('2024-03-05T14:02:00.000Z');
    expect(formatInstant('2024-03-05')).toBe('2024-03-05T00:00:00.000Z');
    expect(formatInstant('2024-03-05T14:02:11.5-0130')).toBe('2024-03-05T15:32:11.500Z');
    // No zone: read as UTC, whatever the machine's time zone.
    expect(formatInstant('2024-03-05T14:02:11')).toBe('2024-03-05T14:02:11.000Z');
  });

  it('rejects text that is not an ISO date-time', () => {
    for (const bad of [
      'yesterday',
      '03/05/2024',
      '2024-02-30',
      '2024-13-01',
      '',
      'Tue, 05 Mar 2024 10:00:00 GMT',
    ]) {
      expect(() => formatInstant(bad), bad).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
    expect(() => formatInstant(new Date(Number.NaN))).toThrow(IncydrError);
  });
});

describe('formatInterval', () => {
  it('joins start and end with a slash', () => {
    expect(formatInterval({ start: '2020-08-31T11:00:00Z', end: '2020-09-01T15:30:00Z' })).toBe(
      '2020-08-31T11:00:00.000Z/2020-09-01T15:30:00.000Z',
    );
  });

  it('fills an open end with the widest instant', () => {
    expect(formatInterval({ start: '2020-01-01', end: '' })).toBe(`2020-01-01T00:00:00.000Z/${OPEN_END}`);
    expect(formatInterval({ end: '2020-01-01' })).toBe(`${OPEN_START}/2020-01-01T00:00:00.000Z`);
  });

  it('rejects a range open at both ends', () => {
    expect(() => formatInterval({ start: '', end: null })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});

describe('other query strings', () => {
  it('file events: pgNum, pgSize, archiveId', () => {
    expect(fileEventQueryParams({ pgNum: 1, pgSize: 100 }).toString()).toBe('pgNum=1&pgSize=100');
    expect(fileEventQueryParams({ archiveId: 'a b' }).toString()).toBe('archiveId=a+b');
    expect(fileEventQueryParams().toString()).toBe('');
  });

  it('users: the SDK lookup by email', () => {
    expect(userQueryParams({ username: 'j.doe@example.com', page: 1, pageSize: 100 }).toString()).toBe(
      'username=j.doe%40example.com&page=1&pageSize=100',
    );
    expect(userQueryParams({ active: true, blocked: false }).toString()).toBe('active=true&blocked=false');
  });

  it('actors: name filters and paging', () => {
    expect(actorQueryParams({ nameStartsWith: 'j', active: false, page: 2, pageSize: 50 }).toString()).toBe(
      'nameStartsWith=j&active=false&page=2&pageSize=50',
    );
    expect(actorQueryParams({ nameEndsWith: '@example.com' }).toString()).toBe('nameEndsWith=%40example.com');
  });

  it('full export: all three parts always sent, true by default', () => {
    expect(fullExportParams({}).toString()).toBe('summary=true&fileEvents=true&files=true');
    expect(fullExportParams({ files: false, language: 'de' }).toString()).toBe(
      'summary=true&fileEvents=true&files=false&language=de',
    );
  });

  it('summary: language only when given', () => {
    expect(languageParams().toString()).toBe('');
    expect(languageParams('fr').toString()).toBe('language=fr');
  });
});
