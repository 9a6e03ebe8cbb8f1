import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaseDetail,
  CaseFileEvent,
  CaseFileEventPage,
  FileEventV2,
} from '../../../src-shared/domain/index.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { api, problemOf, start } from './helpers.js';
import type { Api } from './helpers.js';

let emu: RunningEmulator;
let a: Api;
let openWithEvents: number;

beforeAll(async () => {
  emu = await start({ cases: 20 });
  a = await api(emu);
  openWithEvents = emu.caseNumbers('OPEN').find((n) => emu.eventIdsOnCase(n).length >= 5)!;
});
afterAll(() => emu.close());

async function newCase(name: string): Promise<number> {
  const res = await a.post('/v1/cases', { name });
  return ((await res.json()) as CaseDetail).number;
}

const events = (n: number, query = ''): Promise<CaseFileEventPage> =>
  a.json<CaseFileEventPage>(`/v1/cases/${n}/fileevent${query}`);

describe('GET /v1/cases/{n}/fileevent', () => {
  it('lists the attached events with the abbreviated item shape', async () => {
    const page = await events(openWithEvents);
    const ids = emu.eventIdsOnCase(openWithEvents);
    expect(page.totalCount).toBe(ids.length);
    expect(page.events.map((e) => e.eventId)).toEqual(ids);
    const item = page.events[0] as CaseFileEvent;
    expect(Object.keys(item).sort()).toEqual(
      [
        'eventId',
        'eventTimestamp',
        'exposure',
        'fileAvailability',
        'fileName',
        'filePath',
        'riskIndicators',
        'riskScore',
        'riskSeverity',
      ].sort(),
    );
    expect(item.eventId).toMatch(/^0_[0-9a-f-]{36}_\d+_\d+_\d+$/);
    for (const e of page.events) {
      expect(e.riskScore).toBe(e.riskIndicators.reduce((s, i) => s + (i.weight ?? 0), 0));
    }
  });

  it('pages with pgNum/pgSize and returns an empty page past the end', async () => {
    const all = (await events(openWithEvents)).events.map((e) => e.eventId);
    const first = await events(openWithEvents, '?pgNum=1&pgSize=2');
    const second = await events(openWithEvents, '?pgNum=2&pgSize=2');
    expect([...first.events, ...second.events].map((e) => e.eventId)).toEqual(all.slice(0, 4));
    expect(first.totalCount).toBe(all.length);
    expect(await events(openWithEvents, '?pgNum=500&pgSize=100')).toEqual({
      events: [],
      totalCount: all.length,
    });
    const bad = await a.get(`/v1/cases/${openWithEvents}/fileevent?pgNum=0`);
    expect(await problemOf(bad)).toMatchObject({ problem: 'INVALID_PAGE_NUMBER' });
    const badSize = await a.get(`/v1/cases/${openWithEvents}/fileevent?pgSize=-4`);
    expect(await problemOf(badSize)).toMatchObject({ problem: 'INVALID_PAGE_SIZE' });
  });

  it('mixes availabilities across the tenant', async () => {
    const seen = new Set<string>();
    for (const n of emu.caseNumbers()) {
      for (const e of (await events(n)).events) seen.add(e.fileAvailability);
    }
    expect(seen.has('EXACT_FILE_AVAILABLE')).toBe(true);
    expect(seen.has('NO_FILE_AVAILABLE')).toBe(true);
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('filters by archiveId', async () => {
    let found: { n: number; archiveId: string } | undefined;
    for (const n of emu.caseNumbers('OPEN')) {
      for (const id of emu.eventIdsOnCase(n)) {
        const detail = await a.json<FileEventV2>(`/v1/cases/${n}/fileevent/${id}`);
        if (detail.file.archiveId) found = { n, archiveId: detail.file.archiveId as string };
        if (found) break;
      }
      if (found) break;
    }
    expect(found).toBeDefined();
    const { n, archiveId } = found!;
    const page = await events(n, `?archiveId=${archiveId}`);
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.totalCount).toBeLessThanOrEqual(emu.eventIdsOnCase(n).length);
    for (const e of page.events) {
      const detail = await a.json<FileEventV2>(`/v1/cases/${n}/fileevent/${e.eventId}`);
      expect(detail.file.archiveId).toBe(archiveId);
    }
    expect((await events(n, '?archiveId=nope')).totalCount).toBe(0);
  });

  it('404s for an unknown case', async () => {
    expect((await a.get('/v1/cases/9999/fileevent')).status).toBe(404);
  });
});

describe('GET /v1/cases/{n}/fileevent/{eventId}', () => {
  it('returns a full FileEventV2 with every group present', async () => {
    const id = emu.eventIdsOnCase(openWithEvents)[0]!;
    const item = (await events(openWithEvents)).events[0]!;
    const e = await a.json<FileEventV2>(`/v1/cases/${openWithEvents}/fileevent/${id}`);
    for (const group of [
      'event',
      'user',
      'file',
      'source',
      'destination',
      'process',
      'risk',
      'report',
      'responseControls',
      'git',
    ]) {
      expect(typeof e[group], group).toBe('object');
      expect(e[group], group).not.toBeNull();
    }
    expect(e.event.id).toBe(id);
    expect(e['@timestamp']).toBe(item.eventTimestamp);
    expect(e.file.name).toBe(item.fileName);
    expect(e.file.directory).toBe(item.filePath);
    expect(e.risk.score).toBe(item.riskScore);
    expect(e.risk.severity).toBe(item.riskSeverity);
    expect(e.file.hash?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(e.file.hash?.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof e.file.sizeInBytes).toBe('number');
    // Absent sub-objects are present with null members and empty arrays.
    const report = e.report as Record<string, unknown>;
    expect(Object.keys(report).length).toBeGreaterThan(3);
    const destination = e.destination as {
      removableMedia: Record<string, unknown>;
      email: Record<string, unknown>;
    };
    expect(destination.removableMedia).toHaveProperty('busType');
    expect(destination.email).toHaveProperty('recipients');
    expect(e.git as Record<string, unknown>).toHaveProperty('repositoryUri');
  });

  it('404s for an event that is not on the case, or an unknown event', async () => {
    const other = emu.unattachedEventIds(1)[0]!;
    expect((await a.get(`/v1/cases/${openWithEvents}/fileevent/${other}`)).status).toBe(404);
    expect((await a.get(`/v1/cases/${openWithEvents}/fileevent/0_nope_1_2_3`)).status).toBe(404);
  });
});

describe('attaching events', () => {
  it('POST {"events":[…]} attaches many (204), counted once as executed', async () => {
    const n = await newCase('attach many');
    const ids = emu.unattachedEventIds(3);
    const before = emu.stats.executed['POST /v1/cases/{caseNumber}/fileevent'] ?? 0;
    const res = await a.post(`/v1/cases/${n}/fileevent`, { events: ids });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(emu.stats.executed['POST /v1/cases/{caseNumber}/fileevent']).toBe(before + 1);
    expect((await events(n)).events.map((e) => e.eventId)).toEqual(ids);
  });

  it('the same event may sit on several cases', async () => {
    const id = emu.eventIdsOnCase(openWithEvents)[0]!;
    const n = await newCase('shared event');
    expect((await a.post(`/v1/cases/${n}/fileevent`, { events: [id] })).status).toBe(204);
    expect(emu.eventIdsOnCase(openWithEvents)).toContain(id);
  });

  it('is all-or-nothing: an unknown ID → EVENT_NOT_FOUND, a present one → CASE_ALREADY_HAS_EVENT', async () => {
    const n = await newCase('all or nothing');
    const [fresh, other] = emu.unattachedEventIds(2) as [string, string];
    const unknown = await a.post(`/v1/cases/${n}/fileevent`, { events: [fresh, '0_bogus_1_2_3'] });
    expect(unknown.status).toBe(400);
    expect(await problemOf(unknown)).toMatchObject({ problem: 'EVENT_NOT_FOUND' });
    expect((await events(n)).totalCount).toBe(0);

    expect((await a.post(`/v1/cases/${n}/fileevent`, { events: [fresh] })).status).toBe(204);
    const dup = await a.post(`/v1/cases/${n}/fileevent`, { events: [other, fresh] });
    expect(dup.status).toBe(400);
    expect(await problemOf(dup)).toEqual({ problem: 'CASE_ALREADY_HAS_EVENT', description: fresh });
    expect((await events(n)).events.map((e) => e.eventId)).toEqual([fresh]);
  });

  it('refuses closed and archived cases with CASE_IS_CLOSED', async () => {
    const id = emu.unattachedEventIds(1)[0]!;
    for (const n of [emu.caseNumbers('CLOSED')[0]!, emu.caseNumbers('ARCHIVED')[0]!]) {
      for (const res of [
        await a.post(`/v1/cases/${n}/fileevent`, { events: [id] }),
        await a.post(`/v1/cases/${n}/fileevent/${id}`),
      ]) {
        expect(res.status).toBe(400);
        expect(await problemOf(res)).toMatchObject({ problem: 'CASE_IS_CLOSED' });
      }
    }
  });

  it('POST /fileevent/{id} attaches one, with the same rules', async () => {
    const n = await newCase('attach one');
    const id = emu.unattachedEventIds(1)[0]!;
    const res = await a.post(`/v1/cases/${n}/fileevent/${id}`);
    expect(res.status).toBe(204);
    expect(emu.eventIdsOnCase(n)).toEqual([id]);
    expect(await problemOf(await a.post(`/v1/cases/${n}/fileevent/${id}`))).toMatchObject({
      problem: 'CASE_ALREADY_HAS_EVENT',
    });
    expect(await problemOf(await a.post(`/v1/cases/${n}/fileevent/0_x_1_2_3`))).toMatchObject({
      problem: 'EVENT_NOT_FOUND',
    });
    expect((await a.post(`/v1/cases/99999/fileevent/${id}`)).status).toBe(404);
  });

  it('rejects a malformed body with 400', async () => {
    const n = await newCase('bad body');
    for (const body of [{}, { events: 'x' }, { events: [1, 2] }, ['x']]) {
      expect((await a.post(`/v1/cases/${n}/fileevent`, body)).status).toBe(400);
    }
  });

  it('caps a case at 10,000 events (TOO_MANY_EVENTS), per request and in total', async () => {
    const n = await newCase('ten thousand');
    const ids = emu.unattachedEventIds(10_001);
    expect(ids).toHaveLength(10_001);
    const tooMany = await a.post(`/v1/cases/${n}/fileevent`, { events: ids });
    expect(await problemOf(tooMany)).toMatchObject({ problem: 'TOO_MANY_EVENTS' });
    expect((await events(n)).totalCount).toBe(0);

    expect((await a.post(`/v1/cases/${n}/fileevent`, { events: ids.slice(0, 10_000) })).status).toBe(204);
    const full = await events(n);
    expect(full.totalCount).toBe(10_000);
    expect(full.events).toHaveLength(10_000); // the default page size is the cap
    const one = await a.post(`/v1/cases/${n}/fileevent/${ids[10_000]}`);
    expect(await problemOf(one)).toMatchObject({ problem: 'TOO_MANY_EVENTS' });
    const many = await a.post(`/v1/cases/${n}/fileevent`, { events: [ids[10_000]] });
    expect(await problemOf(many)).toMatchObject({ problem: 'TOO_MANY_EVENTS' });

    expect((await a.del(`/v1/cases/${n}/fileevent/${ids[0]}`)).status).toBe(204);
    expect((await a.post(`/v1/cases/${n}/fileevent/${ids[10_000]}`)).status).toBe(204);
  });
});

describe('DELETE /v1/cases/{n}/fileevent/{eventId}', () => {
  it('detaches (204), then 404 when no longer on the case', async () => {
    const n = await newCase('detach');
    const [x, y] = emu.unattachedEventIds(2) as [string, string];
    await a.post(`/v1/cases/${n}/fileevent`, { events: [x, y] });
    expect((await a.del(`/v1/cases/${n}/fileevent/${x}`)).status).toBe(204);
    expect(emu.eventIdsOnCase(n)).toEqual([y]);
    expect((await a.del(`/v1/cases/${n}/fileevent/${x}`)).status).toBe(404);
    expect((await a.del(`/v1/cases/${n}/fileevent/0_nope_1_2_3`)).status).toBe(404);
    expect((await a.del(`/v1/cases/99999/fileevent/${y}`)).status).toBe(404);
  });

  it('refuses a closed case with CASE_IS_CLOSED', async () => {
    const n = emu.caseNumbers('CLOSED').find((c) => emu.eventIdsOnCase(c).length > 0)!;
    const id = emu.eventIdsOnCase(n)[0]!;
    const res = await a.del(`/v1/cases/${n}/fileevent/${id}`);
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({ problem: 'CASE_IS_CLOSED' });
    expect(emu.eventIdsOnCase(n)).toContain(id);
  });
});
