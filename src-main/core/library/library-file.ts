/** `<dataDir>/library.json`: every file exported on this machine, read back through a schema. */
import { z } from 'zod';
import { LIBRARY_CHECK_STATUSES, LIBRARY_KINDS } from '../../../src-shared/domain/exports.js';
import type { LibraryEntry } from '../../../src-shared/domain/exports.js';

export const LIBRARY_FILE_NAME = 'library.json';
export const LIBRARY_FILE_VERSION = 1;

export const ENTRY_ID_PATTERN = /^entry-[a-f0-9-]{8,64}$/u;

export const libraryEntrySchema = z.object({
  entryId: z.string().regex(ENTRY_ID_PATTERN),
  profileKey: z.string(),
  profileLabel: z.string(),
  caseNumber: z.int().min(1),
  caseName: z.string().nullable(),
  kind: z.enum(LIBRARY_KINDS),
  eventId: z.string().nullable(),
  savedAt: z.string(),
  path: z.string().min(1),
  fileName: z.string().min(1),
  bytes: z.int().min(0),
  sha256: z.string().regex(/^[a-f0-9]{64}$/u),
  jobId: z.string().nullable(),
  lastCheck: z
    .object({
      status: z.enum(LIBRARY_CHECK_STATUSES),
      checkedAt: z.string(),
      bytes: z.int().min(0).nullable(),
    })
    .nullable(),
}) satisfies z.ZodType<LibraryEntry>;

export const libraryFileSchema = z.object({
  version: z.literal(LIBRARY_FILE_VERSION),
  entries: z.array(libraryEntrySchema),
});

export type LibraryFile = z.infer<typeof libraryFileSchema>;
