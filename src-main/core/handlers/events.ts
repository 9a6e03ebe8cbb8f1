/** `events.*`: the file events attached to a case. */
import { attachEvents } from '../file-events/attach.js';
import type { HandlerContext, HandlersOf } from './context.js';

export function eventHandlers({ session }: HandlerContext): HandlersOf<'events'> {
  return {
    'events.page': ({ number, pgNum, pgSize }) =>
      session.client().getFileEvents(number, {
        ...(pgNum === undefined ? {} : { pgNum }),
        ...(pgSize === undefined ? {} : { pgSize }),
      }),
    'events.detail': ({ number, eventId }) => session.client().getFileEventDetail(number, eventId),
    /** One result per ID (attached, already attached, not found, failed with a code). */
    'events.add': ({ number, eventIds }) => attachEvents(session.client(), number, eventIds),
    'events.remove': async ({ number, eventId }) => {
      await session.client().removeFileEvent(number, eventId);
      return { removed: eventId };
    },
  };
}
