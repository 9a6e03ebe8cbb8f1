import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseFileEventPage } from '../../../src-shared/domain/index.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { api, problemOf, start } from './helpers.js';
import type { Api } from './helpers.js';

let emu: RunningEmulator;
let a: Api;
let counter = 0;
const uniqueName = (): string => `Test case ${++counter} ${Date.now() % 100000}`;

beforeAll(async () => {
  emu = await start({ cases: 30 });
  a = await api(emu);
});
afterAll(() => emu.close());

async function create(body: Record<string, unknown>): Promise<CaseDetail> {
  const res = await a.post('/v1/cases', body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as CaseDetail;
}

function fullBody(c: CaseDetail): Record<string, unknown> {
  return {
    name: c.name,
    description: c.description,
    findings: c.findings,
    subject: c.subject,
    assignee: c.assignee,
    status: c.status,
  };
}

const activeUser = () => emu.users().find((u) => u.active && !u.blocked && u.userId !== emu.identity.userId)!;
const actor = () => emu.actors().find((x) => x.parentActorId === null)!;

describe('POST /v1/cases', () => {
  it('creates an OPEN case (200 + detail) stamped with the token user', async () => {
    const before = emu.stats.executed['POST /v1/cases'] ?? 0;
    const subject = actor();
    const assignee = activeUser();
    const c = await create({
      name: 'Q1 source-code exfil — test',
      description: 'Large uploads',
      findings: '## Summary\n- one',
      subject: subject.actorId,
      assignee: assignee.userId,
    });
    expect(c.number).toBe(31);
    expect(c.status).toBe('OPEN');
    expect(c.subjectUsername).toBe(subject.name);
    expect(c.assigneeUsername).toBe(assignee.username);
    expect(c.createdByUserUid).toBe(emu.identity.userId);
    expect(c.createdByUsername).toBe(emu.identity.username);
    expect(c.lastModifiedByUserUid).toBe(emu.identity.userId);
    expect(c.updatedAt).toBe(c.createdAt);
    expect(c.archivalTime).toBeNull();
    expect(c.createdAt).toMatch(/\.\d{6}Z$/);
    expect(emu.stats.executed['POST /v1/cases']).toBe(before + 1);
    expect(await a.json(`/v1/cases/${c.number}`)).toEqual(c);
  });

  it('needs only a name; the SDK style with every key null works too', async () => {
    const bare = await create({ name: uniqueName() });
    expect(bare).toMatchObject({ description: null, findings: null, subject: null, assignee: null });
    const sdk = await create({
      name: uniqueName(),
      assignee: null,
      description: null,
      findings: null,
      subject: null,
    });
    expect(sdk.subjectUsername).toBeNull();
  });

  it('accepts user UIDs and actor IDs for both subject and assignee', async () => {
    const c = await create({ name: uniqueName(), subject: activeUser().userId, assignee: actor().actorId });
    expect(c.subjectUsername).toBe(activeUser().username);
    expect(c.assigneeUsername).toBe(actor().name);
  });

  const problems: [string, Record<string, unknown>, number, string, string | null][] = [
    ['missing name', { description: 'x' }, 400, 'NAME_EMPTY', 'name must not be empty'],
    ['null name', { name: null }, 400, 'NAME_EMPTY', 'name must not be empty'],
    ['blank name', { name: '   ' }, 400, 'NAME_EMPTY', 'name must not be empty'],
    ['51-char name', { name: 'x'.repeat(51) }, 400, 'NAME_TOO_LONG', 'name must be at most 50 characters'],
    [
      '251-char description',
      { name: 'ok name 1', description: 'd'.repeat(251) },
      400,
      'DESCRIPTION_TOO_LONG',
      'description must be at most 250 characters',
    ],
    [
      '30,001-char findings',
      { name: 'ok name 2', findings: 'f'.repeat(30_001) },
      400,
      'FINDINGS_TOO_LONG',
      'findings must be at most 30000 characters',
    ],
    [
      'unknown subject',
      { name: 'ok name 3', subject: '123' },
      400,
      'INVALID_USER',
      'subject validation failed',
    ],
    [
      'unknown assignee',
      { name: 'ok name 4', assignee: '456' },
      400,
      'INVALID_USER',
      'assignee validation failed',
    ],
    [
      'empty-string subject',
      { name: 'ok name 5', subject: '' },
      400,
      'INVALID_USER',
      'subject validation failed',
    ],
    [
      'control character in name',
      { name: 'bad\u0007name' },
      400,
      'INVALID_CHAR_IN_REQUEST',
      'control characters are not allowed',
    ],
  ];
  for (const [label, body, status, code, description] of problems) {
    it(`answers ${code} for ${label}, executing nothing`, async () => {
      const before = emu.stats.executed['POST /v1/cases'] ?? 0;
      const res = await a.post('/v1/cases', body);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ problem: code, description });
      expect(emu.stats.executed['POST /v1/cases'] ?? 0).toBe(before);
    });
  }

  it('accepts exactly 50 / 250 / 30,000 characters', async () => {
    const c = await create({
      name: 'n'.repeat(50),
      description: 'd'.repeat(250),
      findings: 'f'.repeat(30_000),
    });
    expect(c.name).toHaveLength(50);
  });

  it('answers NAME_EXISTS for a taken name', async () => {
    const name = uniqueName();
    await create({ name });
    const res = await a.post('/v1/cases', { name });
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toEqual({ problem: 'NAME_EXISTS', description: null });
  });

  it('answers 403 USER_VALIDATION_FORBIDDEN for a blocked or deactivated assignee', async () => {
    const blocked = emu.users().find((u) => u.blocked)!;
    const inactive = emu.users().find((u) => !u.active)!;
    for (const user of [blocked, inactive]) {
      const res = await a.post('/v1/cases', { name: uniqueName(), assignee: user.userId });
      expect(res.status).toBe(403);
      expect(await problemOf(res)).toMatchObject({ problem: 'USER_VALIDATION_FORBIDDEN' });
    }
  });

  it('wants JSON: 415 for another media type, 400 for malformed JSON or a non-object', async () => {
    const text = await a.fetch('/v1/cases', {
      method: 'POST',
      body: '{"name":"x"}',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const broken = await a.fetch('/v1/cases', {
      method: 'POST',
      body: '{"name":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { status: number }).status).toBe(400);
    expect((await a.post('/v1/cases', ['x'])).status).toBe(400);
    expect((await a.post('/v1/cases', { name: 5 })).status).toBe(400);
  });
});

describe('GET /v1/cases/{n}', () => {
  it('404s with a JSON object for an unknown case and 400s for a non-number', async () => {
    const missing = await a.get('/v1/cases/99999');
    expect(missing.status).toBe(404);
    expect(typeof (await missing.json())).toBe('object');
    expect((await a.get('/v1/cases/abc')).status).toBe(400);
  });
});

describe('PUT /v1/cases/{n}', () => {
  it('replaces all six fields: missing keys become null', async () => {
    const c = await create({
      name: uniqueName(),
      description: 'keep?',
      findings: 'gone?',
      subject: actor().actorId,
    });
    await new Promise((r) => setTimeout(r, 5));
    const res = await a.put(`/v1/cases/${c.number}`, { name: c.name, status: 'OPEN' });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as CaseDetail;
    expect(updated).toMatchObject({
      description: null,
      findings: null,
      subject: null,
      assignee: null,
      status: 'OPEN',
    });
    expect(updated.subjectUsername).toBeNull();
    expect(updated.createdAt).toBe(c.createdAt);
    expect(updated.updatedAt! > c.updatedAt!).toBe(true);
    expect(updated.lastModifiedByUserUid).toBe(emu.identity.userId);
  });

  it('updates a seeded case and records who changed it', async () => {
    const seeded = emu.getCase(emu.caseNumbers('OPEN')[0]!)!;
    const assignee = activeUser();
    const res = await a.put(`/v1/cases/${seeded.number}`, { ...fullBody(seeded), assignee: assignee.userId });
    const updated = (await res.json()) as CaseDetail;
    expect(updated.assigneeUsername).toBe(assignee.username);
    expect(updated.lastModifiedByUsername).toBe(emu.identity.username);
    expect(updated.createdByUserUid).toBe(seeded.createdByUserUid);
    expect(updated.findings).toBe(seeded.findings);
  });

  it('requires name (NAME_EMPTY) and status (400), and checks names, lengths and people', async () => {
    const c = await create({ name: uniqueName() });
    const other = await create({ name: uniqueName() });
    const noName = await a.put(`/v1/cases/${c.number}`, { status: 'OPEN' });
    expect(await problemOf(noName)).toMatchObject({ problem: 'NAME_EMPTY' });
    const noStatus = await a.put(`/v1/cases/${c.number}`, { name: c.name });
    expect(noStatus.status).toBe(400);
    const badStatus = await a.put(`/v1/cases/${c.number}`, { name: c.name, status: 'REOPENED' });
    expect(badStatus.status).toBe(400);
    const taken = await a.put(`/v1/cases/${c.number}`, { name: other.name, status: 'OPEN' });
    expect(await problemOf(taken)).toEqual({ problem: 'NAME_EXISTS', description: null });
    const same = await a.put(`/v1/cases/${c.number}`, { name: c.name, status: 'OPEN' });
    expect(same.status).toBe(200);
    const long = await a.put(`/v1/cases/${c.number}`, {
      name: c.name,
      status: 'OPEN',
      description: 'x'.repeat(251),
    });
    expect(await problemOf(long)).toMatchObject({ problem: 'DESCRIPTION_TOO_LONG' });
    const who = await a.put(`/v1/cases/${c.number}`, { name: c.name, status: 'OPEN', assignee: 'nobody' });
    expect(await problemOf(who)).toEqual({
      problem: 'INVALID_USER',
      description: 'assignee validation failed',
    });
    expect((await a.put('/v1/cases/99999', { name: 'x', status: 'OPEN' })).status).toBe(404);
  });

  it('renaming frees the old name', async () => {
    const c = await create({ name: uniqueName() });
    const renamed = `${c.name} (renamed)`;
    expect((await a.put(`/v1/cases/${c.number}`, { ...fullBody(c), name: renamed })).status).toBe(200);
    expect((await a.post('/v1/cases', { name: c.name })).status).toBe(200);
    expect(
      (await a.json<{ totalCount: number }>(`/v1/cases?name=${encodeURIComponent(renamed)}`)).totalCount,
    ).toBe(1);
  });
});

describe('status rules', () => {
  it('closing sets archivalTime; a closed case takes no edits except archiving', async () => {
    const c = await create({ name: uniqueName(), description: 'to close' });
    const closed = (await (
      await a.put(`/v1/cases/${c.number}`, { ...fullBody(c), status: 'CLOSED' })
    ).json()) as CaseDetail;
    expect(closed.status).toBe('CLOSED');
    expect(closed.archivalTime).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/);

    for (const body of [
      { ...fullBody(closed), description: 'changed' },
      { ...fullBody(closed), status: 'OPEN' },
      { ...fullBody(closed) },
    ]) {
      const res = await a.put(`/v1/cases/${c.number}`, body);
      expect(res.status).toBe(400);
      expect(await problemOf(res)).toEqual({ problem: 'NO_EDITS_ONCE_CLOSED', description: null });
    }
    const changedAndArchived = await a.put(`/v1/cases/${c.number}`, {
      ...fullBody(closed),
      name: 'other',
      status: 'ARCHIVED',
    });
    expect(await problemOf(changedAndArchived)).toMatchObject({ problem: 'NO_EDITS_ONCE_CLOSED' });

    const archived = await a.put(`/v1/cases/${c.number}`, { ...fullBody(closed), status: 'ARCHIVED' });
    expect(archived.status).toBe(200);
    expect(((await archived.json()) as CaseDetail).status).toBe('ARCHIVED');

    for (const status of ['ARCHIVED', 'OPEN', 'CLOSED']) {
      const res = await a.put(`/v1/cases/${c.number}`, { ...fullBody(closed), status });
      expect(await problemOf(res)).toEqual({ problem: 'NO_EDITS_ONCE_ARCHIVED', description: null });
    }
  });

  it('OPEN → ARCHIVED is allowed and deletes the file events', async () => {
    const n = emu.caseNumbers('OPEN').find((x) => emu.eventIdsOnCase(x).length > 0)!;
    const c = emu.getCase(n)!;
    expect((await a.json<CaseFileEventPage>(`/v1/cases/${n}/fileevent`)).totalCount).toBeGreaterThan(0);
    const res = await a.put(`/v1/cases/${n}`, { ...fullBody(c), status: 'ARCHIVED' });
    expect(res.status).toBe(200);
    expect(await a.json(`/v1/cases/${n}/fileevent`)).toEqual({ events: [], totalCount: 0 });
    expect(emu.eventIdsOnCase(n)).toEqual([]);
  });

  it('seeded archived cases have no events; seeded closed cases keep theirs', async () => {
    for (const n of emu.caseNumbers('ARCHIVED')) {
      expect((await a.json<CaseFileEventPage>(`/v1/cases/${n}/fileevent`)).totalCount).toBe(0);
    }
    const closed = emu.caseNumbers('CLOSED');
    const totals = await Promise.all(
      closed.map((n) => a.json<CaseFileEventPage>(`/v1/cases/${n}/fileevent`)),
    );
    expect(totals.some((t) => t.totalCount > 0)).toBe(true);
  });
});

describe('DELETE /v1/cases/{n}', () => {
  it('answers 204, then the case is gone (404) and its name is free', async () => {
    const c = await create({ name: uniqueName() });
    const res = await a.del(`/v1/cases/${c.number}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await a.get(`/v1/cases/${c.number}`)).status).toBe(404);
    expect((await a.del(`/v1/cases/${c.number}`)).status).toBe(404);
    const again = await create({ name: c.name });
    expect(again.number).toBeGreaterThan(c.number);
  });
});
