/** The case list's columns; each sorts server-side by its key (`srtKey`). */
import type { SortDir, SortKey } from '../../../src-shared/domain/case.js';

export interface CaseColumn {
  key: SortKey;
  label: string;
  /** The direction of the first click: newest or highest first for dates and numbers. */
  firstDir: SortDir;
}

export const CASE_COLUMNS: readonly CaseColumn[] = [
  { key: 'number', label: 'Number', firstDir: 'desc' },
  { key: 'name', label: 'Name', firstDir: 'asc' },
  { key: 'status', label: 'Status', firstDir: 'asc' },
  { key: 'assigneeUsername', label: 'Assignee', firstDir: 'asc' },
  { key: 'subjectUsername', label: 'Subject', firstDir: 'asc' },
  { key: 'createdAt', label: 'Created', firstDir: 'desc' },
  { key: 'updatedAt', label: 'Updated', firstDir: 'desc' },
  { key: 'archivalTime', label: 'Archival', firstDir: 'desc' },
];
