/** File events on cases against the emulator: list, page, detail, attach, detach and their problems. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncydrClient } from '../../../src-main/core/incydr/index.js';
import { LIMITS } from '../../../src-shared/domain/index.js';
import { caseWith, clientFor, startTestEmulator } from './helpers/emulator.js';
import type { RunningEmulator } from './helpers/emulator.js';

let emu: RunningEmulator;
let client: IncydrClient;

beforeAll(async () => {
  emu = await startTestEmulator({ cases: 12, seed: 11, eventsPerCase: { min: 5, max: 40 } });
  client = clientFor(emu);
});

afterAll(async () => {
  await emu.close();
});

const newCase = async (label: string): Promise<number> =>
  (await client.createCase({ name: `${label} ${Math.random().toString(36).slice(2, 8)}` })).number;

describe('reading events', () => {
  it('getFileEvents lists the attached events with normalised indicators', async () => {
    const n = caseWith(emu, 'OPEN');
    const page = await client.getFileEvents(n);
    expect(page.totalCount).toBe(emu.eventIdsOnCase(n).length);
    expect(page.events.map((e) => e.eventId)).toEqual(emu.eventIdsOnCase(n));
    for (const e of page.events) {
      expect(typeof e.eventId).toBe('string');
      for (const i of e.riskIndicators) expect(typeof i.name).toBe('string');
    }
  });

  it('pages with pgNum/pgSize, and a page past the end is empty', async () => {
    const n = caseWith(emu, 'OPEN');
    const ids = emu.eventIdsOnCase(n);
    const second = await client.getFileEvents(n, { pgNum: 2, pgSize: 2 });
    expect(second.events.map((e) => e.eventId)).toEqual(ids.slice(2, 4));
    const beyond = await client.getFileEvents(n, { pgNum: 999, pgSize: 50 });
    expect(beyond).toEqual({ events: [], totalCount: ids.length });
    await expect(client.getFileEvents(n, { pgNum: 0 })).rejects.toMatchObject({
      code: 'INVALID_PAGE_NUMBER',
    });
  });

  it('iterFileEvents walks every page', async () => {
    const n = caseWith(emu, 'OPEN', 1);
    const seen: string[] = [];
    for await (const e of client.iterFileEvents(n, 3)) seen.push(e.eventId);
    expect(seen).toEqual(emu.eventIdsOnCase(n));
  });

  it('getFileEventDetail returns the FileEventV2 with event.id as a string', async () => {
    const n = caseWith(emu, 'OPEN');
    const id = emu.eventIdsOnCase(n)[0];
    if (!id) throw new Error('no event');
    const detail = await client.getFileEventDetail(n, id);
    expect(detail.event.id).toBe(id);
    expect(detail).toHaveProperty('@timestamp');
    expect(detail.file).toHaveProperty('hash');
  });

  it('events of a missing case, or not on the case, are NOT_FOUND', async () => {
    await expect(client.getFileEvents(999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [id] = emu.unattachedEventIds(1);
    await expect(client.getFileEventDetail(caseWith(emu, 'OPEN'), id ?? 'x')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('attaching and detaching', () => {
  it('addFileEvents attaches many in one POST; addFileEvent one; removeFileEvent detaches', async () => {
    const n = await newCase('Attach');
    const ids = emu.unattachedEventIds(4);
    const postsBefore = emu.stats.executed['POST /v1/cases/{caseNumber}/fileevent'] ?? 0;
    await client.addFileEvents(n, ids.slice(0, 3));
    expect(emu.stats.executed['POST /v1/cases/{caseNumber}/fileevent']).toBe(postsBefore + 1);
    await client.addFileEvent(n, ids[3] ?? '');
    expect(emu.eventIdsOnCase(n)).toEqual(ids);
    await client.removeFileEvent(n, ids[0] ?? '');
    expect(emu.eventIdsOnCase(n)).toEqual(ids.slice(1));
    await expect(client.removeFileEvent(n, ids[0] ?? '')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('CASE_ALREADY_HAS_EVENT, EVENT_NOT_FOUND and CASE_IS_CLOSED', async () => {
    const n = await newCase('Problems');
    const [a] = emu.unattachedEventIds(1);
    if (!a) throw new Error('no free event');
    await client.addFileEvent(n, a);
    await expect(client.addFileEvent(n, a)).rejects.toMatchObject({
      code: 'CASE_ALREADY_HAS_EVENT',
      status: 400,
    });
    await expect(client.addFileEvents(n, [a])).rejects.toMatchObject({ code: 'CASE_ALREADY_HAS_EVENT' });
    await expect(client.addFileEvents(n, ['0_not-an-event'])).rejects.toMatchObject({
      code: 'EVENT_NOT_FOUND',
    });
    await client.updateCase(n, { status: 'CLOSED' });
    const [b] = emu.unattachedEventIds(1);
    await expect(client.addFileEvent(n, b ?? '')).rejects.toMatchObject({ code: 'CASE_IS_CLOSED' });
    await expect(client.removeFileEvent(n, a)).rejects.toMatchObject({ code: 'CASE_IS_CLOSED' });
    expect(emu.eventIdsOnCase(n)).toEqual([a]);
  });

  it('TOO_MANY_EVENTS: more than 10,000 in one request', async () => {
    const n = await newCase('Too many at once');
    const ids = Array.from({ length: LIMITS.eventsPerCase + 1 }, (_, i) => `0_fake_${i}`);
    await expect(client.addFileEvents(n, ids)).rejects.toMatchObject({
      code: 'TOO_MANY_EVENTS',
      status: 400,
    });
    expect(emu.eventIdsOnCase(n)).toEqual([]);
  });

  it('TOO_MANY_EVENTS: the 10,000-per-case cap', async () => {
    const n = await newCase('Full case');
    const ids = emu.unattachedEventIds(LIMITS.eventsPerCase + 1);
    expect(ids).toHaveLength(LIMITS.eventsPerCase + 1);
    await client.addFileEvents(n, ids.slice(0, LIMITS.eventsPerCase));
    expect(emu.eventIdsOnCase(n)).toHaveLength(LIMITS.eventsPerCase);
    await expect(client.addFileEvent(n, ids[LIMITS.eventsPerCase] ?? '')).rejects.toMatchObject({
      code: 'TOO_MANY_EVENTS',
    });
    const page = await client.getFileEvents(n, { pgNum: 10, pgSize: 1000 });
    expect(page.events).toHaveLength(1000);
    expect(page.totalCount).toBe(LIMITS.eventsPerCase);
    await client.deleteCase(n); // frees the events for the other tests
  });
});
