/** `users.*` and `actors.*`: the people behind assignees and subjects (pickers, names for IDs). */
import type { HandlerContext, HandlersOf } from './context.js';

export function peopleHandlers({ session }: HandlerContext): HandlersOf<'users'> & HandlersOf<'actors'> {
  return {
    'users.list': (query) => session.client().listUsers(query),
    'users.get': ({ userId }) => session.client().getUser(userId),
    'actors.search': (query) => session.client().searchActors(query),
    'actors.get': ({ actorId }) => session.client().getActor(actorId),
  };
}
