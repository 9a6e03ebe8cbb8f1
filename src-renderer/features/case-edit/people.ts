/**
 * Where the case editor's people come from (incydr-api.md §4.3): a case's subject is an actor (the
 * person investigated, found by `actors.search` on the start of the name); its assignee is a user of
 * the tenant (`users.list`, which matches only whole usernames, so the active users are read once and
 * searched here).
 */
import type { ActorSearchItem, User } from '../../../src-shared/domain/people.js';
import type { PersonOption } from '../../components/person-search.svelte.js';
import { caseDesk, unwrap } from '../../lib/api.js';

const ACTOR_RESULTS = 25;
const USER_RESULTS = 50;
const USER_PAGE_SIZE = 500;
/** A tenant with more users than this is searched within the first ones read. */
const MAX_USERS = 20_000;

export function actorOption(actor: ActorSearchItem): PersonOption {
  return { id: actor.actorId, name: actor.name, ...(actor.active ? {} : { detail: 'Inactive' }) };
}

export function userOption(user: User): PersonOption {
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return { id: user.userId, name: user.username, ...(fullName ? { detail: fullName } : {}) };
}

/** Subjects: actors whose name starts with the term (inactive ones too: people who left are cases). */
export async function searchActors(term: string): Promise<PersonOption[]> {
  const actors = unwrap(
    await caseDesk().actors.search({
      ...(term === '' ? {} : { nameStartsWith: term.slice(0, 320) }),
      pageSize: ACTOR_RESULTS,
    }),
  );
  return actors.map(actorOption);
}

/**
 * The tenant's assignable users (active, not blocked), read on the first search and kept for the
 * directory's life (one per form, so a new connection never sees another tenant's users).
 */
export class UserDirectory {
  #users: Promise<User[]> | null = null;

  /** Users whose username or full name contains the term (case-insensitive), best matches first. */
  async search(term: string): Promise<PersonOption[]> {
    const users = await this.#load();
    const needle = term.toLowerCase();
    const scored = users.flatMap((user) => {
      const username = user.username.toLowerCase();
      const fullName = `${user.firstName ?? ''} ${user.lastName ?? ''}`.toLowerCase();
      if (needle === '') return [{ user, score: 2 }];
      if (username.startsWith(needle)) return [{ user, score: 0 }];
      if (fullName.split(' ').some((part) => part.startsWith(needle))) return [{ user, score: 1 }];
      if (username.includes(needle) || fullName.includes(needle)) return [{ user, score: 2 }];
      return [];
    });
    scored.sort((a, b) => a.score - b.score || a.user.username.localeCompare(b.user.username));
    return scored.slice(0, USER_RESULTS).map(({ user }) => userOption(user));
  }

  #load(): Promise<User[]> {
    this.#users ??= readAllUsers().catch((error: unknown) => {
      this.#users = null; // a failed read is tried again on the next search
      throw error;
    });
    return this.#users;
  }
}

async function readAllUsers(): Promise<User[]> {
  const users: User[] = [];
  for (let page = 1; users.length < MAX_USERS; page++) {
    const answer = unwrap(await caseDesk().users.list({ active: true, page, pageSize: USER_PAGE_SIZE }));
    users.push(...answer.users.filter((u) => u.active && !u.blocked));
    if (answer.users.length < USER_PAGE_SIZE || page * USER_PAGE_SIZE >= answer.totalCount) break;
  }
  return users;
}
