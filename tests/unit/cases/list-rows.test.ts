// The list's pure row and selection operations, and the window of rows in the DOM.
import { describe, expect, it } from 'vitest';
import { toListItem } from '../../../src-shared/domain/case-rows.js';
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import {
  keptIn,
  NO_CASES,
  onlyNew,
  toggled,
  withCase,
  withoutCases,
  withRange,
} from '../../../src-renderer/features/cases/list-rows.js';
import { windowRange } from '../../../src-renderer/components/window-range.js';

function item(number: number, name = `Case ${number}`): CaseListItem {
  return {
    number,
    name,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: null,
    status: 'OPEN',
    archivalTime: null,
    assignee: null,
    assigneeUsername: null,
    subjectUsername: null,
    lastModifiedByUsername: null,
    createdByUsername: null,
  };
}

describe('rows', () => {
  it('lets each case through once across pages', () => {
    const fresh = onlyNew();
    expect(fresh([item(1), item(2)]).map((c) => c.number)).toEqual([1, 2]);
    expect(fresh([item(2), item(3), item(3)]).map((c) => c.number)).toEqual([3]);
  });

  it('replaces a changed case in place, keeping the array when it is not listed', () => {
    const rows = [item(1), item(2), item(3)];
    const changed = withCase(rows, {
      ...item(2, 'Renamed'),
      description: 'd',
      findings: null,
      subject: null,
      createdByUserUid: null,
      lastModifiedByUserUid: null,
    });
    expect(changed.map((c) => c.name)).toEqual(['Case 1', 'Renamed', 'Case 3']);
    expect(changed[1]).toEqual(toListItem(item(2, 'Renamed')));
    expect(rows[1]?.name).toBe('Case 2');
    expect(withCase(rows, item(9))).toBe(rows);
    expect(withoutCases(rows, [1, 3]).map((c) => c.number)).toEqual([2]);
  });
});

describe('selection sets', () => {
  const numbers = [10, 20, 30, 40, 50];

  it('toggles, adds ranges in either direction, keeps only listed cases', () => {
    const one = toggled(NO_CASES, 20);
    expect([...one]).toEqual([20]);
    expect([...toggled(one, 20)]).toEqual([]);
    expect([...withRange(one, numbers, 3, 1)].sort()).toEqual([20, 30, 40]);
    expect([...withRange(NO_CASES, numbers, 0, 0)]).toEqual([10]);
    const kept = keptIn(new Set([10, 60]), numbers);
    expect([...kept]).toEqual([10]);
    const same = new Set([10, 20]);
    expect(keptIn(same, numbers)).toBe(same);
  });
});

describe('windowRange', () => {
  it('renders the rows in view and a few either side, within the list', () => {
    expect(windowRange(20_000, 34, 0, 340, 2)).toMatchObject({ start: 0, end: 13 });
    expect(windowRange(20_000, 34, 34 * 100, 340, 2)).toMatchObject({ start: 98, end: 113 });
    expect(windowRange(20_000, 34, 34 * 19_995, 340, 2)).toMatchObject({ start: 19_993, end: 20_000 });
    expect(windowRange(5, 34, 0, 340, 2)).toMatchObject({ start: 0, end: 5 });
    expect(windowRange(0, 34, 100, 340, 2)).toMatchObject({ start: 0, end: 0 });
  });

  it('leaves spacers for the rows before and after the window', () => {
    expect(windowRange(1000, 34, 34 * 100, 340, 2)).toEqual({
      start: 98,
      end: 113,
      padTop: 98 * 34,
      padBottom: (1000 - 113) * 34,
    });
  });

  it('draws a screenful before the scroller is measured', () => {
    expect(windowRange(1000, 34, 0, 0, 0).end).toBeGreaterThan(20);
  });
});
