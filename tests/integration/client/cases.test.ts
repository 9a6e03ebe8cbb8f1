/** Every case operation of the client against the emulator, and every case-level problem code. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncydrClient } from '../../../src-main/core/incydr/index.js';
import { caseWith, clientFor, startTestEmulator } from './helpers/emulator.js';
import type { RunningEmulator } from './helpers/emulator.js';

let emu: RunningEmulator;
let client: IncydrClient;

beforeAll(async () => {
  emu = await startTestEmulator({ cases: 24, seed: 7 });
  client = clientFor(emu);
});

afterAll(async () => {
  await emu.close();
});

const unique = (label: string): string =>
  `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe('reading cases', () => {
  it('authenticates and reads the tenant from the token', async () => {
    await client.authenticate();
    expect(await client.tenantId()).toBe(emu.tenantUid);
  });

  it('getCase returns the full detail', async () => {
    const n = caseWith(emu, 'OPEN');
    const detail = await client.getCase(n);
    expect(detail).toEqual(emu.getCase(n));
    expect(typeof detail.subject === 'string' || detail.subject === null).toBe(true);
  });

  it('getCase of a missing case is NOT_FOUND', async () => {
    await expect(client.getCase(999_999)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('getPage filters, sorts and counts', async () => {
    const page = await client.getPage({
      status: ['OPEN', 'CLOSED'],
      srtKey: ['number'],
      srtDir: ['desc'],
      pgSize: 5,
    });
    const expected = [...emu.caseNumbers('OPEN'), ...emu.caseNumbers('CLOSED')].sort((a, b) => b - a);
    expect(page.totalCount).toBe(expected.length);
    expect(page.cases.map((c) => c.number)).toEqual(expected.slice(0, 5));
    expect(page.cases[0]).not.toHaveProperty('findings');
  });

  it('a page past the end is empty, not an error', async () => {
    const page = await client.getPage({ pgNum: 1000, pgSize: 50 });
    expect(page.cases).toEqual([]);
    expect(page.totalCount).toBe(emu.caseNumbers().length);
  });

  it('iterAll walks every page, including an exact multiple of the page size', async () => {
    const total = emu.caseNumbers().length;
    const numbers: number[] = [];
    for await (const c of client.iterAll({}, 4)) numbers.push(c.number);
    expect(numbers.sort((a, b) => a - b)).toEqual(emu.caseNumbers().sort((a, b) => a - b));
    expect(numbers).toHaveLength(total);
    const archived: number[] = [];
    for await (const c of client.iterAll({ status: ['ARCHIVED'], srtKey: ['number'], srtDir: ['asc'] }, 2))
      archived.push(c.number);
    expect(archived).toEqual(emu.caseNumbers('ARCHIVED'));
  });

  it('filters by created interval given as Dates', async () => {
    const all = await client.getPage({});
    const inFuture = await client.getPage({
      createdAt: { start: new Date(Date.now() + 86_400_000), end: new Date(Date.now() + 2 * 86_400_000) },
    });
    expect(inFuture.totalCount).toBe(0);
    const wide = await client.getPage({
      createdAt: { start: '2000-01-01', end: new Date(Date.now() + 86_400_000) },
    });
    expect(wide.totalCount).toBe(all.totalCount);
    const openEnded = await client.getPage({ updatedAt: { start: '2000-01-01' } });
    expect(openEnded.totalCount).toBe(all.totalCount);
  });

  it('INVALID_PAGE_NUMBER and INVALID_TIME_INTERVAL come back as codes', async () => {
    await expect(client.getPage({ pgNum: 0 })).rejects.toMatchObject({
      code: 'INVALID_PAGE_NUMBER',
      status: 400,
    });
    await expect(client.getPage({ pgSize: 0 })).rejects.toMatchObject({ code: 'INVALID_PAGE_SIZE' });
    await expect(
      client.getPage({ createdAt: { start: '2024-02-01T00:00:00Z', end: '2024-01-01T00:00:00Z' } }),
    ).rejects.toMatchObject({ code: 'INVALID_TIME_INTERVAL', status: 400 });
  });
});

describe('changing cases', () => {
  it('createCase returns an OPEN detail with server-resolved usernames', async () => {
    const user = emu.users().find((u) => u.active && !u.blocked);
    const actor = emu.actors()[0];
    if (!user || !actor) throw new Error('seed without people');
    const name = unique('Created');
    const created = await client.createCase({
      name,
      description: 'd',
      subject: actor.actorId,
      assignee: user.userId,
    });
    expect(created).toMatchObject({
      name,
      description: 'd',
      findings: null,
      status: 'OPEN',
      subject: actor.actorId,
      subjectUsername: actor.name,
      assignee: user.userId,
      assigneeUsername: user.username,
    });
    expect(emu.getCase(created.number)).toEqual(created);
  });

  it('updateCase changes only what it is given, clears with null, and keeps the rest', async () => {
    const created = await client.createCase({
      name: unique('Edit me'),
      description: 'keep',
      findings: '## old',
    });
    const updated = await client.updateCase(created.number, { findings: '## new', description: undefined });
    expect(updated).toMatchObject({ name: created.name, description: 'keep', findings: '## new' });
    const cleared = await client.updateCase(created.number, { description: null });
    expect(cleared).toMatchObject({ description: null, findings: '## new' });
  });

  it('replaceCase is a full replacement', async () => {
    const created = await client.createCase({
      name: unique('Replace me'),
      description: 'gone soon',
      findings: 'x',
    });
    const replaced = await client.replaceCase(created.number, {
      name: created.name,
      description: null,
      findings: null,
      subject: null,
      assignee: null,
      status: 'OPEN',
    });
    expect(replaced).toMatchObject({ description: null, findings: null });
  });

  it('closing, then archiving, then no more edits', async () => {
    const created = await client.createCase({ name: unique('Lifecycle') });
    expect((await client.updateCase(created.number, { status: 'CLOSED' })).status).toBe('CLOSED');
    await expect(client.updateCase(created.number, { findings: 'late' })).rejects.toMatchObject({
      code: 'NO_EDITS_ONCE_CLOSED',
      status: 400,
    });
    expect((await client.updateCase(created.number, { status: 'ARCHIVED' })).status).toBe('ARCHIVED');
    await expect(client.updateCase(created.number, { status: 'OPEN' })).rejects.toMatchObject({
      code: 'NO_EDITS_ONCE_ARCHIVED',
    });
  });

  it('deleteCase removes it; deleting again is NOT_FOUND', async () => {
    const created = await client.createCase({ name: unique('Delete me') });
    await client.deleteCase(created.number);
    expect(emu.getCase(created.number)).toBeUndefined();
    await expect(client.deleteCase(created.number)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(client.updateCase(created.number, { name: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('maps every validation problem to its code', async () => {
    const existing = emu.getCase(caseWith(emu, 'OPEN'));
    if (!existing) throw new Error('no open case');
    const blocked = emu.users().find((u) => !u.active || u.blocked);
    if (!blocked) throw new Error('the seed has no inactive or blocked user');
    const closed = caseWith(emu, 'CLOSED');
    const expectations: [() => Promise<unknown>, string][] = [
      [() => client.createCase({ name: existing.name }), 'NAME_EXISTS'],
      [() => client.createCase({ name: 'n'.repeat(51) }), 'NAME_TOO_LONG'],
      [() => client.createCase({ name: '   ' }), 'NAME_EMPTY'],
      [() => client.createCase({ name: unique('d'), description: 'd'.repeat(251) }), 'DESCRIPTION_TOO_LONG'],
      [() => client.createCase({ name: unique('f'), findings: 'f'.repeat(30_001) }), 'FINDINGS_TOO_LONG'],
      [() => client.createCase({ name: unique('s'), subject: 'no-such-person' }), 'INVALID_USER'],
      [() => client.createCase({ name: unique('a'), assignee: '123' }), 'INVALID_USER'],
      [() => client.updateCase(existing.number, { name: 'n'.repeat(51) }), 'NAME_TOO_LONG'],
      [() => client.updateCase(closed, { description: 'x' }), 'NO_EDITS_ONCE_CLOSED'],
      [() => client.createCase({ name: unique('b'), assignee: blocked.userId }), 'USER_VALIDATION_FORBIDDEN'],
    ];
    const createdBefore = emu.stats.executed['POST /v1/cases'] ?? 0;
    const updatedBefore = emu.stats.executed['PUT /v1/cases/{caseNumber}'] ?? 0;
    for (const [call, code] of expectations) await expect(call(), code).rejects.toMatchObject({ code });
    const invalidUser = await client
      .createCase({ name: unique('s'), subject: 'nobody' })
      .catch((e: unknown) => e);
    expect(invalidUser).toMatchObject({ problem: 'INVALID_USER', description: 'subject validation failed' });
    // The refused requests changed nothing.
    expect(emu.stats.executed['POST /v1/cases'] ?? 0).toBe(createdBefore);
    expect(emu.stats.executed['PUT /v1/cases/{caseNumber}'] ?? 0).toBe(updatedBefore);
    expect(emu.getCase(existing.number)).toEqual(existing);
  });
});
