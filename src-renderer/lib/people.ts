/**
 * People picked by name (incydr-api.md §4.3). Users (assignees, "last modified by") come from
 * `users.list`, which matches only whole usernames: a directory reads the tenant's users once (one
 * directory per form or list, so a new connection never sees another tenant's users) and searches
 * them here. Subjects are actors, found by the server on the start of their name (`actors.search`).
 */
import type { User } from '../../src-shared/domain/people.js';
import type { PersonOption } from '../components/person-search.svelte.js';
import { caseDesk, unwrap } from './api.js';

const ACTOR_RESULTS = 25;
const USER_RESULTS = 50;
const USER_PAGE_SIZE = 500;
/** A tenant with more users than this is searched within the first ones read. */
const MAX_USERS = 20_000;

/** Actors whose name starts with the term, inactive ones too: people who left are often the case. */
export async function searchActors(term: string): Promise<PersonOption[]> {
  const start = term.trim();
  const actors = unwrap(
    await caseDesk().actors.search({
      ...(start === '' ? {} : { nameStartsWith: start.slice(0, 320) }),
      pageSize: ACTOR_RESULTS,
    }),
  );
  return actors.map((a) => ({ id: a.actorId, name: a.name, ...(a.active ? {} : { detail: 'inactive' }) }));
}

export class UserDirectory {
  readonly #assignableOnly: boolean;
  #users: Promise<User[]> | null = null;

  /**
   * `assignableOnly`: only active, unblocked users (who can be given a case); otherwise everyone,
   * since old cases name people who have left.
   */
  constructor(options: { assignableOnly: boolean }) {
    this.#assignableOnly = options.assignableOnly;
  }

  /** Users whose username or full name contains the term (case-insensitive), best matches first. */
  readonly search = async (term: string): Promise<PersonOption[]> => {
    const users = await this.#load();
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

  #load(): Promise<User[]> {
    this.#users ??= this.#readAll().catch((error: unknown) => {
      this.#users = null; // a failed read is tried again on the next search
      throw error;
    });
    return this.#users;
  }

  async #readAll(): Promise<User[]> {
    const users: User[] = [];
    const query = this.#assignableOnly ? { active: true } : {};
    for (let page = 1; users.length < MAX_USERS; page++) {
      const answer = unwrap(await caseDesk().users.list({ ...query, page, pageSize: USER_PAGE_SIZE }));
      users.push(
        ...(this.#assignableOnly ? answer.users.filter((u) => u.active && !u.blocked) : answer.users),
      );
      if (answer.users.length < USER_PAGE_SIZE || page * USER_PAGE_SIZE >= answer.totalCount) break;
    }
    return users;
  }
}

function userOption(user: User): PersonOption {
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ');
  const detail = [fullName, user.active ? '' : 'inactive'].filter(Boolean).join(' · ');
  return { id: user.userId, name: user.username, ...(detail ? { detail } : {}) };
}
