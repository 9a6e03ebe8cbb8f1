/**
 * Every contract channel refuses malformed input with a typed VALIDATION error before its handler
 * runs: wrong types, unknown keys, out-of-range values — generated per channel from one valid input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, requests } from '../../../src-shared/ipc/contract.js';
import type { InputOf, RequestChannel } from '../../../src-shared/ipc/contract.js';
import { createRig } from './helpers.js';
import type { Rig } from './helpers.js';

const FOLDER = 'folder-0b9a7e52-3c1d-4f6a-9e2b-7d8c1a2b3c4d';
const PROFILE = '3f2b8c1e-5d4a-4e7b-9c6d-1a2b3c4d5e6f';
const VIEW = 'view-5d1c7a2e-8b3f-4e6a-9c2d-1a2b3c4d5e6f';
const VIEW_SPEC = {
  filters: {
    statuses: ['OPEN', 'CLOSED'],
    name: 'exfil',
    assignee: { id: '942564422882759874', name: 'analyst@example.com' },
    unassigned: false,
    subject: null,
    lastModifiedBy: null,
    created: { from: '2024-01-01', to: '2024-03-31' },
    updated: { from: null, to: null },
  },
  sort: { key: 'archivalTime', dir: 'desc' },
  columns: ['number', 'name', 'status', 'archivalTime'],
} satisfies Omit<InputOf<'views.save'>, 'name'>;
const JOB = 'export-5d1c7a2e-8b3f-4e6a-9c2d-1a2b3c4d5e6f';
const ENTRY = 'entry-5d1c7a2e-8b3f-4e6a-9c2d-1a2b3c4d5e6f';
const EVENT = '0_147e9445-2f30-4a91-8b2a-9455332e880a_973435567569502913_986467523038446097_163';

/** One valid input per channel (the compiler insists on every channel). */
const VALID: { [C in RequestChannel]: InputOf<C> } = {
  'session.get': {},
  'session.openDemo': {},
  'session.connect': { baseUrl: 'https://api.us.code42.com', clientId: 'key-1', clientSecret: 'secret' },
  'session.disconnect': {},
  'profiles.list': {},
  'profiles.add': { label: 'Work', region: 'us', clientId: 'key-1', secret: 'secret', sessionOnly: false },
  'profiles.update': { profileId: PROFILE, label: 'Work (EU)', baseUrl: 'https://api.ie.code42.com' },
  'profiles.remove': { profileId: PROFILE },
  'profiles.test': { profileId: PROFILE },
  'profiles.switch': { profileId: 'demo' },
  'cases.page': { status: ['OPEN'], pgNum: 1, pgSize: 50, srtKey: ['name'], srtDir: ['asc'], name: 'exfil' },
  'cases.rows': { status: ['CLOSED'], pgNum: 2, pgSize: 2000, srtKey: ['archivalTime'], srtDir: ['desc'] },
  'cases.get': { number: 1 },
  'cases.create': { name: 'A case', description: null, subject: '123', assignee: null },
  'cases.update': { number: 1, changes: { status: 'CLOSED' }, expectedUpdatedAt: '2024-01-01T00:00:00Z' },
  'cases.delete': { number: 1 },
  'events.page': { number: 1, pgNum: 1, pgSize: 100 },
  'events.detail': { number: 1, eventId: EVENT },
  'events.add': { number: 1, eventIds: [EVENT] },
  'events.remove': { number: 1, eventId: EVENT },
  'users.list': { username: 'a@example.com', active: true, page: 1, pageSize: 10 },
  'users.get': { userId: '942564422882759874' },
  'actors.search': { nameStartsWith: 'a', active: true, page: 1, pageSize: 10 },
  'actors.get': { actorId: '942564422882759874' },
  'dialog.chooseFolder': { title: 'Save exports in…' },
  'folders.last': {},
  'downloads.start': {
    kind: 'zip',
    caseNumber: 1,
    folderId: FOLDER,
    parts: { summary: true, fileEvents: true, files: false },
  },
  'downloads.cancel': { downloadId: 'download-1' },
  'exports.start': {
    selection: { caseNumbers: [1, 2, 3] },
    kind: 'zip',
    parts: { summary: true, fileEvents: false, files: true },
    folderId: FOLDER,
    concurrency: 3,
  },
  'exports.list': {},
  'exports.items': { jobId: JOB, offset: 0, limit: 100 },
  'exports.cancel': { jobId: JOB },
  'exports.retryFailed': { jobId: JOB },
  'exports.resume': { jobId: JOB },
  'library.list': { scope: 'all' },
  'library.verify': { entryIds: [ENTRY] },
  'library.reveal': { entryId: ENTRY },
  'library.open': { entryId: ENTRY },
  'views.list': {},
  'views.save': { id: VIEW, name: 'My open cases', ...VIEW_SPEC },
  'views.delete': { id: VIEW },
  'views.select': { id: VIEW },
  'shell.openExternal': { url: 'https://example.com/' },
};

