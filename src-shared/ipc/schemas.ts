/**
 * Runtime schemas for everything the renderer may send to main. Main parses every input with these
 * before a handler sees it; strict objects reject unknown keys, so a typo fails loudly.
 */
import { z } from 'zod';
import { CASE_STATUSES, LIMITS, SORT_DIRS, SORT_KEYS } from '../domain/case.js';
import {
  EXPORT_CONCURRENCY,
  EXPORT_ITEMS_PAGE_MAX,
  EXPORT_KINDS,
  EXPORT_MAX_CASES,
} from '../domain/exports.js';
import { CASE_COLUMN_KEYS, REQUIRED_COLUMNS, VIEW_LIMITS } from '../domain/views.js';
import { DEMO_PROFILE_ID } from '../domain/profile.js';
import { REGION_NAMES } from '../domain/regions.js';
import { isValidEventId } from '../event-ids/validate.js';

export const caseNumber = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
/** User UIDs, actor IDs: long digit strings in practice, kept as strings; bounded, printable. */
export const personId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.@:-]+$/, 'not a valid ID');
const EVENT_ID_MESSAGE = 'not a valid event ID';
/** One event ID, by the same rule the event-ID parser applies (non-empty, bounded, a safe alphabet). */
export const eventId = z.string().refine(isValidEventId, EVENT_ID_MESSAGE);
/**
 * Up to a case's cap of event IDs in one request. The IDs are checked in one pass rather than with a
 * schema per element: at 10,000 IDs zod's per-element checks cost 4–7 ms, the loop about 1 ms, and
 * attaching is measured against raw HTTP (issue 5). Each bad ID is still an issue at its own index.
 */
export const eventIdList = z
  .array(z.string())
  .min(1)
  .max(LIMITS.eventsPerCase)
  .superRefine((ids, ctx) => {
    for (let i = 0; i < ids.length; i++) {
      if (!isValidEventId(ids[i] as string)) {
        ctx.addIssue({ code: 'custom', message: EVENT_ID_MESSAGE, path: [i], input: ids[i] });
      }
    }
  });
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

// ── saved views of the case list ────────────────────────────────────────────────────────────────

/** A view's handle, made by main. */
export const viewId = z.string().regex(/^view-[a-f0-9-]{8,64}$/, 'not a view ID');

const personRef = z.strictObject({
  id: personId,
  name: z.string().trim().min(1).max(VIEW_LIMITS.personNameLength),
});

/** A local calendar day as a date input gives it. */
const day = z.iso.date();
const dayRange = z
  .strictObject({ from: day.nullable(), to: day.nullable() })
  .refine((r) => r.from === null || r.to === null || r.from <= r.to, 'the end date is before the start date');

const unique = <T>(items: readonly T[]): boolean => new Set(items).size === items.length;

export const viewFilters = z
  .strictObject({
    statuses: z.array(caseStatus).max(CASE_STATUSES.length).refine(unique, 'a status is listed twice'),
    name: z.string().max(LIMITS.nameLength),
    assignee: personRef.nullable(),
    unassigned: z.boolean(),
    subject: personRef.nullable(),
    lastModifiedBy: personRef.nullable(),
    created: dayRange,
    updated: dayRange,
  })
  .refine((f) => !(f.unassigned && f.assignee !== null), 'choose an assignee or "unassigned", not both');

export const viewSort = z.strictObject({ key: z.enum(SORT_KEYS), dir: z.enum(SORT_DIRS) });

export const viewColumns = z
  .array(z.enum(CASE_COLUMN_KEYS))
  .max(CASE_COLUMN_KEYS.length)
  .refine(unique, 'a column is listed twice')
  .refine((columns) => REQUIRED_COLUMNS.every((c) => columns.includes(c)), 'the number and name always show');

export const viewName = z.string().trim().min(1).max(VIEW_LIMITS.nameLength);

export const viewSave = z.strictObject({
  id: viewId.optional(),
  name: viewName,
  filters: viewFilters,
  sort: viewSort,
  columns: viewColumns,
});

// ── profiles (issue 4) ──────────────────────────────────────────────────────────────────────────
// Bounds only: main trims and checks each field and answers with a sentence naming the problem.

/** A saved profile's ID (a UUID made by main), or `demo` for the built-in demo workspace. */
export const profileId = z.union([z.literal(DEMO_PROFILE_ID), z.uuid()]);
const profileLabel = z.string().max(200);
const profileRegion = z.enum(REGION_NAMES);
const profileUrl = z.string().trim().min(1).max(500);
const profileClientId = z.string().max(256);
/** Sent once, to main, which keeps it in the keychain (or memory); never sent back. */
const profileSecret = z.string().min(1).max(4096);

const notBoth = (p: { region?: string | undefined; baseUrl?: string | undefined }): boolean =>
  p.region === undefined || p.baseUrl === undefined;
const NOT_BOTH = { message: 'Give a region or a URL, not both.', path: ['baseUrl'] };

export const profileAdd = z
  .strictObject({
    label: profileLabel,
    region: profileRegion.optional(),
    baseUrl: profileUrl.optional(),
    clientId: profileClientId,
    secret: profileSecret,
    /** Keep the secret in memory for this run only (no keychain, or the investigator's choice). */
    sessionOnly: z.boolean().optional(),
  })
  .refine(notBoth, NOT_BOTH)
  .refine((p) => p.region !== undefined || p.baseUrl !== undefined, {
    message: 'Choose a region or give the Incydr API URL.',
    path: ['region'],
  });

/** Leave a field out to keep it; leave `secret` out to keep the saved secret. */
export const profileUpdate = z
  .strictObject({
    profileId,
    label: profileLabel.optional(),
    region: profileRegion.optional(),
    baseUrl: profileUrl.optional(),
    clientId: profileClientId.optional(),
    secret: profileSecret.optional(),
    sessionOnly: z.boolean().optional(),
  })
  .refine(notBoth, NOT_BOTH);

// ── bulk exports and the export library ──────────────────────────────────────────────────────────

/** A bulk export job's handle, made by main. */
export const exportJobId = z.string().regex(/^export-[a-f0-9-]{8,64}$/, 'not an export job ID');
/** A library entry's handle, made by main. */
export const libraryEntryId = z.string().regex(/^entry-[a-f0-9-]{8,64}$/, 'not a library entry ID');

/** The case list's filters and sorts without paging: "export all cases that match". */
export const caseFilter = caseQuery.omit({ pgNum: true, pgSize: true });

export const exportItems = z.strictObject({
  jobId: exportJobId,
  offset: z.int().min(0).max(EXPORT_MAX_CASES),
  limit: z.int().min(1).max(EXPORT_ITEMS_PAGE_MAX),
});

export const exportStart = z
  .strictObject({
    selection: z.union([
      z.strictObject({ caseNumbers: z.array(caseNumber).min(1).max(EXPORT_MAX_CASES) }),
      z.strictObject({ query: caseFilter }),
    ]),
    kind: z.enum(EXPORT_KINDS),
    /** ZIP only; default all three parts. */
    parts: exportParts
      .refine((p) => p.summary || p.fileEvents || p.files, 'choose at least one part')
      .optional(),
    folderId,
    concurrency: z.int().min(EXPORT_CONCURRENCY.min).max(EXPORT_CONCURRENCY.max).optional(),
  })
  .refine((r) => r.kind === 'zip' || r.parts === undefined, {
    message: 'parts apply to ZIP exports only',
    path: ['parts'],
  });
