/** `events.*` through dispatch, and the shared attach logic (batches, per-ID fallback, stop codes). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachEvents } from '../../../src-main/core/file-events/attach.js';
import { caseWith, createRig } from './helpers.js';
import type { Rig } from './helpers.js';

const BATCH_ROUTE = 'POST /v1/cases/{caseNumber}/fileevent';
const SINGLE_ROUTE = 'POST /v1/cases/{caseNumber}/fileevent/{eventId}';
const UNKNOWN_ID = '0_00000000-0000-4000-8000-000000000000_111_222_3';

let rig: Rig;
beforeAll(async () => {
  rig = await createRig({ openDemo: true, session: { demo: { cases: 30, seed: 5 } } });
});
afterAll(async () => {
  await rig.close();
});

const received = (route: string): number => rig.emulator().stats.received[route] ?? 0;

describe('reading events', () => {
  it('pages the events of a case', async () => {
    const emu = rig.emulator();
    const n = caseWith(emu, 'OPEN');
    const ids = emu.eventIdsOnCase(n);
    expect(ids.length).toBeGreaterThan(2);
    const all = await rig.ok('events.page', { number: n });
    expect(all.totalCount).toBe(ids.length);
    expect(all.events.map((e) => e.eventId)).toEqual(ids);
    const second = await rig.ok('events.page', { number: n, pgNum: 2, pgSize: 2 });
    expect(second.events.map((e) => e.eventId)).toEqual(ids.slice(2, 4));
    expect((await rig.fail('events.page', { number: 99_999 })).code).toBe('NOT_FOUND');
  });

  it('reads the full detail of one event', async () => {
    const emu = rig.emulator();
    const n = caseWith(emu, 'OPEN');
    const eventId = emu.eventIdsOnCase(n)[0]!;
    const detail = await rig.ok('events.detail', { number: n, eventId });
    expect(detail.event.id).toBe(eventId);
    expect(detail.file).toBeTypeOf('object');
    expect((await rig.fail('events.detail', { number: n, eventId: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });
});

describe('events.add', () => {
  it('sends batches of 1,000 and sorts a refused batch out ID by ID', async () => {
    const emu = rig.emulator();
    const n = caseWith(emu, 'OPEN', 1);
    const already = emu.eventIdsOnCase(n).slice(0, 2);
    const fresh = emu.unattachedEventIds(1020);
    expect(fresh).toHaveLength(1020);
    // The first batch is all new; the second holds 20 new, 2 already on the case and 1 unknown ID.
    const input = [...fresh.slice(0, 1000), fresh[1000]!, ...already, UNKNOWN_ID, ...fresh.slice(1001)];
    const batchesBefore = received(BATCH_ROUTE);
    const singlesBefore = received(SINGLE_ROUTE);

    const results = await rig.ok('events.add', { number: n, eventIds: [...input, fresh[0]!] });

    expect(results.map((r) => r.eventId)).toEqual(input); // one per distinct ID, in input order
    const byId = new Map(results.map((r) => [r.eventId, r]));
    for (const id of fresh) expect(byId.get(id)).toEqual({ eventId: id, status: 'attached' });
    for (const id of already) {
      expect(byId.get(id)).toEqual({
        eventId: id,
        status: 'already-attached',
        code: 'CASE_ALREADY_HAS_EVENT',
        message: 'This file event is already attached to the case.',
      });
    }
    expect(byId.get(UNKNOWN_ID)).toMatchObject({ status: 'not-found', code: 'EVENT_NOT_FOUND' });

    expect(received(BATCH_ROUTE) - batchesBefore).toBe(2);
    expect(received(SINGLE_ROUTE) - singlesBefore).toBe(23);
    const onCase = new Set(emu.eventIdsOnCase(n));
    expect(fresh.every((id) => onCase.has(id))).toBe(true);
  });

  it('fails every ID with CASE_IS_CLOSED on a closed case, after one request', async () => {
    const emu = rig.emulator();
    const n = caseWith(emu, 'CLOSED');
    const ids = emu.unattachedEventIds(1500);
    const before = received(BATCH_ROUTE);
    const results = await rig.ok('events.add', { number: n, eventIds: ids });
    expect(results).toHaveLength(1500);
    expect(results.every((r) => r.status === 'failed' && r.code === 'CASE_IS_CLOSED')).toBe(true);
    expect(received(BATCH_ROUTE) - before).toBe(1);
    expect(emu.eventIdsOnCase(n).some((id) => ids.includes(id))).toBe(false);
  });

  it('reports progress (done, total) to the CLI-style callback', async () => {
    const emu = rig.emulator();
    const n = caseWith(emu, 'OPEN', 2);
    const ids = [...emu.unattachedEventIds(1003), emu.eventIdsOnCase(n)[0]!];
    const progress: [number, number][] = [];
    const client = rig.context.session.client();
    const results = await attachEvents(client, n, ids, (done, total) => progress.push([done, total]));
    expect(results.filter((r) => r.status === 'attached')).toHaveLength(1003);
    expect(progress[0]).toEqual([1000, 1004]);
    expect(progress.at(-1)).toEqual([1004, 1004]);
    expect(progress).toHaveLength(1 + 4); // one batch, then the four IDs of the refused batch one by one
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
  });
});

describe('events.attachProgress', () => {
  it('is pushed while events.add runs: the first batch, then throttled, then the last', async () => {
    const emu = rig.emulator();
    const n = caseWith(emu, 'OPEN', 4);
    const other = caseWith(emu, 'OPEN', 5);
    const already = emu.eventIdsOnCase(n).slice(0, 3);
    const ids = [...emu.unattachedEventIds(2500).slice(1500), ...already, UNKNOWN_ID];
    const seenBefore = rig.eventsOf('events.attachProgress').length;

    const results = await rig.ok('events.add', { number: n, eventIds: ids });
    // Another case's run is told apart by its case number.
    await rig.ok('events.add', { number: other, eventIds: [emu.unattachedEventIds(1)[0]!] });

    expect(results.filter((r) => r.status === 'attached')).toHaveLength(1000);
    const progress = rig
      .eventsOf('events.attachProgress')
      .slice(seenBefore)
      .filter((p) => p.caseNumber === n);
    // One push for the first batch of 1,000, then the refused second batch ID by ID: throttled.
    expect(progress[0]).toEqual({ caseNumber: n, done: 1000, total: 1004 });
    expect(progress.at(-1)).toEqual({ caseNumber: n, done: 1004, total: 1004 });
    expect(progress.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.done).toBeGreaterThan(progress[i - 1]!.done);
    expect(rig.eventsOf('events.attachProgress').slice(seenBefore).at(-1)).toEqual({
      caseNumber: other,
      done: 1,
      total: 1,
    });
  });

  it('throttles a long ID-by-ID run to a few pushes per second', async () => {
    const emu = rig.emulator();
    const n = caseWith(emu, 'OPEN', 6);
    // One unknown ID makes the whole batch go ID by ID: 400 single POSTs.
    const ids = [...emu.unattachedEventIds(2900).slice(2500), UNKNOWN_ID];
    const seenBefore = rig.events.length;
    const started = performance.now();
    await rig.ok('events.add', { number: n, eventIds: ids });
    const elapsed = performance.now() - started;
    const pushes = rig.events.slice(seenBefore).filter((e) => e.event === 'events.attachProgress');
    expect(pushes.at(-1)?.payload).toEqual({ caseNumber: n, done: 401, total: 401 });
    expect(pushes.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(pushes.length).toBeGreaterThan(2);
    for (let i = 1; i < pushes.length - 1; i++) {
      expect(pushes[i]!.at - pushes[i - 1]!.at).toBeGreaterThanOrEqual(95);
    }
  });
});

describe('events.remove', () => {
  it('detaches one event; a second time it is NOT_FOUND', async () => {
    const emu = rig.emulator();
    const n = caseWith(emu, 'OPEN', 3);
    const eventId = emu.eventIdsOnCase(n)[0]!;
    expect(await rig.ok('events.remove', { number: n, eventId })).toEqual({ removed: eventId });
    expect(emu.eventIdsOnCase(n)).not.toContain(eventId);
    expect((await rig.fail('events.remove', { number: n, eventId })).code).toBe('NOT_FOUND');
  });

  it('refuses on a closed case', async () => {
    const emu = rig.emulator();
    const n = caseWith(emu, 'CLOSED');
    const eventId = emu.eventIdsOnCase(n)[0];
    if (eventId === undefined) throw new Error('the seeded closed case has no events');
    expect((await rig.fail('events.remove', { number: n, eventId })).code).toBe('CASE_IS_CLOSED');
  });
});
