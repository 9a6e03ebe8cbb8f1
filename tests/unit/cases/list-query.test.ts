// From the list's filters and sort (what a saved view holds) to the server's query.
import { describe, expect, it } from 'vitest';
import { emptyFilters } from '../../../src-shared/domain/views.js';
import type { ViewFilters, ViewSpec } from '../../../src-shared/domain/views.js';
import {
  countFilters,
  dayEnd,
  dayStart,
  intervalFor,
  OPEN_END,
  OPEN_START,
  queryFor,
  rangeProblem,
  sameSpec,
} from '../../../src-renderer/features/cases/list-query.js';

const ANALYST = { id: '942564422882759874', name: 'analyst@example.com' };
const SUBJECT = { id: '1058374412200119088', name: 'j.doe@example.com' };

describe('local days as instants', () => {
  it('starts a day at local midnight and ends it at its last millisecond', () => {
    expect(dayStart('2024-03-05')).toBe(new Date(2024, 2, 5).toISOString());
    expect(dayEnd('2024-03-05')).toBe(new Date(2024, 2, 5, 23, 59, 59, 999).toISOString());
  });

  it('refuses what is not a calendar day', () => {
    for (const bad of ['2024-02-30', '2024-13-01', '24-03-05', '2024-3-5', '', 'yesterday']) {
      expect(dayStart(bad), bad).toBeNull();
      expect(dayEnd(bad), bad).toBeNull();
    }
    expect(dayStart('2024-02-29')).not.toBeNull();
  });

  it('says when a range ends before it starts, and leaves an open end open', () => {
    expect(rangeProblem({ from: '2024-03-05', to: '2024-03-04' })).toBe(
      'The end date is before the start date.',
    );
    expect(rangeProblem({ from: '2024-03-05', to: '2024-03-05' })).toBeNull();
    expect(rangeProblem({ from: '2024-02-31', to: null })).toBe('The start date is not a valid date.');
    expect(intervalFor({ from: null, to: null })).toBeUndefined();
    expect(intervalFor({ from: '2024-03-05', to: '2024-03-04' })).toBeUndefined();
    expect(intervalFor({ from: '2024-03-05', to: null })).toEqual({
      start: dayStart('2024-03-05'),
      end: OPEN_END,
    });
    expect(intervalFor({ from: null, to: '2024-03-05' })).toEqual({
      start: OPEN_START,
      end: dayEnd('2024-03-05'),
    });
  });
});

describe('queryFor', () => {
  it('sends only the filters that are set, with the sort', () => {
    expect(queryFor(emptyFilters(), { key: 'number', dir: 'desc' })).toEqual({
      srtKey: ['number'],
      srtDir: ['desc'],
    });
  });

  it('maps every filter to its API parameter, people by ID', () => {
    const filters: ViewFilters = {
      statuses: ['OPEN', 'ARCHIVED'],
      name: '  exfil ',
      assignee: ANALYST,
      unassigned: false,
      subject: SUBJECT,
      lastModifiedBy: ANALYST,
      created: { from: '2024-01-01', to: '2024-01-31' },
      updated: { from: null, to: '2024-02-29' },
    };
    expect(queryFor(filters, { key: 'archivalTime', dir: 'asc' })).toEqual({
      status: ['OPEN', 'ARCHIVED'],
      name: 'exfil',
      assignee: ANALYST.id,
      subject: SUBJECT.id,
      lastModifiedBy: ANALYST.id,
      createdAt: { start: dayStart('2024-01-01'), end: dayEnd('2024-01-31') },
      updatedAt: { start: OPEN_START, end: dayEnd('2024-02-29') },
      srtKey: ['archivalTime'],
      srtDir: ['asc'],
    });
  });

  it('sends "unassigned" as isAssigned=false, never with an assignee', () => {
    const query = queryFor(
      { ...emptyFilters(), unassigned: true, assignee: ANALYST },
      { key: 'name', dir: 'asc' },
    );
    expect(query.isAssigned).toBe(false);
    expect(query.assignee).toBeUndefined();
  });

  it('counts the filters set, statuses as one', () => {
    expect(countFilters(emptyFilters())).toBe(0);
    expect(countFilters({ ...emptyFilters(), statuses: ['OPEN', 'CLOSED'], subject: SUBJECT })).toBe(2);
    expect(countFilters({ ...emptyFilters(), updated: { from: null, to: '2024-01-01' } })).toBe(1);
  });
});

describe('sameSpec', () => {
  const spec: ViewSpec = {
    filters: { ...emptyFilters(), statuses: ['OPEN', 'CLOSED'], assignee: ANALYST },
    sort: { key: 'updatedAt', dir: 'desc' },
    columns: ['number', 'name', 'status'],
  };

  it('ignores the order of statuses and columns and the names of people', () => {
    const reordered: ViewSpec = {
      ...spec,
      filters: { ...spec.filters, statuses: ['CLOSED', 'OPEN'], assignee: { ...ANALYST, name: 'renamed' } },
      columns: ['status', 'name', 'number'],
    };
    expect(sameSpec(spec, reordered)).toBe(true);
  });

  it('sees any other change', () => {
    expect(sameSpec(spec, { ...spec, sort: { key: 'updatedAt', dir: 'asc' } })).toBe(false);
    expect(sameSpec(spec, { ...spec, columns: ['number', 'name'] })).toBe(false);
    expect(sameSpec(spec, { ...spec, filters: { ...spec.filters, name: 'x' } })).toBe(false);
    expect(
      sameSpec(spec, { ...spec, filters: { ...spec.filters, created: { from: '2024-01-01', to: null } } }),
    ).toBe(false);
  });
});
