/**
 * Runtime schemas for everything the renderer may send to main. Main parses every input with these
 * before a handler sees it; strict objects reject unknown keys, so a typo fails loudly.
 */
import { z } from 'zod';
import { CASE_STATUSES, LIMITS, SORT_DIRS, SORT_KEYS } from '../domain/case.js';

export const caseNumber = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
/** User UIDs, actor IDs: long digit strings in practice, kept as strings; bounded, printable. */
export const personId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.@:-]+$/, 'not a valid ID');
export const eventId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'not a valid event ID');
export const isoDateTime = z.iso.datetime({ offset: true });
export const caseStatus = z.enum(CASE_STATUSES);

export const dateRange = z.strictObject({ start: isoDateTime, end: isoDateTime });

export const caseQuery = z.strictObject({
  status: z.array(caseStatus).max(3).optional(),
  assignee: personId.optional(),
  isAssigned: z.boolean().optional(),
  name: z.string().max(LIMITS.nameLength).optional(),
  subject: personId.optional(),
  lastModifiedBy: personId.optional(),
  createdAt: dateRange.optional(),
  updatedAt: dateRange.optional(),
  pgNum: z.int().min(1).optional(),
  pgSize: z.int().min(1).max(10_000).optional(),
  srtKey: z.array(z.enum(SORT_KEYS)).max(SORT_KEYS.length).optional(),
  srtDir: z.array(z.enum(SORT_DIRS)).max(SORT_KEYS.length).optional(),
});

const name = z.string().trim().min(1).max(LIMITS.nameLength);
const description = z.string().max(LIMITS.descriptionLength).nullable();
const findings = z.string().max(LIMITS.findingsLength).nullable();

export const caseCreate = z.strictObject({
  name,
  description: description.optional(),
  findings: findings.optional(),
  subject: personId.nullable().optional(),
  assignee: personId.nullable().optional(),
});

export const caseChanges = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  findings: findings.optional(),
  subject: personId.nullable().optional(),
  assignee: personId.nullable().optional(),
  status: caseStatus.optional(),
});

export const exportParts = z.strictObject({
  summary: z.boolean(),
  fileEvents: z.boolean(),
  files: z.boolean(),
});

/** A folder the investigator chose in the native picker; the renderer only ever holds its handle. */
export const folderId = z.string().regex(/^folder-[a-f0-9-]{8,64}$/, 'not a folder handle');

export const downloadRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('zip'),
    caseNumber,
    folderId,
    parts: exportParts.refine((p) => p.summary || p.fileEvents || p.files, 'choose at least one part'),
  }),
  z.strictObject({ kind: z.literal('pdf'), caseNumber, folderId, language: z.string().max(10).optional() }),
  z.strictObject({ kind: z.literal('csv'), caseNumber, folderId }),
  z.strictObject({ kind: z.literal('source'), caseNumber, folderId, eventId }),
]);

export const connectRequest = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }).max(500),
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().min(1).max(1000),
});
