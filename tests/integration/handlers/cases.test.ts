/** `cases.*` through dispatch against the demo emulator: list, sort, filter, get, create, update, delete. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../src-shared/domain/case.js';
import { caseWith, createRig } from './helpers.js';
import type { Rig } from './helpers.js';

let rig: Rig;
beforeAll(async () => {
  rig = await createRig({ openDemo: true, session: { demo: { cases: 60, seed: 11 } } });
});
afterAll(async () => {
  await rig.close();
});

const unique = (label: string): string => `${label} ${Math.random().toString(36).slice(2, 8)}`;

describe('cases.page', () => {
  it('pages on the server', async () => {
    const first = await rig.ok('cases.page', { pgNum: 1, pgSize: 20, srtKey: ['number'], srtDir: ['asc'] });
    const third = await rig.ok('cases.page', { pgNum: 3, pgSize: 20, srtKey: ['number'], srtDir: ['asc'] });
    expect(first.totalCount).toBe(60);
    expect(first.cases).toHaveLength(20);
    expect(third.cases).toHaveLength(20);
    expect(third.cases[0]!.number).toBeGreaterThan(first.cases[19]!.number);
  });

  it('sorts by any column, both ways', async () => {
    const asc = await rig.ok('cases.page', { srtKey: ['name'], srtDir: ['asc'], pgSize: 100 });
    const desc = await rig.ok('cases.page', { srtKey: ['name'], srtDir: ['desc'], pgSize: 100 });
    const names = asc.cases.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(desc.cases.map((c) => c.name)).toEqual([...names].reverse());
  });

  it('filters by status and searches by name', async () => {
    const closed = await rig.ok('cases.page', { status: ['CLOSED'], pgSize: 100 });
    expect(closed.totalCount).toBe(rig.emulator().caseNumbers('CLOSED').length);
    expect(closed.cases.every((c) => c.status === 'CLOSED')).toBe(true);

    const some = closed.cases[0]!;
    const word = some.name.split(' ')[0]!;
    const byName = await rig.ok('cases.page', { name: word, pgSize: 100 });
    expect(byName.cases.length).toBeGreaterThan(0);
    expect(byName.cases.every((c) => c.name.toLowerCase().includes(word.toLowerCase()))).toBe(true);
  });

  it('passes the server refusal on as a code (a date range the server cannot use)', async () => {
    const error = await rig.fail('cases.page', {
      createdAt: { start: '2030-01-01T00:00:00Z', end: '2020-01-01T00:00:00Z' },
    });
    expect(error.code).toBe('INVALID_TIME_INTERVAL');
  });
});

describe('cases.get / create / update / delete', () => {
  it('gets the full detail of a case', async () => {
    const n = caseWith(rig.emulator(), 'OPEN');
    expect(await rig.ok('cases.get', { number: n })).toEqual(rig.emulator().getCase(n));
    expect((await rig.fail('cases.get', { number: 99_999 })).code).toBe('NOT_FOUND');
  });

  it('creates a case (OPEN, with the given fields) and refuses a duplicate name', async () => {
    const emu = rig.emulator();
    const subject = emu.users()[3]!.userId;
    const name = unique('Created');
    const created = await rig.ok('cases.create', { name, description: 'why', subject });
    expect(created).toMatchObject({ name, description: 'why', subject, status: 'OPEN', findings: null });
    expect(emu.getCase(created.number)).toEqual(created);
    expect((await rig.fail('cases.create', { name })).code).toBe('NAME_EXISTS');
  });

  it('updates by read-modify-write: untouched fields stay, null clears, every field is sent', async () => {
    const emu = rig.emulator();
    const assignee = emu.identity.userId;
    const created = await rig.ok('cases.create', {
      name: unique('Update me'),
      description: 'keep me',
      findings: '## notes',
      assignee,
    });
    const updated = await rig.ok('cases.update', {
      number: created.number,
      changes: { findings: null, name: unique('Renamed') },
    });
    expect(updated.description).toBe('keep me');
    expect(updated.assignee).toBe(assignee);
    expect(updated.findings).toBeNull();
    expect(emu.getCase(created.number)).toEqual(updated);
  });

  it('refuses a stale edit with CASE_CHANGED and hands over the server version', async () => {
    const created = await rig.ok('cases.create', { name: unique('Stale'), description: 'v1' });
    // Someone else edits the case after our editor loaded it.
    const theirs = await rig.ok('cases.update', {
      number: created.number,
      changes: { description: 'theirs' },
    });
    expect(theirs.updatedAt).not.toBe(created.updatedAt);

    const error = await rig.fail('cases.update', {
      number: created.number,
      changes: { description: 'mine' },
      expectedUpdatedAt: created.updatedAt,
    });
    expect(error.code).toBe('CASE_CHANGED');
    expect(error.message).toBe('Someone changed this case on the server since you opened it.');
    expect(error.details).toEqual({ current: theirs });
    expect(rig.emulator().getCase(created.number)?.description).toBe('theirs'); // nothing was written

    // Starting from the current version, the same edit goes through.
    const mine = await rig.ok('cases.update', {
      number: created.number,
      changes: { description: 'mine' },
      expectedUpdatedAt: theirs.updatedAt,
    });
    expect(mine.description).toBe('mine');
  });

  it('passes the API refusal on for a closed case', async () => {
    const n = caseWith(rig.emulator(), 'CLOSED');
    const before = rig.emulator().getCase(n) as CaseDetail;
    const error = await rig.fail('cases.update', { number: n, changes: { description: 'x' } });
    expect(error.code).toBe('NO_EDITS_ONCE_CLOSED');
    expect(rig.emulator().getCase(n)).toEqual(before);
  });

  it('deletes a case', async () => {
    const created = await rig.ok('cases.create', { name: unique('Delete me') });
    expect(await rig.ok('cases.delete', { number: created.number })).toEqual({ deleted: created.number });
    expect(rig.emulator().getCase(created.number)).toBeUndefined();
    expect((await rig.fail('cases.delete', { number: created.number })).code).toBe('NOT_FOUND');
  });
});
