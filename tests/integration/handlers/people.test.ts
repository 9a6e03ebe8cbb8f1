/** `users.*` and `actors.*` through dispatch against the demo emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRig } from './helpers.js';
import type { Rig } from './helpers.js';

let rig: Rig;
beforeAll(async () => {
  rig = await createRig({ openDemo: true, session: { demo: { cases: 2, seed: 3 } } });
});
afterAll(async () => {
  await rig.close();
});

describe('users', () => {
  it('users.list pages and filters', async () => {
    const emu = rig.emulator();
    const all = await rig.ok('users.list', { pageSize: 500 });
    expect(all.totalCount).toBe(emu.users().length);
    expect(all.users.map((u) => u.userId)).toEqual(emu.users().map((u) => u.userId));
    const second = await rig.ok('users.list', { page: 2, pageSize: 3 });
    expect(second.users.map((u) => u.userId)).toEqual(all.users.slice(3, 6).map((u) => u.userId));
    const someone = emu.users()[4]!;
    const found = await rig.ok('users.list', { username: someone.username });
    expect(found.users.map((u) => u.userId)).toContain(someone.userId);
  });

  it('users.get', async () => {
    const someone = rig.emulator().users()[2]!;
    expect(await rig.ok('users.get', { userId: someone.userId })).toMatchObject({
      userId: someone.userId,
      username: someone.username,
    });
    expect((await rig.fail('users.get', { userId: '000' })).code).toBe('NOT_FOUND');
  });
});

describe('actors', () => {
  it('actors.search filters by name', async () => {
    const actor = rig.emulator().actors()[0]!;
    const prefix = actor.name.slice(0, 3);
    const hits = await rig.ok('actors.search', { nameStartsWith: prefix, pageSize: 500 });
    const expected = rig
      .emulator()
      .actors()
      .filter((a) => a.name.toLowerCase().startsWith(prefix.toLowerCase()));
    expect(hits.map((a) => a.actorId).sort()).toEqual(expected.map((a) => a.actorId).sort());
  });

  it('actors.get', async () => {
    const actor = rig.emulator().actors()[1]!;
    expect(await rig.ok('actors.get', { actorId: actor.actorId })).toMatchObject({
      actorId: actor.actorId,
      name: actor.name,
    });
    expect((await rig.fail('actors.get', { actorId: 'nope' })).code).toBe('NOT_FOUND');
  });
});
