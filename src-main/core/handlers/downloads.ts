/** `downloads.*`: start returns at once; progress and the result arrive as events. */
import type { HandlerContext, HandlersOf } from './context.js';

export function downloadHandlers({ downloads }: HandlerContext): HandlersOf<'downloads'> {
  return {
    'downloads.start': async (request) => downloads.start(request),
    'downloads.cancel': async ({ downloadId }) => ({ cancelled: downloads.cancel(downloadId) }),
  };
}
