/** `events.*`: the file events attached to a case. */
import { attachEvents } from '../file-events/attach.js';
import type { AttachProgress } from '../file-events/attach.js';
import type { Emit, HandlerContext, HandlersOf } from './context.js';

/** Progress pushes per attach run are at most this often apart (plus the first and the last). */
export const ATTACH_PROGRESS_INTERVAL_MS = 100;

export function eventHandlers({ session, emit }: HandlerContext): HandlersOf<'events'> {
  return {
    'events.page': ({ number, pgNum, pgSize }) =>
      session.client().getFileEvents(number, {
        ...(pgNum === undefined ? {} : { pgNum }),
        ...(pgSize === undefined ? {} : { pgSize }),
      }),
    'events.detail': ({ number, eventId }) => session.client().getFileEventDetail(number, eventId),
    /**
     * One result per ID (attached, already attached, not found, failed with a code); meanwhile
     * `events.attachProgress` tells the renderer how far the run is.
     */
    'events.add': ({ number, eventIds }) =>
      attachEvents(session.client(), number, eventIds, throttledProgress(emit, number)),
    'events.remove': async ({ number, eventId }) => {
      await session.client().removeFileEvent(number, eventId);
      return { removed: eventId };
    },
  };
}

/**
 * A refused batch is sorted out one ID at a time, which would be a push per ID: send the first and
 * the last, and in between no more than one per interval.
 */
function throttledProgress(emit: Emit, caseNumber: number): AttachProgress {
  let last = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - last < ATTACH_PROGRESS_INTERVAL_MS) return;
    last = now;
    emit('events.attachProgress', { caseNumber, done, total });
  };
}