const long = (n: number): string => 'x'.repeat(n);

/** Values in range for their type but outside what the channel allows. */
const OUT_OF_RANGE: { [C in RequestChannel]?: unknown[] } = {
  'profiles.add': [
    { ...VALID['profiles.add'], region: 'mars' },
    { ...VALID['profiles.add'], baseUrl: 'https://api.us.code42.com' },
    { label: 'Work', clientId: 'key-1', secret: 'secret' },
    { ...VALID['profiles.add'], secret: '' },
    { ...VALID['profiles.add'], secret: long(4097) },
    { ...VALID['profiles.add'], label: long(201) },
  ],
  'profiles.update': [
    { ...VALID['profiles.update'], region: 'ie' },
    { ...VALID['profiles.update'], profileId: 'Work' },
    { ...VALID['profiles.update'], secret: '' },
    { profileId: '../profiles.json' },
  ],
  'profiles.remove': [{ profileId: '' }, { profileId: 'demo; rm -rf' }, {}],
  'profiles.test': [{ profileId: long(37) }],
  'profiles.switch': [{ profileId: 'DEMO ' }, {}],
  'session.connect': [
    { ...VALID['session.connect'], baseUrl: 'ftp://api.us.code42.com' },
    { ...VALID['session.connect'], baseUrl: 'not a url' },
    { ...VALID['session.connect'], clientId: '   ' },
    { ...VALID['session.connect'], clientSecret: '' },
    { ...VALID['session.connect'], clientSecret: long(1001) },
  ],
  'cases.page': [
    { pgNum: 0 },
    { pgNum: 1.5 },
    { pgSize: 10_001 },
    { status: ['PENDING'] },
    { status: ['OPEN', 'OPEN', 'CLOSED', 'ARCHIVED'] },
    { srtKey: ['password'] },
    { srtDir: ['up'] },
    { name: long(51) },
    { assignee: 'a b' },
    { createdAt: { start: 'yesterday', end: '2024-01-01T00:00:00Z' } },
    { createdAt: { start: '2024-01-01T00:00:00Z' } },
  ],
  'cases.rows': [{ pgNum: 0 }, { pgSize: 10_001 }, { status: ['PENDING'] }, { srtKey: ['password'] }],
  'cases.get': [{ number: 0 }, { number: -3 }, { number: 2.5 }, { number: 2 ** 53 }, {}],
  'cases.create': [
    { name: '' },
    { name: '   ' },
    { name: long(51) },
    { name: 'ok', description: long(251) },
    { name: 'ok', findings: long(30_001) },
    { name: 'ok', subject: '../users' },
    {},
  ],
  'cases.update': [
    { number: 1, changes: { status: 'REOPENED' } },
    { number: 1, changes: { name: '' } },
    { number: 1, changes: { description: long(251) } },
    { number: 1, changes: { number: 5 } },
    { number: 1, changes: {}, expectedUpdatedAt: long(65) },
    { number: 0, changes: {} },
    { changes: {} },
  ],
  'cases.delete': [{ number: 0 }, { number: Number.NaN }],
  'events.page': [
    { number: 1, pgNum: 0 },
    { number: 1, pgSize: 10_001 },
  ],
  'events.detail': [
    { number: 1, eventId: '' },
    { number: 1, eventId: '../../v1/oauth' },
    { number: 1, eventId: long(201) },
  ],
  'events.add': [
    { number: 1, eventIds: [] },
    { number: 1, eventIds: Array.from({ length: 10_001 }, (_, i) => `e${i}`) },
    { number: 1, eventIds: ['ok', 'not ok'] },
    { number: 1, eventIds: ['ok', ''] },
    { number: 1, eventIds: ['ok', long(201)] },
    { number: 1, eventIds: ['ok', 42] },
    { number: 1, eventIds: 'ok' },
  ],
  'events.remove': [{ number: 1, eventId: 'a/b' }],
  'users.list': [{ page: 0 }, { pageSize: 501 }, { username: long(321) }],
  'users.get': [{ userId: '' }, { userId: 'a/b' }, { userId: long(201) }],
  'actors.search': [{ pageSize: 0 }, { pageSize: 501 }, { nameEndsWith: long(321) }],
  'actors.get': [{ actorId: '?x=1' }],
  'dialog.chooseFolder': [{ title: long(201) }],
  'folders.last': [{ profileKey: 'other' }],
  'downloads.start': [
    { ...VALID['downloads.start'], parts: { summary: false, fileEvents: false, files: false } },
    { ...VALID['downloads.start'], folderId: '/etc' },
    { ...VALID['downloads.start'], folderId: 'folder-../../etc' },
    { kind: 'exe', caseNumber: 1, folderId: FOLDER },
    { kind: 'pdf', caseNumber: 1, folderId: FOLDER, language: long(11) },
    { kind: 'source', caseNumber: 1, folderId: FOLDER },
    { kind: 'csv', caseNumber: 0, folderId: FOLDER },
  ],
  'downloads.cancel': [{ downloadId: long(65) }, {}],
  'exports.start': [
    { ...VALID['exports.start'], selection: { caseNumbers: [] } },
    { ...VALID['exports.start'], selection: { caseNumbers: [0] } },
    {
      ...VALID['exports.start'],
      selection: { caseNumbers: Array.from({ length: 50_001 }, (_, i) => i + 1) },
    },
    { ...VALID['exports.start'], selection: { caseNumbers: [1], query: { status: ['OPEN'] } } },
    { ...VALID['exports.start'], selection: { query: { status: ['PENDING'] } } },
    { ...VALID['exports.start'], selection: { query: { pgNum: 2 } } },
    { ...VALID['exports.start'], selection: {} },
    { ...VALID['exports.start'], kind: 'source' },
    { ...VALID['exports.start'], parts: { summary: false, fileEvents: false, files: false } },
    { ...VALID['exports.start'], kind: 'pdf' },
    { ...VALID['exports.start'], concurrency: 0 },
    { ...VALID['exports.start'], concurrency: 9 },
    { ...VALID['exports.start'], concurrency: 2.5 },
    { ...VALID['exports.start'], folderId: '/tmp' },
  ],
  'exports.items': [
    { jobId: JOB, offset: -1, limit: 100 },
    { jobId: JOB, offset: 0, limit: 0 },
    { jobId: JOB, offset: 0, limit: 501 },
    { jobId: JOB, offset: 1.5, limit: 100 },
    { jobId: JOB, offset: 0 },
    { jobId: 'export-../../etc', offset: 0, limit: 100 },
  ],
  'exports.cancel': [{ jobId: 'export-../../etc' }, { jobId: 'job-1' }, {}],
  'exports.retryFailed': [{ jobId: long(80) }],
  'exports.resume': [{ jobId: '' }],
  'library.list': [{ scope: 'everything' }],
  'library.verify': [{ entryIds: [] }, { entryIds: ['/etc/passwd'] }],
  'library.reveal': [{ entryId: '/etc/passwd' }, { path: '/etc/passwd' }],
  'library.open': [{ entryId: 'entry-../../x' }, {}],
  'shell.openExternal': [{ url: long(2049) }, {}],
  'views.save': [
    { ...VALID['views.save'], name: '   ' },
    { ...VALID['views.save'], name: long(81) },
    { ...VALID['views.save'], id: 'view-../../etc' },
    { ...VALID['views.save'], columns: ['status', 'archivalTime'] },
    { ...VALID['views.save'], columns: ['number', 'name', 'name'] },
    { ...VALID['views.save'], columns: ['number', 'name', 'password'] },
    { ...VALID['views.save'], sort: { key: 'password', dir: 'asc' } },
    { ...VALID['views.save'], filters: { ...VIEW_SPEC.filters, statuses: ['OPEN', 'OPEN'] } },
    { ...VALID['views.save'], filters: { ...VIEW_SPEC.filters, unassigned: true } },
    { ...VALID['views.save'], filters: { ...VIEW_SPEC.filters, name: long(51) } },
    { ...VALID['views.save'], filters: { ...VIEW_SPEC.filters, assignee: { id: 'a b', name: 'x' } } },
    { ...VALID['views.save'], filters: { ...VIEW_SPEC.filters, assignee: { id: '1', name: '' } } },
    { ...VALID['views.save'], filters: { ...VIEW_SPEC.filters, created: { from: '2024-02-30', to: null } } },
    {
      ...VALID['views.save'],
      filters: { ...VIEW_SPEC.filters, created: { from: '2024-03-01', to: '2024-02-01' } },
    },
    {
      ...VALID['views.save'],
      filters: { ...VIEW_SPEC.filters, updated: { from: '2024-03-01T00:00:00Z', to: null } },
    },
  ],
  'views.delete': [{ id: 'nope' }, {}],
  'views.select': [{ id: 'view-x' }, {}],
};

