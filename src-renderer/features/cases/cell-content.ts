/** What each cell of a case-list row shows, and its tooltip. Pure, so it runs in Node's tests too. */
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import type { CaseColumn } from './columns.js';
import { dateText, dateTitle } from './date-cells.js';

export interface CellContent {
  text: string;
  /** The instant of a date cell (its `<time datetime>`). */
  datetime?: string;
  /** A placeholder ("—", "Unassigned") rather than a value. */
  muted?: boolean;
}

/** What a cell shows. The status column shows a badge instead (drawn by the grid). */
export function cellContent(item: CaseListItem, column: CaseColumn): CellContent {
  switch (column.kind) {
    case 'number':
      return { text: String(item.number) };
    case 'status':
      return { text: '' };
    case 'date': {
      const value = item[column.key as 'createdAt' | 'updatedAt' | 'archivalTime'];
      if (!value) return { text: '—', muted: true };
      return { text: dateText(value), datetime: value };
    }
    default: {
      const value = item[column.key as 'name' | 'assigneeUsername'];
      if (value) return { text: value };
      return { text: column.key === 'assigneeUsername' ? 'Unassigned' : '—', muted: true };
    }
  }
}

/** A cell's tooltip: the whole text (it may be cut short); for dates the full local and UTC time. */
export function cellTitle(item: CaseListItem, column: CaseColumn): string | undefined {
  if (column.kind === 'number' || column.kind === 'status') return undefined;
  const value = item[column.key as 'name' | 'createdAt'];
  if (!value) return undefined;
  return column.kind === 'date' ? dateTitle(value) : value;
}
