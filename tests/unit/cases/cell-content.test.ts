// What each cell of a case-list row shows and what its tooltip says (the DOM writing itself is
// covered by the browser tests of the case list).
import { describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import { columnFor } from '../../../src-renderer/features/cases/columns.js';
import { cellContent, cellTitle } from '../../../src-renderer/features/cases/cell-content.js';
import { formatLocalDate } from '../../../src-renderer/lib/format.js';

const CASE: CaseListItem = {
  number: 42,
  name: 'Roadmap deck sent externally — a very long name that the column cuts short',
  createdAt: '2024-03-12T09:30:00.123Z',
  updatedAt: '2024-03-14T17:05:00Z',
  status: 'OPEN',
  archivalTime: null,
  assignee: null,
  assigneeUsername: null,
  subjectUsername: 'sam.khan@example.com',
  lastModifiedByUsername: null,
  createdByUsername: null,
};

describe('cellContent', () => {
  it('shows the number, the name and people as they are', () => {
    expect(cellContent(CASE, columnFor('number'))).toEqual({ text: '42' });
    expect(cellContent(CASE, columnFor('name'))).toEqual({ text: CASE.name });
    expect(cellContent(CASE, columnFor('subjectUsername'))).toEqual({ text: 'sam.khan@example.com' });
  });

  it('shows the local day of a date, with its instant for the time element', () => {
    expect(cellContent(CASE, columnFor('createdAt'))).toEqual({
      text: formatLocalDate(CASE.createdAt),
      datetime: CASE.createdAt,
    });
  });

  it('mutes a missing value: Unassigned for the assignee, a dash elsewhere', () => {
    expect(cellContent(CASE, columnFor('assigneeUsername'))).toEqual({ text: 'Unassigned', muted: true });
    expect(cellContent(CASE, columnFor('archivalTime'))).toEqual({ text: '—', muted: true });
    expect(cellContent(CASE, columnFor('lastModifiedByUsername'))).toEqual({ text: '—', muted: true });
  });
});

describe('cellTitle', () => {
  it('gives the whole text of a text cell, which the column may cut short', () => {
    expect(cellTitle(CASE, columnFor('name'))).toBe(CASE.name);
    expect(cellTitle(CASE, columnFor('subjectUsername'))).toBe('sam.khan@example.com');
  });

  it('gives a date its full local time and its UTC instant', () => {
    const title = cellTitle(CASE, columnFor('createdAt'));
    expect(title).toContain('2024-03-12T09:30:00.123Z (UTC)');
    expect(title).toContain(' — ');
  });

  it('gives nothing for the number, the status or a missing value', () => {
    expect(cellTitle(CASE, columnFor('number'))).toBeUndefined();
    expect(cellTitle(CASE, columnFor('status'))).toBeUndefined();
    expect(cellTitle(CASE, columnFor('archivalTime'))).toBeUndefined();
    expect(cellTitle(CASE, columnFor('assigneeUsername'))).toBeUndefined();
  });
});
