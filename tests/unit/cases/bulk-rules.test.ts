// Which selected cases a bulk action changes, and which it skips with a plain sentence why.
import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../src-shared/domain/case.js';
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import { messageFor } from '../../../src-shared/domain/problems.js';
import {
  planFor,
  reasonCounts,
  skipReason,
  skipsByCase,
} from '../../../src-renderer/features/cases/bulk-rules.js';

const ANALYST = { id: '942564422882759874', name: 'analyst@example.com' };

function item(number: number, status: CaseStatus, assignee: string | null = null): CaseListItem {
  return {
    number,
    name: `Case ${number}`,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-02T00:00:00Z',
    status,
    archivalTime: null,
    assignee,
    assigneeUsername: assignee === null ? null : ANALYST.name,
    subjectUsername: null,
    lastModifiedByUsername: null,
    createdByUsername: null,
  };
}

describe('skipReason', () => {
  it('never skips a delete', () => {
    for (const status of ['OPEN', 'CLOSED', 'ARCHIVED'] as const) {
      expect(skipReason({ kind: 'delete' }, item(1, status))).toBeNull();
    }
  });

  it('skips closed and archived cases for an assignment, and cases already assigned so', () => {
    const assign = { kind: 'assign', assignee: ANALYST } as const;
    expect(skipReason(assign, item(1, 'OPEN'))).toBeNull();
    expect(skipReason(assign, item(1, 'CLOSED'))).toBe(messageFor('NO_EDITS_ONCE_CLOSED'));
    expect(skipReason(assign, item(1, 'ARCHIVED'))).toBe(messageFor('NO_EDITS_ONCE_ARCHIVED'));
    expect(skipReason(assign, item(1, 'OPEN', ANALYST.id))).toBe(`Already assigned to ${ANALYST.name}.`);
    expect(skipReason({ kind: 'assign', assignee: null }, item(1, 'OPEN'))).toBe('Already unassigned.');
    expect(skipReason({ kind: 'assign', assignee: null }, item(1, 'OPEN', ANALYST.id))).toBeNull();
  });

  it('allows closing and archiving open cases, archiving closed ones, never reopening', () => {
    const status = (s: CaseStatus) => ({ kind: 'status', status: s }) as const;
    expect(skipReason(status('CLOSED'), item(1, 'OPEN'))).toBeNull();
    expect(skipReason(status('ARCHIVED'), item(1, 'OPEN'))).toBeNull();
    expect(skipReason(status('ARCHIVED'), item(1, 'CLOSED'))).toBeNull();
    expect(skipReason(status('OPEN'), item(1, 'CLOSED'))).toBe('A closed case cannot be reopened.');
    expect(skipReason(status('CLOSED'), item(1, 'ARCHIVED'))).toBe(messageFor('NO_EDITS_ONCE_ARCHIVED'));
    expect(skipReason(status('CLOSED'), item(1, 'CLOSED'))).toBe('Already closed.');
    expect(skipReason(status('OPEN'), item(1, 'OPEN'))).toBe('Already open.');
  });
});

describe('planFor', () => {
  it('splits the cases in list order, and sums up the reasons', () => {
    const cases = [
      item(1, 'OPEN'),
      item(2, 'CLOSED'),
      item(3, 'OPEN'),
      item(4, 'CLOSED'),
      item(5, 'ARCHIVED'),
    ];
    const plan = planFor({ kind: 'assign', assignee: ANALYST }, cases);
    expect(plan.apply.map((c) => c.number)).toEqual([1, 3]);
    expect(plan.skip.map((s) => s.case.number)).toEqual([2, 4, 5]);
    expect(reasonCounts(plan.skip)).toEqual([
      [messageFor('NO_EDITS_ONCE_CLOSED'), 2],
      [messageFor('NO_EDITS_ONCE_ARCHIVED'), 1],
    ]);
    expect([...skipsByCase({ kind: 'assign', assignee: ANALYST }, cases).keys()]).toEqual([2, 4, 5]);
  });
});