/** The same value with a different JSON type. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return 7;
  if (Array.isArray(value)) return 'a,b';
  return 'an object was expected';
}

function invalidInputs(channel: RequestChannel): { why: string; input: unknown }[] {
  const valid = VALID[channel] as Record<string, unknown>;
  const cases: { why: string; input: unknown }[] = [
    { why: 'a string instead of an object', input: 'cases' },
    { why: 'a number instead of an object', input: 42 },
    { why: 'an array instead of an object', input: [valid] },
    { why: 'an unknown key', input: { ...valid, extra: true } },
    {
      why: 'a prototype-polluting key',
      input: JSON.parse(`{"__proto__": {"admin": true}, "constructor": 1}`),
    },
  ];
  for (const [key, value] of Object.entries(valid)) {
    cases.push({ why: `${key} of the wrong type`, input: { ...valid, [key]: wrongType(value) } });
  }
  // One level down, for nested objects (changes, parts, date ranges).
  for (const [key, value] of Object.entries(valid)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      cases.push({ why: `${key} with an unknown key`, input: { ...valid, [key]: { ...value, sneaky: 1 } } });
    }
  }
  for (const input of OUT_OF_RANGE[channel] ?? []) {
    cases.push({ why: `out of range: ${JSON.stringify(input).slice(0, 80)}`, input });
  }
  return cases;
}

let rig: Rig;
beforeAll(async () => {
  rig = await createRig();
});
afterAll(async () => {
  await rig.close();
});

describe('the valid sample inputs', () => {
  it.each(REQUEST_CHANNELS)(
    '%s: the sample passes its schema (so each variant fails for its change)',
    (c) => {
      expect(requests[c].input.safeParse(VALID[c]).success).toBe(true);
    },
  );
});

describe.each(REQUEST_CHANNELS)('%s refuses invalid input', (channel) => {
  it.each(invalidInputs(channel))('$why', async ({ input }) => {
    // The __proto__ case relies on JSON.parse keeping it as an own key, as IPC deserialisation does.
    const result = await rig.call(channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toBe('Some input is not valid.');
    expect(Array.isArray(result.error.details)).toBe(true);
    expect(rig.reached.get(channel) ?? 0).toBe(0);
  });
});

describe('events.add', () => {
  it('names each refused event ID by its index in the list', async () => {
    const eventIds = ['ok-1', 'a/b', 'ok-2', long(201), '', 'ok:3'];
    const result = await rig.call('events.add', { number: 1, eventIds });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details).toEqual(
      [1, 3, 4].map((i) => ({ path: ['eventIds', String(i)], message: 'not a valid event ID' })),
    );
    expect(rig.reached.get('events.add') ?? 0).toBe(0);
  });
});

describe('dispatch itself', () => {
  it('refuses an unknown channel without reaching any handler', async () => {
    for (const channel of ['cases.drop', 'toString', '__proto__', 'constructor', 42, null]) {
      const result = await rig.call(channel as RequestChannel, {});
      expect(result).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: 'Unknown request channel.' },
      });
    }
    expect([...rig.reached.values()].reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('has a handler for every channel and nothing else', () => {
    expect(Object.keys(rig.handlers).sort()).toEqual([...REQUEST_CHANNELS].sort());
  });
});
