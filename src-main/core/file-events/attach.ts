/**
 * Attaching many file events to a case with one result per ID (the app's and, later, the CLI's).
 * IDs go in batches of up to 1,000, one POST each. The API refuses a batch as a whole when any ID is
 * unknown or already on the case (incydr-api.md §2.10), so such a batch is sent again one ID at a time
 * to learn each ID's fate. Conditions that doom every later request too (a closed case, a full case,
 * refused credentials) stop the run: every ID not yet done fails with that code, unsent.
 */
import { messageFor } from '../../../src-shared/domain/problems.js';
import type { ErrorCode } from '../../../src-shared/domain/problems.js';
import type { AttachResult } from '../../../src-shared/ipc/contract.js';
import type { IncydrClient } from '../incydr/client.js';
import { isIncydrError } from '../incydr/errors.js';
import type { IncydrError } from '../incydr/errors.js';

/** IDs per batched POST. */
export const ATTACH_BATCH_SIZE = 1000;
/** Single-ID POSTs in flight at once while a refused batch is sorted out. */
const PARALLEL = 4;

/** A batch refused with one of these is sent again ID by ID. */
const PER_ID_FALLBACK = new Set<ErrorCode>(['CASE_ALREADY_HAS_EVENT', 'EVENT_NOT_FOUND']);
/** Nothing later can succeed after one of these. */
const STOPS_THE_RUN = new Set<ErrorCode>([
  'CASE_IS_CLOSED',
  'NO_EDITS_ONCE_CLOSED',
  'NO_EDITS_ONCE_ARCHIVED',
  'TOO_MANY_EVENTS',
  'NOT_FOUND', // from the batch endpoint: the case itself is gone
  'AUTH_FAILED',
  'FORBIDDEN',
  'CANCELLED',
]);

/** Called after every batch and every single-ID result: IDs with a result so far, of all IDs. */
export type AttachProgress = (done: number, total: number) => void;

/** What attaching needs of the client (the real IncydrClient satisfies it). */
export type AttachClient = Pick<IncydrClient, 'addFileEvents' | 'addFileEvent'>;

/**
 * Attaches `eventIds` to case `caseNumber` and resolves with one result per distinct ID (repeats are
 * sent once), in input order. Every API or network failure becomes a result; only a bug throws.
 */
export async function attachEvents(
  client: AttachClient,
  caseNumber: number,
  eventIds: readonly string[],
  onProgress?: AttachProgress,
): Promise<AttachResult[]> {
  const ids = distinctTrimmed(eventIds);
  const results: AttachResult[] = [];
  let done = 0;
  const tick = (count: number): void => {
    done += count;
    onProgress?.(done, ids.length);
  };
  let stopped: IncydrError | undefined;

  for (let start = 0; start < ids.length; start += ATTACH_BATCH_SIZE) {
    const batch = ids.slice(start, start + ATTACH_BATCH_SIZE);
    if (stopped !== undefined) {
      const reason = stopped;
      results.push(...batch.map((id) => failed(id, reason)));
      tick(batch.length);
      continue;
    }
    try {
      await client.addFileEvents(caseNumber, batch);
      results.push(...batch.map((eventId): AttachResult => ({ eventId, status: 'attached' })));
      tick(batch.length);
    } catch (error) {
      const refusal = asIncydrError(error);
      if (PER_ID_FALLBACK.has(refusal.code)) {
        const outcome = await attachOneByOne(client, caseNumber, batch, () => tick(1));
        results.push(...outcome.results);
        stopped = outcome.stopped;
      } else {
        // A network failure may or may not have landed the batch; it is reported failed, with why.
        results.push(...batch.map((id) => failed(id, refusal)));
        tick(batch.length);
        if (STOPS_THE_RUN.has(refusal.code)) stopped = refusal;
      }
    }
  }
  return results;
}

/** One POST per ID, a few at a time; results in batch order. */
async function attachOneByOne(
  client: AttachClient,
  caseNumber: number,
  batch: readonly string[],
  onResult: () => void,
): Promise<{ results: AttachResult[]; stopped?: IncydrError }> {
  const results = new Array<AttachResult>(batch.length);
  let stopped: IncydrError | undefined;
  let next = 0;

  const attachOne = async (eventId: string): Promise<AttachResult> => {
    if (stopped !== undefined) return failed(eventId, stopped);
    try {
      await client.addFileEvent(caseNumber, eventId);
      return { eventId, status: 'attached' };
    } catch (error) {
      const refusal = asIncydrError(error);
      if (refusal.code === 'CASE_ALREADY_HAS_EVENT') return outcome(eventId, 'already-attached', refusal);
      // The single-ID path may answer a plain 404 for an unknown event.
      if (refusal.code === 'EVENT_NOT_FOUND' || refusal.code === 'NOT_FOUND') {
        return outcome(eventId, 'not-found', refusal);
      }
      if (STOPS_THE_RUN.has(refusal.code)) stopped ??= refusal;
      return failed(eventId, refusal);
    }
  };
  const worker = async (): Promise<void> => {
    while (next < batch.length) {
      const index = next++;
      results[index] = await attachOne(batch[index] as string);
      onResult();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, worker));
  return stopped === undefined ? { results } : { results, stopped };
}

/** The IDs trimmed, without blanks and repeats, in first-seen order (one pass: 10,000 IDs is common). */
function distinctTrimmed(eventIds: readonly string[]): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const raw of eventIds) {
    const id = raw.trim();
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

function outcome(eventId: string, status: AttachResult['status'], error: IncydrError): AttachResult {
  return { eventId, status, code: error.code, message: messageFor(error.code) };
}

function failed(eventId: string, error: IncydrError): AttachResult {
  return outcome(eventId, 'failed', error);
}

function asIncydrError(error: unknown): IncydrError {
  if (isIncydrError(error)) return error;
  throw error; // not an API or network failure: a bug, which must not pass for a per-ID result
}
