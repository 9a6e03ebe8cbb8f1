/** `views.*`: the case list's saved views (filters, sort, columns) of the connected profile. */
import type { HandlerContext, HandlersOf } from './context.js';

export function viewHandlers({ session, views }: HandlerContext): HandlersOf<'views'> {
  return {
    'views.list': () => views.list(session.profileKey()),
    'views.save': (input) => views.save(session.profileKey(), input),
    'views.delete': ({ id }) => views.delete(session.profileKey(), id),
    'views.select': ({ id }) => views.select(session.profileKey(), id),
  };
}
