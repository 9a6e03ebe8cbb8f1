/**
 * People for the list's filters, picked by name (incydr-api.md §4.3): assignees and "last modified
 * by" are users of the tenant (`users.list` matches only whole usernames, so all users are read once
 * and searched here, inactive ones too: old cases name them); subjects are actors, found by the start
 * of their name (`actors.search`).
 */
import type { User } from '../../../src-shared/domain/people.js';
import type { PersonOption } from '../../components/person-search.svelte.js';
import { caseDesk, unwrap } from '../../lib/api.js';

const USER_PAGE_SIZE = 500;
/** A tenant with more users than this is searched within the first ones read. */
const MAX_USERS = 20_000;
const USER_RESULTS = 50;
const ACTOR_RESULTS = 25;

function userOption(user: User): PersonOption {
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ');
  const notes = [fullName, user.active ? '' : 'inactive'].filter(Boolean).join(' · ');
  return { id: user.userId, name: user.username, ...(notes ? { detail: notes } : {}) };
}

export class FilterPeople {
  #users: Promise<User[]> | null = null;

  /** Users whose username or full name contains the term, best matches first. */
  readonly searchUsers = async (term: string): Promise<PersonOption[]> => {
    const users = await this.#loadUsers();
    const needle = term.trim().toLowerCase();
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
  };

  /** Actors whose name starts with the term (the server searches; the picker waits for a pause). */
  readonly searchActors = async (term: string): Promise<PersonOption[]> => {
    const actors = unwrap(
      await caseDesk().actors.search({
        ...(term.trim() === '' ? {} : { nameStartsWith: term.trim().slice(0, 320) }),
        pageSize: ACTOR_RESULTS,
      }),
    );
    return actors.map((a) => ({ id: a.actorId, name: a.name, ...(a.active ? {} : { detail: 'inactive' }) }));
  };

  #loadUsers(): Promise<User[]> {
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
    const answer = unwrap(await caseDesk().users.list({ page, pageSize: USER_PAGE_SIZE }));
    users.push(...answer.users);
    if (answer.users.length < USER_PAGE_SIZE || page * USER_PAGE_SIZE >= answer.totalCount) break;
  }
  return users;
}
