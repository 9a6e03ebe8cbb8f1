/**
 * What a bulk action does to each selected case, and which cases it leaves alone and why: closed and
 * archived cases cannot be changed (archiving a closed case is the one exception), and a case that is
 * already as asked needs no request. Pure, so the dialog can say "3 will be skipped" before the run.
 */
import type { CaseStatus } from '../../../src-shared/domain/case.js';
import type { CaseListItem } from '../../../src-shared/domain/case-rows.js';
import { messageFor } from '../../../src-shared/domain/problems.js';
import type { PersonRef } from '../../../src-shared/domain/views.js';

export type BulkAction =
  | { kind: 'assign'; assignee: PersonRef | null }
  | { kind: 'status'; status: CaseStatus }
  | { kind: 'delete' };

/** Cases changed at once: enough to be quick, few enough not to crowd the server. */
export const BULK_CONCURRENCY = 4;

const STATUS_WORDS: Record<CaseStatus, string> = { OPEN: 'open', CLOSED: 'closed', ARCHIVED: 'archived' };

/** Why `action` skips case `c`, as a plain sentence; null when it applies. */
export function skipReason(action: BulkAction, c: CaseListItem): string | null {
  switch (action.kind) {
    case 'delete':
      return null;
    case 'assign':
      if (c.status === 'ARCHIVED') return messageFor('NO_EDITS_ONCE_ARCHIVED');
      if (c.status === 'CLOSED') return messageFor('NO_EDITS_ONCE_CLOSED');
      if ((c.assignee ?? null) === (action.assignee?.id ?? null)) {
        return action.assignee ? `Already assigned to ${action.assignee.name}.` : 'Already unassigned.';
      }
      return null;
    case 'status':
      if (c.status === action.status) return `Already ${STATUS_WORDS[c.status]}.`;
      if (c.status === 'ARCHIVED') return messageFor('NO_EDITS_ONCE_ARCHIVED');
      if (c.status === 'CLOSED' && action.status === 'OPEN') return 'A closed case cannot be reopened.';
      return null;
  }
}

/** How an action reads in a sentence: "assign to j.doe@…", "close", "delete". */
export function actionVerb(action: BulkAction): string {
  switch (action.kind) {
    case 'assign':
      return action.assignee ? `Assign to ${action.assignee.name}` : 'Remove the assignee';
    case 'status':
      return action.status === 'OPEN' ? 'Reopen' : action.status === 'CLOSED' ? 'Close' : 'Archive';
    case 'delete':
      return 'Delete';
  }
}

/** The cases an action would change and those it would skip (with why). */
export function planFor(
  action: BulkAction,
  cases: readonly CaseListItem[],
): { apply: CaseListItem[]; skip: { case: CaseListItem; reason: string }[] } {
  const apply: CaseListItem[] = [];
  const skip: { case: CaseListItem; reason: string }[] = [];
  for (const c of cases) {
    const reason = skipReason(action, c);
    if (reason === null) apply.push(c);
    else skip.push({ case: c, reason });
  }
  return { apply, skip };
}

/** Why each skipped case is skipped, by case number. */
export function skipsByCase(action: BulkAction, cases: readonly CaseListItem[]): Map<number, string> {
  return new Map(planFor(action, cases).skip.map((s) => [s.case.number, s.reason]));
}

/** Each distinct reason to skip, with how many cases it covers, in first-seen order. */
export function reasonCounts(skip: readonly { reason: string }[]): [reason: string, count: number][] {
  const counts = new Map<string, number>();
  for (const s of skip) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts.entries()];
}
