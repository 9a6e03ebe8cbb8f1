/**
 * Attaching and detaching many events with one result per ID. The API refuses a bulk attach as a whole
 * when any ID is unknown or already on the case (incydr-api.md §2.10), so a refused batch is retried
 * one ID at a time to learn which ID was the problem.
 */
import type { IncydrClient, IncydrError } from '../../core/incydr/index.js';
import { isIncydrError } from '../../core/incydr/index.js';
import { CliFailure } from '../errors.js';

export type IdOutcome = 'attached' | 'already on case' | 'not found' | 'removed' | 'not on case' | 'failed';

export interface IdResult {
  eventId: string;
  result: IdOutcome;
  /** Why it failed (the plain sentence of the error code). */
  message?: string;
}

export const BATCH_SIZE = 1000;
/** Single-ID requests in flight at once during a fallback or a remove. */
const PARALLEL = 4;

/** Codes for which a batch is sent again one ID at a time. */
const PER_ID_FALLBACK = new Set(['CASE_ALREADY_HAS_EVENT', 'EVENT_NOT_FOUND']);
/** Codes that end the whole command: nothing more can succeed. */
const FATAL = new Set([
  'CASE_IS_CLOSED',
  'NO_EDITS_ONCE_CLOSED',
  'NO_EDITS_ONCE_ARCHIVED',
  'AUTH_FAILED',
  'FORBIDDEN',
  'HOST_NOT_FOUND',
  'TLS',
  'PROXY',
]);

function failed(eventId: string, error: IncydrError): IdResult {
  return { eventId, result: 'failed', message: `${error.code}: ${error.message}` };
}

function rethrowIfFatal(error: unknown, n: number): asserts error is IncydrError {
  if (!isIncydrError(error)) throw error;
  if (error.code === 'CASE_IS_CLOSED') {
    throw new CliFailure('CASE_IS_CLOSED', `Case ${n} is closed, so its file events cannot be changed.`);
  }
  if (FATAL.has(error.code)) throw error;
}

/** Runs `work` over `items` with a few in flight, keeping results in input order; stops at a throw. */
async function inPool<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let stop = false;
  const worker = async (): Promise<void> => {
    while (!stop && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        stop = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return results;
}

async function attachOne(client: IncydrClient, n: number, eventId: string): Promise<IdResult> {
  try {
    await client.addFileEvent(n, eventId);
    return { eventId, result: 'attached' };
  } catch (error) {
    rethrowIfFatal(error, n);
    if (error.code === 'CASE_ALREADY_HAS_EVENT') return { eventId, result: 'already on case' };
    if (error.code === 'EVENT_NOT_FOUND' || error.code === 'NOT_FOUND')
      return { eventId, result: 'not found' };
    return failed(eventId, error);
  }
}

export async function attachAll(
  client: IncydrClient,
  n: number,
  ids: readonly string[],
): Promise<IdResult[]> {
  const results: IdResult[] = [];
  /** Set once the case is full: later batches are not sent. */
  let stopped: IncydrError | undefined;
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    const batch = ids.slice(start, start + BATCH_SIZE);
    if (stopped !== undefined) {
      const reason = stopped;
      results.push(...batch.map((id) => failed(id, reason)));
      continue;
    }
    try {
      await client.addFileEvents(n, batch);
      results.push(...batch.map((eventId): IdResult => ({ eventId, result: 'attached' })));
    } catch (error) {
      rethrowIfFatal(error, n);
      if (PER_ID_FALLBACK.has(error.code)) {
        results.push(...(await inPool(batch, (id) => attachOne(client, n, id))));
      } else {
        if (error.code === 'TOO_MANY_EVENTS') stopped = error;
        // Network failures and the like: this batch may or may not have landed; say it failed.
        results.push(...batch.map((id) => failed(id, error)));
      }
    }
  }
  return results;
}

export async function detachAll(
  client: IncydrClient,
  n: number,
  ids: readonly string[],
): Promise<IdResult[]> {
  return inPool(ids, async (eventId): Promise<IdResult> => {
    try {
      await client.removeFileEvent(n, eventId);
      return { eventId, result: 'removed' };
    } catch (error) {
      rethrowIfFatal(error, n);
      if (error.code === 'NOT_FOUND') return { eventId, result: 'not on case' };
      return failed(eventId, error);
    }
  });
}

/** `3 attached, 1 already on case, 1 not found.` — only outcomes that occurred, in a fixed order. */
export function summarize(results: readonly IdResult[]): string {
  const order: IdOutcome[] = ['attached', 'removed', 'already on case', 'not on case', 'not found', 'failed'];
  const counts = new Map<IdOutcome, number>();
  for (const r of results) counts.set(r.result, (counts.get(r.result) ?? 0) + 1);
  const parts = order.filter((o) => counts.has(o)).map((o) => `${counts.get(o)} ${o}`);
  return `${parts.length > 0 ? parts.join(', ') : 'nothing done'}.`;
}
