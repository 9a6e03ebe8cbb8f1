// The case list's compact wire format: what main encodes, the page decodes to the same list items.
import { describe, expect, it } from 'vitest';
import type { CaseSlim } from '../../../src-shared/domain/case.js';
import { decodeCaseRows, encodeCaseRows, toListItem } from '../../../src-shared/domain/case-rows.js';

function slim(number: number, overrides: Partial<CaseSlim> = {}): CaseSlim {
  return {
    number,
    name: `Case ${number}`,
    createdAt: '2024-03-05T14:02:11.482917Z',
    updatedAt: '2024-03-06T09:15:40.004512Z',
    subject: '1058374412200119088',
    subjectUsername: 'j.doe@example.com',
    status: 'OPEN',
    assignee: '942564422882759874',
    assigneeUsername: 'analyst@example.com',
    createdByUserUid: '942564422882759874',
    createdByUsername: 'analyst@example.com',
    lastModifiedByUserUid: '942564422882759874',
    lastModifiedByUsername: 'analyst@example.com',
    archivalTime: null,
    ...overrides,
  };
}

describe('case rows', () => {
  const cases = [
    slim(3),
    slim(2, {
      status: 'ARCHIVED',
      archivalTime: '2025-03-05T00:00:00Z',
      assignee: null,
      assigneeUsername: null,
    }),
    slim(1, { updatedAt: null, subject: null, subjectUsername: null, createdByUsername: null }),
  ];

  it('round-trips every field the list uses, in order', () => {
    const encoded = encodeCaseRows({ cases, totalCount: 40 });
    expect(encoded.totalCount).toBe(40);
    expect(decodeCaseRows(encoded)).toEqual(cases.map(toListItem));
  });

  it('sends each name once', () => {
    const encoded = encodeCaseRows({ cases, totalCount: 3 });
    expect(encoded.names).toEqual(['analyst@example.com', 'j.doe@example.com']);
    expect(JSON.stringify(encoded).length).toBeLessThan(JSON.stringify(cases).length / 2);
  });

  it('leaves out the IDs the list never shows', () => {
    const [item] = decodeCaseRows(encodeCaseRows({ cases: [slim(1)], totalCount: 1 }));
    expect(Object.keys(item!).sort()).toEqual(
      [
        'archivalTime',
        'assignee',
        'assigneeUsername',
        'createdAt',
        'createdByUsername',
        'lastModifiedByUsername',
        'name',
        'number',
        'status',
        'subjectUsername',
        'updatedAt',
      ].sort(),
    );
  });
});
