/**
 * The saved state of a bulk export, `<dataDir>/exports/jobs/<jobId>.json`: enough to show the job
 * after a restart, resume its unfinished items, retry its failed ones and rewrite its manifest.
 * Read back through a schema, so a damaged or foreign file is refused rather than half-trusted.
 */
import { z } from 'zod';
import {
  EXPORT_CONCURRENCY,
  EXPORT_ITEM_STATES,
  EXPORT_JOB_STATES,
  EXPORT_KINDS,
} from '../../../src-shared/domain/exports.js';
import { isErrorCode } from '../../../src-shared/domain/problems.js';
import type { ErrorCode } from '../../../src-shared/domain/problems.js';

export const JOB_RECORD_VERSION = 1;

/** `export-<uuid>`: the only shape accepted as a job ID (it becomes a file name). */
export const JOB_ID_PATTERN = /^export-[a-f0-9-]{8,64}$/u;

/** A code this version does not know (a file from a newer app) reads as UNKNOWN, keeping the sentence. */
const errorCode = z.string().transform((code): ErrorCode => (isErrorCode(code) ? code : 'UNKNOWN'));

const exportError = z.object({ code: errorCode, message: z.string() });

export const itemRecordSchema = z.object({
  caseNumber: z.int().min(1),
  caseName: z.string().nullable(),
  /** It came from a list filter: if it is gone by its turn, it was deleted meanwhile (skipped). */
  listed: z.boolean(),
  state: z.enum(EXPORT_ITEM_STATES),
  /** The saved file's name in the job's folder (done items). */
  fileName: z.string().nullable(),
  bytes: z.int().min(0).nullable(),
  sha256: z
    .string()
    .regex(/^[a-f0-9]{64}$/u)
    .nullable(),
  error: exportError.nullable(),
  /** How many times the item was started. */
  attempts: z.int().min(0),
  finishedAt: z.string().nullable(),
});

export const jobRecordSchema = z.object({
  version: z.literal(JOB_RECORD_VERSION),
  jobId: z.string().regex(JOB_ID_PATTERN),
  profileKey: z.string(),
  profileLabel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  folder: z.string().min(1),
  kind: z.enum(EXPORT_KINDS),
  parts: z.object({ summary: z.boolean(), fileEvents: z.boolean(), files: z.boolean() }).nullable(),
  concurrency: z.int().min(EXPORT_CONCURRENCY.min).max(EXPORT_CONCURRENCY.max),
  state: z.enum(EXPORT_JOB_STATES),
  manifest: z
    .object({
      /** The manifest's file names in the folder, once claimed (never another job's manifest). */
      jsonName: z.string().nullable(),
      csvName: z.string().nullable(),
      writtenAt: z.string().nullable(),
      error: exportError.nullable(),
    })
    .nullable(),
  items: z.array(itemRecordSchema),
});

export type ExportItemRecord = z.infer<typeof itemRecordSchema>;
export type ExportJobRecord = z.infer<typeof jobRecordSchema>;
