/**
 * Attaching and detaching many events with one result per ID, in the CLI's words. Attaching is the
 * core's `attachEvents` (batches, per-ID fallback); detaching is one DELETE per ID.
 */
import { messageFor } from '../../../src-shared/domain/problems.js';
import type { AttachResult } from '../../../src-shared/ipc/contract.js';
import { attachEvents } from '../../core/file-events/attach.js';
import type { IncydrClient } from '../../core/incydr/index.js';
import { IncydrError, isIncydrError } from '../../core/incydr/index.js';
import { CliFailure } from '../errors.js';

export type IdOutcome = 'attached' | 'already on case' | 'not found' | 'removed' | 'not on case' | 'failed';

export interface IdResult {
  eventId: string;
  result: IdOutcome;
  /** Why it failed (the plain sentence of the error code). */
  message?: string;
}

/** Single-ID requests in flight at once during a remove. */
const PARALLEL = 4;

/** Codes that end the whole command: nothing more can succeed. */
const FATAL = new Set<string>([
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

const OUTCOME: Record<AttachResult['status'], IdOutcome> = {
  attached: 'attached',
  'already-attached': 'already on case',
  'not-found': 'not found',
  failed: 'failed',
};

/**
 * Attaches through the core's `attachEvents` (the app uses the same code). When every ID failed for
 * one reason that dooms the whole run (a closed case, refused credentials), that reason is the
 * command's error instead of thousands of identical lines.
 */
export async function attachAll(
  client: IncydrClient,
  n: number,
  ids: readonly string[],
): Promise<IdResult[]> {
  const results = await attachEvents(client, n, ids);
  const first = results[0];
  if (first?.status === 'failed' && first.code !== undefined && FATAL.has(first.code)) {
    if (results.every((r) => r.status === 'failed' && r.code === first.code)) {
      rethrowIfFatal(new IncydrError(first.code), n);
    }
  }
  return results.map((r): IdResult => {
    const result: IdResult = { eventId: r.eventId, result: OUTCOME[r.status] };
    if (r.status === 'failed' && r.code !== undefined) result.message = `${r.code}: ${messageFor(r.code)}`;
    return result;
  });
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
