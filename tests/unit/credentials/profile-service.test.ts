/**
 * ProfileService over a real profiles.json in a temp folder, a stand-in keychain and a scripted client
 * factory. After every operation the file's bytes are searched for the secrets.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileService } from '../../../src-main/core/credentials/profile-service.js';
import { FileProfileStore } from '../../../src-main/core/credentials/profile-store.js';
import { KEYCHAIN_SENTENCES } from '../../../src-main/core/credentials/keychain-reasons.js';
import { SessionSecretStore } from '../../../src-main/core/credentials/secret-store.js';
import { createLogger } from '../../../src-main/core/log.js';
import { FakeKeychain, fakeClients } from './fakes.js';

const WORK = { clientId: 'key-work', secret: 'W0rk-secret-7f3a9c', tenantId: 'tenant-work' };
const LAB = { clientId: 'key-lab', secret: 'L4b-secret-2d8e1b', tenantId: 'tenant-lab' };
const NEW_SECRET = 'N3w-secret-5c1f0a';
const ALL_SECRETS = [WORK.secret, LAB.secret, NEW_SECRET, 'Wr0ng-secret-000'];
const LOCAL = 'http://127.0.0.1:9';

let dir: string;
let store: FileProfileStore;
let keychain: FakeKeychain;
let clients: ReturnType<typeof fakeClients>;
let service: ProfileService;
let results: unknown[];
let logLines: string[];
let clock: number;

function makeService(session?: SessionSecretStore): ProfileService {
  return new ProfileService({
    store,
    keychain,
    clients,
    ...(session === undefined ? {} : { session }),
    logger: createLogger({ level: 'debug', write: (line) => logLines.push(line) }),
    now: () => new Date(clock),
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'case-desk-profiles-'));
  store = new FileProfileStore(dir);
  keychain = new FakeKeychain();
  clients = fakeClients([WORK, LAB], {
    'dns.example': 'HOST_NOT_FOUND',
    'tls.example': 'TLS',
    'proxy.example': 'PROXY',
    'slow.example': 'TIMEOUT',
  });
  results = [];
  logLines = [];
  clock = Date.parse('2026-05-06T07:08:09.000Z');
  service = makeService();
});

afterEach(async () => {
  // No secret in any result, any log line, or any byte under the data folder.
  const surfaces = [JSON.stringify(results), logLines.join('\n'), await allBytes()];
  for (const text of surfaces) for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
  await rm(dir, { recursive: true, force: true });
});

async function allBytes(): Promise<string> {
  const names = await readdir(dir, { recursive: true });
  const parts = await Promise.all(names.map((name) => readFile(join(dir, name), 'latin1').catch(() => '')));
  return parts.join('\n');
}

/** Runs `work`, keeps its result for the secret search, and checks the file right after. */
async function step<T>(work: Promise<T>): Promise<T> {
  const value = await work;
  results.push(value);
  const bytes = await allBytes();
  for (const secret of ALL_SECRETS) expect(bytes, 'a secret reached the data folder').not.toContain(secret);
  return value;
}

async function failure(
  work: Promise<unknown>,
): Promise<{ code: string; message: string; details?: unknown }> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a failure').toBeInstanceOf(Error);
  results.push({ message: (error as Error).message, details: (error as { details?: unknown }).details });
  return error as { code: string; message: string; details?: unknown };
}

function addWork(extra: Partial<Parameters<ProfileService['add']>[0]> = {}) {
  return service.add({
    label: 'Work',
    baseUrl: LOCAL,
    clientId: WORK.clientId,
    secret: WORK.secret,
    ...extra,
  });
}

