import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFileEventPage, CasePage } from '../../../src-shared/domain/index.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { api, bytes, start } from './helpers.js';
import type { Api } from './helpers.js';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

let one: RunningEmulator;
let two: RunningEmulator;
let other: RunningEmulator;
let a1: Api;
let a2: Api;
let a3: Api;

beforeAll(async () => {
  [one, two, other] = await Promise.all([
    start({ seed: 7, cases: 25 }),
    start({ seed: 7, cases: 25 }),
    start({ seed: 8, cases: 25 }),
  ]);
  [a1, a2, a3] = await Promise.all([api(one), api(two), api(other)]);
});
afterAll(() => Promise.all([one.close(), two.close(), other.close()]));

describe('the same seed gives the same tenant', () => {
  it('same tenant, cases, users and actors', async () => {
    expect(one.tenantUid).toBe(two.tenantUid);
    expect(await a1.json('/v1/cases')).toEqual(await a2.json('/v1/cases'));
    expect(await a1.json('/v1/users')).toEqual(await a2.json('/v1/users'));
    expect(await a1.json('/v1/actors/actor/search?pageSize=500')).toEqual(
      await a2.json('/v1/actors/actor/search?pageSize=500'),
    );
    const page = await a1.json<CasePage>('/v1/cases?pgSize=5');
    for (const c of page.cases)
      expect(await a1.json(`/v1/cases/${c.number}`)).toEqual(await a2.json(`/v1/cases/${c.number}`));
  });

  it('same events, event details, captured files and exports', async () => {
    const n = one.caseNumbers('OPEN').find((c) => one.eventIdsOnCase(c).length > 3)!;
    const ev1 = await a1.json<CaseFileEventPage>(`/v1/cases/${n}/fileevent`);
    expect(ev1).toEqual(await a2.json(`/v1/cases/${n}/fileevent`));
    for (const e of ev1.events) {
      expect(await a1.json(`/v1/cases/${n}/fileevent/${e.eventId}`)).toEqual(
        await a2.json(`/v1/cases/${n}/fileevent/${e.eventId}`),
      );
      if (['EXACT_FILE_AVAILABLE', 'RECENT_FILE_AVAILABLE'].includes(e.fileAvailability)) {
        const f1 = sha256(await bytes(await a1.get(`/v1/cases/${n}/fileevent/${e.eventId}/file`)));
        const f2 = sha256(await bytes(await a2.get(`/v1/cases/${n}/fileevent/${e.eventId}/file`)));
        expect(f1).toBe(f2);
      }
    }
    for (const path of [
      `/v1/cases/${n}/export/full`,
      `/v1/cases/${n}/export`,
      `/v1/cases/${n}/fileevent/export`,
    ]) {
      expect(sha256(await bytes(await a1.get(path))), path).toBe(sha256(await bytes(await a2.get(path))));
    }
    expect(one.unattachedEventIds(5)).toEqual(two.unattachedEventIds(5));
  });

  it('another seed gives another tenant', async () => {
    expect(other.tenantUid).not.toBe(one.tenantUid);
    const c1 = await a1.json<CasePage>('/v1/cases');
    const c3 = await a3.json<CasePage>('/v1/cases');
    expect(c3.cases.map((c) => c.name)).not.toEqual(c1.cases.map((c) => c.name));
    expect(other.unattachedEventIds(3)).not.toEqual(one.unattachedEventIds(3));
  });
});
