/**
 * Requests made exactly the way the official Python SDK (incydr 2.12.2) makes them
 * (incydr-api.md §1.2, §2.2, §2.8, §4.1, §5.5), with the answers that SDK expects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CasePage, CaseFileEventPage, UserPage } from '../../../src-shared/domain/index.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { start } from './helpers.js';
import { unzip } from './zip-reader.js';

let emu: RunningEmulator;
let headers: Record<string, string>;
const UA = 'incydrSDK/2.12.2 python/3.12.3 Linux/6.8.0';

beforeAll(async () => {
  emu = await start({ cases: 60 });
  // The SDK posts Basic auth only: no body, no grant_type, no Content-Type.
  const res = await fetch(`${emu.url}/v1/oauth`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString('base64')}`,
      'User-Agent': UA,
    },
  });
  const body = (await res.json()) as { access_token: string };
  // The SDK reads the tenant from the JWT payload (base64, padded back before decoding).
  const payload = body.access_token.split('.')[1]!;
  const padded = payload + '='.repeat((4 - (payload.length % 4)) % 4);
  const claims = JSON.parse(
    Buffer.from(padded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString(),
  ) as {
    tenantUid: string;
  };
  expect(claims.tenantUid).toBe(emu.tenantUid);
  headers = { Authorization: `Bearer ${body.access_token}`, 'User-Agent': UA };
});
afterAll(() => emu.close());

async function get<T>(pathAndQuery: string): Promise<T> {
  const res = await fetch(`${emu.url}${pathAndQuery}`, { headers });
  expect(res.status, `${pathAndQuery}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as T;
}

async function send(method: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${emu.url}${path}`, {
    method,
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the official SDK against the emulator', () => {
  it('cases.get_page(page_size=15): pgNum=1&pgSize=15&srtDir=asc&srtKey=number', async () => {
    const page = await get<CasePage>('/v1/cases?pgNum=1&pgSize=15&srtDir=asc&srtKey=number');
    expect(page.totalCount).toBe(60);
    expect(page.cases.map((c) => c.number)).toEqual([...Array(15).keys()].map((i) => i + 1));
  });

  it('the "everything set" query string, percent-encoded, with True and microsecond intervals', async () => {
    const page = await get<CasePage>(
      '/v1/cases?assignee=test-assignee&createdAt=2022-08-09T00%3A00%3A00.000000Z%2F2022-08-11T00%3A00%3A00.000000Z' +
        '&isAssigned=True&lastModifiedBy=test-user&name=test-name&pgNum=2&pgSize=10&srtDir=desc&srtKey=status&status=OPEN',
    );
    expect(page).toEqual({ cases: [], totalCount: 0 });
  });

  it('the same shape of query with real values finds the matching cases', async () => {
    const all = await get<CasePage>('/v1/cases');
    const target = all.cases.find((c) => c.status === 'OPEN' && c.assignee !== null)!;
    const word = target.name.split(' ')[0]!;
    const query = new URLSearchParams({
      assignee: target.assignee!,
      createdAt: '2020-01-01T00:00:00.000000Z/2030-01-01T00:00:00.000000Z',
      isAssigned: 'True',
      lastModifiedBy: target.lastModifiedByUserUid!,
      name: word,
      pgNum: '1',
      pgSize: '10',
      srtDir: 'desc',
      srtKey: 'status',
      status: 'OPEN',
    });
    expect(query.toString()).toContain('%3A00%3A00.000000Z%2F2030');
    const page = await get<CasePage>(`/v1/cases?${query.toString()}`);
    const expected = all.cases.filter(
      (c) =>
        c.status === 'OPEN' &&
        c.assignee === target.assignee &&
        c.lastModifiedByUserUid === target.lastModifiedByUserUid &&
        c.name.toLowerCase().includes(word.toLowerCase()),
    );
    expect(page.totalCount).toBe(expected.length);
    expect(page.cases.map((c) => c.number)).toContain(target.number);
  });

  it('iter_all: walks pages until one is short; an exact multiple ends with an empty page', async () => {
    const seen: number[] = [];
    let pgNum = 1;
    for (;;) {
      const page = await get<CasePage>(`/v1/cases?pgNum=${pgNum}&pgSize=15&srtDir=asc&srtKey=number`);
      seen.push(...page.cases.map((c) => c.number));
      expect(page.totalCount).toBe(60);
      if (page.cases.length < 15) break;
      pgNum++;
    }
    expect(pgNum).toBe(5);
    expect(seen).toHaveLength(60);
  });

  it('cases.create and cases.update send every key, nulls included', async () => {
    const created = await send('POST', '/v1/cases', {
      name: 'sdk-created',
      assignee: null,
      description: 'from the SDK',
      findings: null,
      subject: null,
    });
    expect(created.status).toBe(200);
    const c = (await created.json()) as CaseDetail;
    expect(c.status).toBe('OPEN');
    const updated = await send('PUT', `/v1/cases/${c.number}`, {
      name: c.name,
      assignee: null,
      description: 'changed',
      findings: null,
      subject: null,
      status: 'OPEN',
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as CaseDetail).description).toBe('changed');
  });

  it('get_file_events (pgNum=1&pgSize=100) and add_file_events_to_case ({"events": [...]})', async () => {
    const n = emu.caseNumbers('OPEN')[0]!;
    const [id] = emu.unattachedEventIds(1) as [string];
    const res = await send('POST', `/v1/cases/${n}/fileevent`, { events: [id] });
    expect(res.status).toBe(204);
    const page = await get<CaseFileEventPage>(`/v1/cases/${n}/fileevent?pgNum=1&pgSize=100`);
    expect(page.events.map((e) => e.eventId)).toContain(id);
  });

  it('download_full_case_zip: files=True&summary=True&fileEvents=False, named by an unquoted header', async () => {
    const n = emu.caseNumbers('OPEN').find((c) => emu.eventIdsOnCase(c).length > 3)!;
    const res = await fetch(`${emu.url}/v1/cases/${n}/export/full?files=True&summary=True&fileEvents=False`, {
      headers,
    });
    expect(res.status).toBe(200);
    // The SDK takes everything after "filename=" verbatim.
    const header = res.headers.get('content-disposition')!;
    expect(header.slice(header.indexOf('filename=') + 'filename='.length)).toBe(`Case-${n}.zip`);
    const names = (await unzip(Buffer.from(await res.arrayBuffer()))).map((e) => e.name);
    expect(names).toContain(`Case-${n}/Case-${n}.pdf`);
    expect(names).not.toContain(`Case-${n}/Case-${n}-file-events.csv`);
    expect(names.some((x) => x.startsWith(`Case-${n}/source-files/`))).toBe(true);
  });

  it('the CLI resolves an email with username=<email>&page=1&pageSize=100', async () => {
    const user = emu.users()[2]!;
    const page = await get<UserPage>(
      `/v1/users?username=${encodeURIComponent(user.username)}&page=1&pageSize=100`,
    );
    expect(page.users[0]?.userId).toBe(user.userId);
    expect(page.totalCount).toBe(1);
  });

  it('a page past the end is an empty list, not an error', async () => {
    expect(await get<CasePage>('/v1/cases?pgNum=7&pgSize=15&srtDir=asc&srtKey=number')).toEqual({
      cases: [],
      totalCount: 61,
    });
  });
});