describe('list and the demo workspace', () => {
  it('always lists the built-in demo workspace first', async () => {
    const list = await step(service.list());
    expect(list).toEqual([
      {
        kind: 'demo',
        profileId: 'demo',
        label: 'Demo workspace',
        region: null,
        baseUrl: null,
        clientId: null,
        hasSecret: true,
        sessionOnly: false,
        createdAt: null,
        lastUsedAt: null,
        selected: false,
      },
    ]);
    expect(await readdir(dir)).toEqual([]); // listing writes nothing
    await expect(service.remove('demo')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(service.update('Demo workspace', { label: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('add', () => {
  it('tests the connection, keeps the secret in the keychain and the rest in profiles.json', async () => {
    const view = await step(
      service.add({
        label: ' Work ',
        region: 'US',
        clientId: ` ${WORK.clientId} `,
        secret: ` ${WORK.secret}\n`,
      }),
    );
    expect(clients.attempts).toEqual([
      { baseUrl: 'https://api.us.code42.com', clientId: WORK.clientId, clientSecret: WORK.secret },
    ]);
    expect(view).toEqual({
      kind: 'tenant',
      profileId: expect.stringMatching(/^[0-9a-f-]{36}$/u),
      label: 'Work',
      region: 'us',
      baseUrl: 'https://api.us.code42.com',
      clientId: WORK.clientId,
      hasSecret: true,
      sessionOnly: false,
      createdAt: '2026-05-06T07:08:09.000Z',
      lastUsedAt: null,
      selected: true, // the first profile becomes the selected one
    });
    expect(keychain.entries).toEqual(new Map([[view.profileId, WORK.secret]]));
    const saved = JSON.parse(await readFile(store.path, 'utf8')) as unknown;
    expect(saved).toEqual({
      version: 1,
      selectedProfileId: view.profileId,
      profiles: [
        {
          id: view.profileId,
          label: 'Work',
          region: 'us',
          baseUrl: 'https://api.us.code42.com',
          clientId: WORK.clientId,
          createdAt: '2026-05-06T07:08:09.000Z',
        },
      ],
    });
    expect(logLines.join('\n')).toMatch(/added a profile .*label=Work/u);

    const lab = await step(
      service.add({ label: 'Lab', baseUrl: LOCAL, clientId: LAB.clientId, secret: LAB.secret }),
    );
    expect(lab.selected).toBe(false); // the selection stays
    expect((await step(service.list())).map((p) => p.label)).toEqual(['Demo workspace', 'Lab', 'Work']);
  });

  it.each([
    [
      'a wrong secret',
      { secret: 'Wr0ng-secret-000' },
      'AUTH_FAILED',
      /127\.0\.0\.1:9 refused the API client ID or secret/u,
    ],
    ['a wrong client ID', { clientId: 'key-nobody' }, 'AUTH_FAILED', /refused the API client ID or secret/u],
    [
      'an unknown host',
      { baseUrl: 'https://dns.example' },
      'HOST_NOT_FOUND',
      /dns\.example could not be found/u,
    ],
    [
      'an untrusted certificate',
      { baseUrl: 'https://tls.example' },
      'TLS',
      /tls\.example failed: its certificate is not trusted/u,
    ],
    [
      'a refusing proxy',
      { baseUrl: 'https://proxy.example' },
      'PROXY',
      /proxy refused the connection to proxy\.example/u,
    ],
    ['a timeout', { baseUrl: 'https://slow.example' }, 'TIMEOUT', /slow\.example did not answer in time/u],
  ])('saves nothing after %s and says why (%s)', async (_what, input, code, sentence) => {
    const error = await failure(addWork(input));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(sentence);
    expect(clients.attempts).toHaveLength(1);
    expect(keychain.entries.size).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses bad input before any connection', async () => {
    for (const [input, field] of [
      [{ label: '' }, 'label'],
      [{ label: 'demo' }, 'label'],
      [{ baseUrl: 'http://example.com' }, 'baseUrl'],
      [{ baseUrl: undefined, region: 'moon' }, 'region'],
      [{ clientId: '' }, 'clientId'],
      [{ secret: '   ' }, 'secret'],
    ] as const) {
      const error = await failure(addWork(input));
      expect(error.code).toBe('VALIDATION');
      expect(error.details).toEqual([{ path: [field], message: error.message }]);
    }
    expect(clients.attempts).toEqual([]);
  });

  it('keeps labels unique, ignoring case', async () => {
    await step(addWork());
    const error = await failure(addWork({ label: 'WORK' }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'Another profile is already called "Work".' });
    expect((await service.list()).filter((p) => p.kind === 'tenant')).toHaveLength(1);
  });
});

describe('without a keychain', () => {
  beforeEach(() => {
    keychain.unavailable = 'no-secret-service';
  });

  it('fails with KEYCHAIN_UNAVAILABLE and the sentence, saving nothing and never testing', async () => {
    expect(await service.keychainStatus()).toEqual({
      available: false,
      reason: 'no-secret-service',
      message: KEYCHAIN_SENTENCES['no-secret-service'],
    });
    const error = await failure(addWork());
    expect(error).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: KEYCHAIN_SENTENCES['no-secret-service'],
      details: { reason: 'no-secret-service' },
    });
    expect(clients.attempts).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the secret in memory for this run only when asked to', async () => {
    const session = new SessionSecretStore();
    service = makeService(session);
    const view = await step(
      service.add(
        { label: 'Work', baseUrl: LOCAL, clientId: WORK.clientId, secret: WORK.secret },
        { sessionOnly: true },
      ),
    );
    expect(view).toMatchObject({ hasSecret: true, sessionOnly: true, selected: true });
    expect(clients.attempts).toHaveLength(1);
    expect(keychain.entries.size).toBe(0);
    expect((await step(service.list()))[1]).toMatchObject({
      label: 'Work',
      hasSecret: true,
      sessionOnly: true,
    });
    const connection = await service.connectionFor('work');
    expect(connection).toEqual({
      profileId: view.profileId,
      label: 'Work',
      baseUrl: LOCAL,
      clientId: WORK.clientId,
      clientSecret: WORK.secret,
    });
    expect(await step(service.test('Work'))).toEqual({ profileId: view.profileId, tenantId: WORK.tenantId });

    // The next run: the profile is still there, its secret is not.
    service = makeService();
    expect(await step(service.get('Work'))).toMatchObject({ hasSecret: false, sessionOnly: false });
    const missing = await failure(service.secretFor('Work'));
    expect(missing.code).toBe('KEYCHAIN_UNAVAILABLE');
    keychain.unavailable = undefined;
    const noSecret = await failure(service.secretFor('Work'));
    expect(noSecret).toMatchObject({
      code: 'SECRET_MISSING',
      message: 'No secret is saved for the profile "Work". Enter its API client secret again.',
    });
  });

  it('still removes a profile, and says the keychain entry may remain', async () => {
    keychain.unavailable = undefined;
    const view = await step(addWork());
    keychain.unavailable = 'locked';
    const removed = await step(service.remove('Work'));
    expect(removed).toMatchObject({ profileId: view.profileId, keychainEntryRemoved: false });
    expect(removed.keychainProblem).toMatch(/may remain.*locked/su);
    expect(await service.list()).toHaveLength(1);
  });
});

describe('update', () => {
  it('renames without a connection test and keeps the secret', async () => {
    const view = await step(addWork());
    clients.attempts.length = 0;
    const renamed = await step(service.update(view.profileId, { label: 'Work (EU)' }));
    expect(renamed).toMatchObject({ profileId: view.profileId, label: 'Work (EU)', hasSecret: true });
    expect(clients.attempts).toEqual([]);
    await step(service.add({ label: 'Lab', baseUrl: LOCAL, clientId: LAB.clientId, secret: LAB.secret }));
    const clash = await failure(service.update('lab', { label: 'work (eu)' }));
    expect(clash).toMatchObject({
      code: 'VALIDATION',
      message: 'Another profile is already called "Work (EU)".',
    });
  });

  it('replaces the secret after testing it, without returning the old one', async () => {
    const view = await step(addWork());
    WORK.secret = NEW_SECRET; // the tenant rotated the secret
    try {
      clients.attempts.length = 0;
      const updated = await step(service.update('Work', { secret: NEW_SECRET }));
      expect(clients.attempts).toEqual([
        { baseUrl: LOCAL, clientId: WORK.clientId, clientSecret: NEW_SECRET },
      ]);
      expect(updated).toMatchObject({ profileId: view.profileId, hasSecret: true, sessionOnly: false });
      expect(keychain.entries.get(view.profileId)).toBe(NEW_SECRET);
      expect(await service.secretFor(view.profileId)).toBe(NEW_SECRET);
    } finally {
      WORK.secret = 'W0rk-secret-7f3a9c';
    }
  });

  it('re-tests a new URL or client ID with the saved secret, and changes nothing when it fails', async () => {
    const view = await step(addWork());
    const before = await readFile(store.path, 'utf8');
    clients.attempts.length = 0;
    const moved = await failure(service.update('Work', { baseUrl: 'https://dns.example' }));
    expect(moved.code).toBe('HOST_NOT_FOUND');
    const wrongId = await failure(service.update('Work', { clientId: 'key-other' }));
    expect(wrongId.code).toBe('AUTH_FAILED');
    const wrongSecret = await failure(service.update('Work', { secret: 'Wr0ng-secret-000' }));
    expect(wrongSecret.code).toBe('AUTH_FAILED');
    expect(clients.attempts.map((a) => [a.baseUrl, a.clientId, a.clientSecret === WORK.secret])).toEqual([
      ['https://dns.example', WORK.clientId, true],
      [LOCAL, 'key-other', true],
      [LOCAL, WORK.clientId, false],
    ]);
    expect(await readFile(store.path, 'utf8')).toBe(before);
    expect(keychain.entries.get(view.profileId)).toBe(WORK.secret);

    clients.attempts.length = 0;
    const toRegion = await step(service.update('Work', { region: 'de' }));
    expect(clients.attempts.map((a) => a.baseUrl)).toEqual(['https://api.de.code42.com']);
    expect(toRegion).toMatchObject({ region: 'de', baseUrl: 'https://api.de.code42.com', hasSecret: true });
  });

  it('moves a secret to memory with sessionOnly, removing the keychain entry', async () => {
    const session = new SessionSecretStore();
    service = makeService(session);
    const view = await step(addWork());
    const updated = await step(service.update('Work', { secret: WORK.secret }, { sessionOnly: true }));
    expect(updated).toMatchObject({ hasSecret: true, sessionOnly: true });
    expect(keychain.entries.has(view.profileId)).toBe(false);
    expect(session.has(view.profileId)).toBe(true);
  });
});

describe('remove, select, get', () => {
  it('removes the keychain entry with the profile and clears the selection', async () => {
    const work = await step(addWork());
    const lab = await step(
      service.add({ label: 'Lab', baseUrl: LOCAL, clientId: LAB.clientId, secret: LAB.secret }),
    );
    expect(keychain.entries.size).toBe(2);
    const removed = await step(service.remove('WORK'));
    expect(removed).toEqual({ profileId: work.profileId, label: 'Work', keychainEntryRemoved: true });
    expect([...keychain.entries.keys()]).toEqual([lab.profileId]);
    expect(await step(service.selected())).toBeNull();
    await expect(service.get('Work')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no profile "Work".',
    });
  });

  it('remembers the selected profile and when it was last used', async () => {
    const work = await step(addWork());
    const lab = await step(
      service.add({ label: 'Lab', baseUrl: LOCAL, clientId: LAB.clientId, secret: LAB.secret }),
    );
    clock += 60_000;
    const chosen = await step(service.select(lab.profileId));
    expect(chosen).toMatchObject({
      profileId: lab.profileId,
      selected: true,
      lastUsedAt: '2026-05-06T07:09:09.000Z',
    });
    expect(await step(service.selected())).toMatchObject({ profileId: lab.profileId });
    expect((await step(service.get(work.profileId))).selected).toBe(false);

    // A new service over the same folder (the app restarting) opens the same profile.
    expect(await makeService().selected()).toMatchObject({ label: 'Lab', hasSecret: true });

    expect(await step(service.select('demo'))).toMatchObject({ kind: 'demo', selected: true });
    expect(await step(service.selected())).toMatchObject({ kind: 'demo' });
    expect((await service.list()).filter((p) => p.selected).map((p) => p.profileId)).toEqual(['demo']);
  });
});
