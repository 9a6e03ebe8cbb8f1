import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, ActorSearchItem, User, UserPage } from '../../../src-shared/domain/index.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { api, start } from './helpers.js';
import type { Api } from './helpers.js';

let emu: RunningEmulator;
let a: Api;
beforeAll(async () => {
  emu = await start({ cases: 5 });
  a = await api(emu);
});
afterAll(() => emu.close());

describe('/v1/users', () => {
  it('lists about 25 users with string IDs and totalCount', async () => {
    const page = await a.json<UserPage>('/v1/users');
    expect(page.totalCount).toBe(emu.users().length);
    expect(page.users.length).toBeGreaterThanOrEqual(20);
    for (const u of page.users) {
      expect(u.userId).toMatch(/^\d{18,19}$/);
      expect(u.username).toMatch(/@/);
      expect(u).not.toHaveProperty('role');
    }
    expect(new Set(page.users.map((u) => u.userId)).size).toBe(page.users.length);
  });

  it('filters by active, blocked and username (case-insensitive exact)', async () => {
    const active = await a.json<UserPage>('/v1/users?active=true');
    expect(active.users.every((u) => u.active)).toBe(true);
    const inactive = await a.json<UserPage>('/v1/users?active=False');
    expect(active.totalCount + inactive.totalCount).toBe(emu.users().length);
    const blocked = await a.json<UserPage>('/v1/users?blocked=TRUE');
    expect(blocked.totalCount).toBeGreaterThan(0);
    expect(blocked.users.every((u) => u.blocked)).toBe(true);
    const someone = emu.users()[3]!;
    const byName = await a.json<UserPage>(
      `/v1/users?username=${encodeURIComponent(someone.username.toUpperCase())}`,
    );
    expect(byName.users.map((u) => u.userId)).toEqual([someone.userId]);
    expect((await a.json<UserPage>('/v1/users?username=nobody@example.com')).totalCount).toBe(0);
  });

  it('pages with page/pageSize (default 500)', async () => {
    const first = await a.json<UserPage>('/v1/users?page=1&pageSize=10');
    const third = await a.json<UserPage>('/v1/users?page=3&pageSize=10');
    expect(first.users).toHaveLength(10);
    expect(third.users).toHaveLength(emu.users().length - 20);
    expect((await a.json<UserPage>('/v1/users?page=9&pageSize=10')).users).toEqual([]);
    expect((await a.get('/v1/users?page=0')).status).toBe(400);
    expect((await a.get('/v1/users?pageSize=x')).status).toBe(400);
  });

  it('gets one user, 404 for an unknown one', async () => {
    const u = emu.users()[1]!;
    expect(await a.json<User>(`/v1/users/${u.userId}`)).toMatchObject({
      userId: u.userId,
      username: u.username,
    });
    expect((await a.get('/v1/users/123')).status).toBe(404);
  });
});

describe('/v1/actors', () => {
  const search = (q: string) => a.json<{ actors: ActorSearchItem[] }>(`/v1/actors/actor/search?${q}`);

  it('searches by name prefix and suffix, case-insensitively, with slim items', async () => {
    const target = emu.actors().find((x) => x.parentActorId === null)!;
    const prefix = target.name.slice(0, 4).toUpperCase();
    const res = await search(`nameStartsWith=${encodeURIComponent(prefix)}&pageSize=500`);
    expect(res.actors.map((x) => x.actorId)).toContain(target.actorId);
    expect(res.actors.every((x) => x.name.toLowerCase().startsWith(prefix.toLowerCase()))).toBe(true);
    expect(Object.keys(res.actors[0]!).sort()).toEqual(['active', 'actorId', 'name', 'parentActorId']);
    expect(res).not.toHaveProperty('totalCount');
    const gmail = await search('nameEndsWith=@GMAIL.COM&pageSize=500');
    expect(gmail.actors.length).toBeGreaterThan(0);
    expect(gmail.actors.every((x) => x.name.endsWith('@gmail.com') && x.parentActorId !== null)).toBe(true);
  });

  it('filters by active and pages (default 100, at most 500)', async () => {
    const total = emu.actors().length;
    expect(total).toBeGreaterThanOrEqual(190);
    expect((await search('')).actors).toHaveLength(100);
    const p1 = await search('pageSize=150&page=1');
    const p2 = await search('pageSize=150&page=2');
    expect(p1.actors.length + p2.actors.length).toBe(total);
    const inactive = await search('active=false&pageSize=500');
    expect(inactive.actors.every((x) => !x.active)).toBe(true);
    expect((await search('page=50')).actors).toEqual([]);
  });

  it('answers the page problems as {"problem": CODE}', async () => {
    for (const [q, code] of [
      ['pageSize=0', 'PAGE_SIZE_TOO_SMALL'],
      ['pageSize=501', 'PAGE_SIZE_TOO_LARGE'],
      ['page=0', 'PAGE_TOO_SMALL'],
    ]) {
      const res = await a.get(`/v1/actors/actor/search?${q}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ problem: code });
    }
  });

  it('gets an actor by ID with the full shape, its parent and its family', async () => {
    const child = emu.actors().find((x) => x.parentActorId !== null)!;
    const full = await a.json<Actor>(`/v1/actors/actor/id/${child.actorId}`);
    for (const key of ['actorId', 'name', 'active', 'inScope', 'alternateNames', 'department', 'startDate']) {
      expect(full).toHaveProperty(key);
    }
    const parent = await a.json<Actor>(`/v1/actors/actor/id/${child.actorId}/parent`);
    expect(parent.actorId).toBe(child.parentActorId);
    const selfParent = await a.json<Actor>(`/v1/actors/actor/id/${parent.actorId}/parent`);
    expect(selfParent.actorId).toBe(parent.actorId);
    const fam = await a.json<{ parent: Actor; children: Actor[] }>(
      `/v1/actors/actor/id/${child.actorId}/family`,
    );
    expect(fam.parent.actorId).toBe(parent.actorId);
    expect(fam.children.map((c) => c.actorId)).toContain(child.actorId);
    expect((await a.get('/v1/actors/actor/id/1/parent')).status).toBe(404);
  });

  it('finds the parent by name (email or alternate name)', async () => {
    const child = emu.actors().find((x) => x.parentActorId !== null)!;
    const res = await a.json<Actor>(`/v1/actors/actor/name/${encodeURIComponent(child.name)}/parent`);
    expect(res.actorId).toBe(child.parentActorId);
    expect((await a.get('/v1/actors/actor/name/nobody%40example.com/parent')).status).toBe(404);
  });
});
