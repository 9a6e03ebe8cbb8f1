/**
 * Subject and assignee values as the official CLI takes them: a value with `@` is a username and is
 * resolved to an ID; anything else is passed through as an ID.
 */
import type { IncydrClient } from '../../core/incydr/index.js';
import { CliFailure } from '../errors.js';

function isUsername(value: string): boolean {
  return value.includes('@');
}

/** Assignee (and last-modified-by): a user UID; an email is looked up in `/v1/users`. */
export async function resolveUserId(client: IncydrClient, value: string, what: string): Promise<string> {
  const text = value.trim();
  if (!isUsername(text)) return text;
  const user = await client.findUserByUsername(text);
  if (user === undefined) throw new CliFailure('INVALID_USER', `No user has the username ${text} (${what}).`);
  return user.userId;
}

/**
 * Subject: the API documents an actor ID, so an email is first looked up among actors by name; older
 * tenants and the SDK use a user UID, so a user with that username is the fallback.
 */
export async function resolveSubjectId(client: IncydrClient, value: string): Promise<string> {
  const text = value.trim();
  if (!isUsername(text)) return text;
  const wanted = text.toLowerCase();
  const actors = await client.searchActors({ nameStartsWith: text, pageSize: 100 });
  const actor = actors.find((a) => a.name.toLowerCase() === wanted);
  if (actor !== undefined) return actor.actorId;
  const user = await client.findUserByUsername(text);
  if (user !== undefined) return user.userId;
  throw new CliFailure('INVALID_USER', `No actor or user is named ${text} (subject).`);
}
