/**
 * Seeded users (the security team: analysts and admins who can be assignees) and actors (the monitored
 * employees who can be case subjects, some with child identities such as a personal mailbox).
 */
import type { Actor, User } from '../../../src-shared/domain/index.js';
import { Random } from '../prng.js';
import { formatMicros, MICROS_PER_DAY } from '../time.js';
import {
  DEPARTMENTS,
  EMAIL_DOMAIN,
  EMPLOYEE_TYPES,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  TITLES,
} from './names.js';

export type SecurityRole = 'Insider Risk Admin' | 'Insider Risk Analyst';

export interface SeededUser extends User {
  /** Not part of the API's user object; kept for the emulator's own rules. */
  role: SecurityRole;
}

export interface People {
  users: SeededUser[];
  actors: Actor[];
  usersById: Map<string, SeededUser>;
  actorsById: Map<string, Actor>;
  /** The user the emulator's API client acts as (createdBy / lastModifiedBy of its edits). */
  apiUser: SeededUser;
}

const USER_COUNT = 25;
const PARENT_ACTORS = 185;
const CHILD_ACTORS = 20;

export function seedPeople(seed: number, anchorMicros: number): People {
  const rng = Random.of(seed, 'people');
  const takenNames = new Set<string>();
  const takenIds = new Set<string>();
  const longId = (): string => {
    let id = rng.longId();
    while (takenIds.has(id)) id = rng.longId();
    takenIds.add(id);
    return id;
  };
  const person = (): { first: string; last: string; local: string } => {
    for (;;) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const key = `${first} ${last}`;
      if (takenNames.has(key)) continue;
      takenNames.add(key);
      return { first, last, local: `${first}.${last}`.toLowerCase() };
    }
  };

  const orgGuid = rng.uuid();
  const users: SeededUser[] = [];
  for (let i = 0; i < USER_COUNT; i++) {
    const p = person();
    const created = anchorMicros - rng.int(400, 1400) * MICROS_PER_DAY + rng.int(0, MICROS_PER_DAY - 1);
    // The first user is the API client's identity; a couple of others are deactivated or blocked so
    // the assignee rules (USER_VALIDATION_FORBIDDEN) have something to bite on.
    const active = i === 0 || !(i % 11 === 10);
    const blocked = i === 7;
    users.push({
      legacyUserId: String(rng.int(10_000, 99_999)),
      userId: longId(),
      username: `${p.local}@${EMAIL_DOMAIN}`,
      firstName: p.first,
      lastName: p.last,
      legacyOrgId: '2101',
      orgId: '20135',
      orgGuid,
      orgName: 'Security',
      notes: i === 0 ? 'API client identity for automation' : null,
      active,
      blocked,
      creationDate: formatMicros(created),
      modificationDate: formatMicros(created + rng.int(0, 30) * MICROS_PER_DAY + rng.int(0, 10 ** 9)),
      role: i < 4 ? 'Insider Risk Admin' : 'Insider Risk Analyst',
    });
  }

  const actors: Actor[] = [];
  for (let i = 0; i < PARENT_ACTORS; i++) {
    const p = person();
    const [department, division] = rng.pick(DEPARTMENTS);
    const [country, region, locality] = rng.pick(LOCATIONS);
    const start = anchorMicros - rng.int(60, 3000) * MICROS_PER_DAY;
    const departing = rng.chance(0.15);
    const manager = actors.length > 0 && rng.chance(0.8) ? rng.pick(actors) : undefined;
    const email = `${p.local}@${EMAIL_DOMAIN}`;
    actors.push({
      actorId: longId(),
      name: email,
      active: !departing || rng.chance(0.5),
      inScope: rng.chance(0.97),
      alternateNames: [email],
      firstName: p.first,
      lastName: p.last,
      title: rng.pick(TITLES[department] ?? ['Employee']),
      department,
      division,
      employeeType: rng.pick(EMPLOYEE_TYPES),
      country,
      region,
      locality,
      managerActorId: manager?.actorId ?? null,
      parentActorId: null,
      notes: departing ? 'Resignation notice received' : null,
      startDate: isoDate(start),
      endDate: departing ? isoDate(anchorMicros + rng.int(-90, 30) * MICROS_PER_DAY) : null,
    });
  }
  // Child identities: personal mailboxes and SaaS accounts adopted by a parent actor.
  for (let i = 0; i < CHILD_ACTORS; i++) {
    const parent = actors[rng.int(0, PARENT_ACTORS - 1)];
    if (!parent) continue;
    const local = parent.name.split('@')[0] ?? 'user';
    const name = rng.chance(0.5)
      ? `${local.replace('.', '')}${rng.int(70, 99)}@gmail.com`
      : `${local.replace('.', '-')}-gh`;
    if (actors.some((a) => a.name === name)) continue;
    parent.alternateNames.push(name);
    actors.push({
      ...parent,
      actorId: longId(),
      name,
      alternateNames: [name],
      parentActorId: parent.actorId,
      notes: null,
    });
  }

  const apiUser = users[0];
  if (!apiUser) throw new Error('no users seeded');
  return {
    users,
    actors,
    usersById: new Map(users.map((u) => [u.userId, u])),
    actorsById: new Map(actors.map((a) => [a.actorId, a])),
    apiUser,
  };
}

function isoDate(micros: number): string {
  return new Date(micros / 1000).toISOString().slice(0, 10);
}

/** The public user object (without the emulator's private fields). */
export function publicUser(user: SeededUser): User {
  const { role: _role, ...rest } = user;
  return rest;
}
