/**
 * Bulk export jobs on disk, one file per job in `<dataDir>/exports/jobs/`, each written atomically, so
 * a job survives a restart (or a crash) and its unfinished items can be offered for resumption.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import { writeFileAtomic } from '../atomic-file.js';
import { JOB_ID_PATTERN, jobRecordSchema } from './job-record.js';
import type { ExportJobRecord } from './job-record.js';

export class ExportJobStore {
  readonly folder: string;
  private readonly logger: Logger;

  constructor(dataDir: string, options: { logger?: Logger } = {}) {
    this.folder = path.join(dataDir, 'exports', 'jobs');
    this.logger = options.logger ?? silentLogger;
  }

  /** Writes the job's file (old or new content for a reader, never a mix). */
  async save(record: ExportJobRecord): Promise<void> {
    await writeFileAtomic(this.pathOf(record.jobId), `${JSON.stringify(record, null, 1)}\n`);
  }

  /** The saved job; undefined when there is none (or it cannot be read, which is logged). */
  async load(jobId: string): Promise<ExportJobRecord | undefined> {
    if (!JOB_ID_PATTERN.test(jobId)) return undefined;
    let text: string;
    try {
      text = await readFile(this.pathOf(jobId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return this.parse(text, jobId);
  }

  /** Every readable saved job, newest first. */
  async list(): Promise<ExportJobRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const records: ExportJobRecord[] = [];
    for (const name of names) {
      const jobId = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!JOB_ID_PATTERN.test(jobId)) continue; // temp files and strangers
      const record = await this.load(jobId).catch((error: unknown) => {
        this.logger.warn('could not read a saved export job', { jobId, error });
        return undefined;
      });
      if (record) records.push(record);
    }
    return records.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async remove(jobId: string): Promise<void> {
    if (!JOB_ID_PATTERN.test(jobId)) return;
    await rm(this.pathOf(jobId), { force: true });
  }

  private pathOf(jobId: string): string {
    if (!JOB_ID_PATTERN.test(jobId)) throw new Error(`Not a job ID: ${jobId}`);
    return path.join(this.folder, `${jobId}.json`);
  }

  private parse(text: string, jobId: string): ExportJobRecord | undefined {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.logger.warn('a saved export job is not JSON; it is ignored', { jobId });
      return undefined;
    }
    const parsed = jobRecordSchema.safeParse(value);
    if (!parsed.success || parsed.data.jobId !== jobId) {
      this.logger.warn('a saved export job has an unexpected shape; it is ignored', { jobId });
      return undefined;
    }
    return parsed.data;
  }
}
