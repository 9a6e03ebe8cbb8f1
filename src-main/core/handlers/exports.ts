/** `exports.*`: bulk exports as jobs; their state arrives as `exports.progress` events. */
import type { HandlerContext, HandlersOf } from './context.js';

export function exportHandlers({ exports }: HandlerContext): HandlersOf<'exports'> {
  return {
    'exports.start': (request) => exports.start(request),
    'exports.list': () => exports.list(),
    'exports.items': ({ jobId, offset, limit }) => exports.items(jobId, offset, limit),
    'exports.cancel': ({ jobId }) => exports.cancel(jobId),
    'exports.retryFailed': ({ jobId }) => exports.retryFailed(jobId),
    'exports.resume': ({ jobId }) => exports.resume(jobId),
  };
}
