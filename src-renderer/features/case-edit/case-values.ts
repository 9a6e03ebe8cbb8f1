/**
 * A case's six editable fields as the editor holds them (people as picker options, empty text for
 * "none"), with the checks that stop a save the server would refuse and the diff that becomes the
 * `changes` of `cases.update`. Pure: no state, no API.
 */
import { LIMITS } from '../../../src-shared/domain/case.js';
import type { CaseDetail, CaseStatus } from '../../../src-shared/domain/case.js';
import { messageFor } from '../../../src-shared/domain/problems.js';
import type { PersonOption } from '../../components/person-search.svelte.js';
import { formatCount } from '../../lib/format.js';

export interface CaseValues {
  name: string;
  description: string;
  findings: string;
  subject: PersonOption | null;
  assignee: PersonOption | null;
  status: CaseStatus;
}

export type CaseField = keyof CaseValues;
export const CASE_FIELDS: readonly CaseField[] = [
  'name',
  'description',
  'findings',
  'subject',
  'assignee',
  'status',
];

export const FIELD_LABELS: Record<CaseField, string> = {
  name: 'Name',
  description: 'Description',
  findings: 'Findings',
  subject: 'Subject',
  assignee: 'Assignee',
  status: 'Status',
};

/** What `cases.update` / `cases.create` accept as changes (the contract's `caseChanges`). */
export interface CaseChanges {
  name?: string;
  description?: string | null;
  findings?: string | null;
  subject?: string | null;
  assignee?: string | null;
  status?: CaseStatus;
}

function person(id: string | null, name: string | null): PersonOption | null {
  return id === null ? null : { id, name: name ?? id };
}

export function valuesOf(detail: CaseDetail): CaseValues {
  return {
    name: detail.name,
    description: detail.description ?? '',
    findings: detail.findings ?? '',
    subject: person(detail.subject, detail.subjectUsername),
    assignee: person(detail.assignee, detail.assigneeUsername),
    status: detail.status,
  };
}

export const EMPTY_VALUES: CaseValues = {
  name: '',
  description: '',
  findings: '',
  subject: null,
  assignee: null,
  status: 'OPEN',
};

/** A field's value as the API takes it: trimmed name, null for empty text and nobody. */
export function apiValue(values: CaseValues, field: CaseField): string | null {
  switch (field) {
    case 'name':
      return values.name.trim();
    case 'description':
    case 'findings':
      return values[field] === '' ? null : values[field];
    case 'subject':
    case 'assignee':
      return values[field]?.id ?? null;
    case 'status':
      return values.status;
  }
}

export function sameValue(a: CaseValues, b: CaseValues, field: CaseField): boolean {
  return apiValue(a, field) === apiValue(b, field);
}

/** The fields of `mine` that differ from `base`, as API changes. */
export function changesBetween(base: CaseValues, mine: CaseValues): CaseChanges {
  const changes: Record<string, string | null> = {};
  for (const field of CASE_FIELDS) {
    if (!sameValue(base, mine, field)) changes[field] = apiValue(mine, field);
  }
  return changes as CaseChanges;
}

/** Every editable field with its value, for creating a case. */
export function createInput(values: CaseValues): {
  name: string;
  description: string | null;
  findings: string | null;
  subject: string | null;
  assignee: string | null;
} {
  return {
    name: values.name.trim(),
    description: apiValue(values, 'description'),
    findings: apiValue(values, 'findings'),
    subject: apiValue(values, 'subject'),
    assignee: apiValue(values, 'assignee'),
  };
}

export type TextField = 'name' | 'description' | 'findings';

export const TEXT_LIMITS: Record<TextField, number> = {
  name: LIMITS.nameLength,
  description: LIMITS.descriptionLength,
  findings: LIMITS.findingsLength,
};

/** The length the API counts: the name is sent trimmed. */
export function textLength(values: CaseValues, field: TextField): number {
  return field === 'name' ? values.name.trim().length : values[field].length;
}

export interface FieldProblem {
  field: TextField;
  message: string;
}

/** What the server would refuse about these values, field by field, before anything is sent. */
export function fieldProblems(values: CaseValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (values.name.trim() === '') problems.push({ field: 'name', message: messageFor('NAME_EMPTY') });
  for (const field of ['name', 'description', 'findings'] as const) {
    const length = textLength(values, field);
    const max = TEXT_LIMITS[field];
    if (length > max) {
      problems.push({
        field,
        message:
          `${FIELD_LABELS[field]} is ${formatCount(length)} characters, ${formatCount(length - max)} over ` +
          `the limit of ${formatCount(max)}. Shorten it to save.`,
      });
    }
  }
  return problems;
}

/** What a field shows in the comparison: text as it is, people by name, nothing as "(empty)". */
export function displayValue(values: CaseValues, field: CaseField): string {
  switch (field) {
    case 'subject':
    case 'assignee':
      return values[field]?.name ?? '';
    case 'name':
      return values.name.trim();
    default:
      return values[field];
  }
}

/** Loosely checks that `details.current` of a CASE_CHANGED error is a case. */
export function isCaseDetail(value: unknown): value is CaseDetail {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.number === 'number' && typeof v.name === 'string' && typeof v.status === 'string';
}
