/** Users and actors against the emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncydrClient } from '../../../src-main/core/incydr/index.js';
import { clientFor, startTestEmulator } from './helpers/emulator.js';
import type { RunningEmulator } from './helpers/emulator.js';

let emu: RunningEmulator;
let client: IncydrClient;

beforeAll(async () => {
  emu = await startTestEmulator({ cases: 2, seed: 3 });
  client = clientFor(emu);
});

afterAll(async () => {
  await emu.close();
});

describe('users', () => {
  it('listUsers pages and filters', async () => {
    const all = await client.listUsers({ pageSize: 500 });
    expect(all.totalCount).toBe(emu.users().length);
    expect(all.users.map((u) => u.userId)).toEqual(emu.users().map((u) => u.userId));
    const second = await client.listUsers({ page: 2, pageSize: 3 });
    expect(second.users.map((u) => u.userId)).toEqual(all.users.slice(3, 6).map((u) => u.userId));
    const active = await client.listUsers({ active: true, blocked: false });
    expect(active.users.every((u) => u.active && !u.blocked)).toBe(true);
  });

  it('getUser and findUserByUsername', async () => {
    const someone = emu.users()[2];
    if (!someone) throw new Error('no users');
    expect((await client.getUser(someone.userId)).username).toBe(someone.username);
    expect((await client.findUserByUsername(someone.username.toUpperCase()))?.userId).toBe(someone.userId);
    expect(await client.findUserByUsername('nobody@example.invalid')).toBeUndefined();
    await expect(client.getUser('000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('actors', () => {
  it('searchActors filters by name and pages', async () => {
    const actor = emu.actors()[0];
    if (!actor) throw new Error('no actors');
    const prefix = actor.name.slice(0, 3);
    const hits = await client.searchActors({ nameStartsWith: prefix, pageSize: 500 });
    const expected = emu.actors().filter((a) => a.name.toLowerCase().startsWith(prefix.toLowerCase()));
    expect(hits.map((a) => a.actorId).sort()).toEqual(expected.map((a) => a.actorId).sort());
    expect(Object.keys(hits[0] ?? {}).sort()).toEqual(['active', 'actorId', 'name', 'parentActorId']);
    await expect(client.searchActors({ pageSize: 501 })).rejects.toMatchObject({
      code: 'PAGE_SIZE_TOO_LARGE',
    });
  });

  it('getActor', async () => {
    const actor = emu.actors()[1];
    if (!actor) throw new Error('no actors');
    expect(await client.getActor(actor.actorId)).toMatchObject({ actorId: actor.actorId, name: actor.name });
    await expect(client.getActor('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
