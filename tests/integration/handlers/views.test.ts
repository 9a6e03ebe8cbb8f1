/**
 * `views.*` through dispatch: saved views of the case list, per profile, in a JSON file of the
 * settings folder that survives a restart; corrupt files are kept aside, failed writes lose nothing.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ViewSave } from '../../../src-shared/domain/views.js';
import { emptyFilters, VIEW_LIMITS } from '../../../src-shared/domain/views.js';
import { profileKeyFor } from '../../../src-main/core/session/index.js';
import { VIEWS_FILE_NAME } from '../../../src-main/core/settings/index.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { createRig, tempFolder } from './helpers.js';
import type { Rig } from './helpers.js';

const ANALYST = { id: '942564422882759874', name: 'analyst@example.com' };

function spec(name: string, overrides: Partial<ViewSave> = {}): ViewSave {
  return {
    name,
    filters: { ...emptyFilters(), statuses: ['OPEN'] },
    sort: { key: 'updatedAt', dir: 'desc' },
    columns: ['number', 'name', 'status', 'updatedAt'],
    ...overrides,
  };
}

let data: { folder: string; remove: () => Promise<void> };
let tenant: RunningEmulator;
let rig: Rig;

beforeAll(async () => {
  tenant = await startEmulator({ cases: 4, seed: 9, clientId: 'key-views-1', clientSecret: 'views-secret' });
});
afterAll(async () => {
  await tenant.close();
});

async function freshRig(): Promise<Rig> {
  data = await tempFolder('views');
  return createRig({ openDemo: true, dataDir: data.folder, session: { demo: { cases: 3, seed: 5 } } });
}

afterEach(async () => {
  await rig?.close();
  await data?.remove();
});

describe('saving, listing, choosing and deleting views', () => {
  it('starts with no views, and refuses every views channel before a connection', async () => {
    data = await tempFolder('views');
    rig = await createRig({ dataDir: data.folder });
    for (const [channel, input] of [
      ['views.list', {}],
      ['views.save', spec('x')],
      ['views.select', { id: null }],
    ] as const) {
      expect((await rig.fail(channel, input)).code).toBe('NOT_CONNECTED');
    }
    await rig.ok('session.openDemo');
    expect(await rig.ok('views.list')).toEqual({ views: [], lastViewId: null });
    // Nothing is written until something is saved.
    expect(await readdir(data.folder)).toEqual([]);
  });

  it('saves a view with every filter, makes it the last used, and writes it to the file (0600)', async () => {
    rig = await freshRig();
    const input = spec('Open, mine', {
      filters: {
        statuses: ['CLOSED', 'OPEN'],
        name: '  exfil ',
        assignee: ANALYST,
        unassigned: false,
        subject: { id: '1058374412200119088', name: 'j.doe@example.com' },
        lastModifiedBy: ANALYST,
        created: { from: '2024-01-01', to: '2024-03-31' },
        updated: { from: null, to: '2025-01-31' },
      },
      sort: { key: 'archivalTime', dir: 'asc' },
      columns: ['archivalTime', 'name', 'number'],
    });
    const list = await rig.ok('views.save', input);
    expect(list.views).toHaveLength(1);
    const [view] = list.views;
    expect(list.lastViewId).toBe(view!.id);
    expect(view!.id).toMatch(/^view-[a-f0-9-]+$/);
    // Statuses and columns come back in their canonical order; the name filter trimmed.
    expect(view).toMatchObject({
      name: 'Open, mine',
      filters: { ...input.filters, statuses: ['OPEN', 'CLOSED'], name: 'exfil' },
      sort: { key: 'archivalTime', dir: 'asc' },
      columns: ['number', 'name', 'archivalTime'],
    });
    expect(view!.createdAt).toBe(view!.updatedAt);

    const file = path.join(data.folder, VIEWS_FILE_NAME);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved).toEqual({ version: 1, profiles: { demo: list } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // Written atomically: no temp file is left next to it.
    expect(await readdir(data.folder)).toEqual([VIEWS_FILE_NAME]);
    expect(await rig.ok('views.list')).toEqual(list);
  });

  it('lists views by name; saving under a taken name (any case) replaces that view', async () => {
    rig = await freshRig();
    await rig.ok('views.save', spec('Zeta'));
    const first = await rig.ok('views.save', spec('alpha'));
    const alpha = first.views.find((v) => v.name === 'alpha')!;
    expect(first.views.map((v) => v.name)).toEqual(['alpha', 'Zeta']);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const replaced = await rig.ok('views.save', spec('ALPHA', { sort: { key: 'name', dir: 'asc' } }));
    expect(replaced.views.map((v) => v.name)).toEqual(['ALPHA', 'Zeta']);
    const again = replaced.views.find((v) => v.name === 'ALPHA')!;
    expect(again.id).toBe(alpha.id);
    expect(again.createdAt).toBe(alpha.createdAt);
    expect(again.updatedAt > alpha.updatedAt).toBe(true);
    expect(again.sort).toEqual({ key: 'name', dir: 'asc' });
    expect(replaced.lastViewId).toBe(alpha.id);
  });

  it('changes a view by ID (rename), but not onto another view’s name or a deleted view', async () => {
    rig = await freshRig();
    await rig.ok('views.save', spec('Team'));
    const list = await rig.ok('views.save', spec('Mine'));
    const mine = list.views.find((v) => v.name === 'Mine')!;

    const renamed = await rig.ok('views.save', { ...spec('Mine, closed'), id: mine.id });
    expect(renamed.views.map((v) => [v.id, v.name])).toContainEqual([mine.id, 'Mine, closed']);
    expect(renamed.views).toHaveLength(2);

    const clash = await rig.fail('views.save', { ...spec('team'), id: mine.id });
    expect(clash.code).toBe('VALIDATION');
    expect(clash.message).toBe('Another saved view already has this name.');
    expect(await rig.ok('views.list')).toEqual(renamed);

    const gone = await rig.fail('views.save', {
      ...spec('x'),
      id: 'view-00000000-0000-0000-0000-000000000000',
    });
    expect(gone).toMatchObject({ code: 'NOT_FOUND', message: 'This saved view no longer exists.' });
  });

  it('remembers the view in use (or none), and deleting it forgets it', async () => {
    rig = await freshRig();
    await rig.ok('views.save', spec('One'));
    const both = await rig.ok('views.save', spec('Two'));
    const [one, two] = both.views;
    expect(both.lastViewId).toBe(two!.id);

    expect((await rig.ok('views.select', { id: one!.id })).lastViewId).toBe(one!.id);
    expect((await rig.ok('views.select', { id: null })).lastViewId).toBeNull();
    expect((await rig.ok('views.select', { id: two!.id })).lastViewId).toBe(two!.id);

    const afterDelete = await rig.ok('views.delete', { id: two!.id });
    expect(afterDelete).toEqual({ views: [one], lastViewId: null });
    expect((await rig.fail('views.delete', { id: two!.id })).code).toBe('NOT_FOUND');
    expect((await rig.fail('views.select', { id: two!.id })).code).toBe('NOT_FOUND');

    // The last view deleted leaves the profile out of the file altogether.
    await rig.ok('views.delete', { id: one!.id });
    const saved = JSON.parse(await readFile(path.join(data.folder, VIEWS_FILE_NAME), 'utf8'));
    expect(saved).toEqual({ version: 1, profiles: {} });
  });

  it(`keeps at most ${VIEW_LIMITS.viewsPerProfile} views per profile`, async () => {
    rig = await freshRig();
    for (let i = 0; i < VIEW_LIMITS.viewsPerProfile; i++) await rig.ok('views.save', spec(`View ${i}`));
    const refused = await rig.fail('views.save', spec('One too many'));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('at most 100 saved views');
    // Replacing one by name is still allowed.
    expect((await rig.ok('views.save', spec('View 7'))).views).toHaveLength(VIEW_LIMITS.viewsPerProfile);
  });
});

describe('profiles and restarts', () => {
  it('keeps views per profile: the demo workspace and each tenant connection see their own', async () => {
    rig = await freshRig();
    const demo = await rig.ok('views.save', spec('Demo view'));

    await rig.ok('session.connect', {
      baseUrl: tenant.url,
      clientId: tenant.clientId,
      clientSecret: tenant.clientSecret,
    });
    expect(await rig.ok('views.list')).toEqual({ views: [], lastViewId: null });
    const tenantList = await rig.ok('views.save', spec('Tenant view'));

    await rig.ok('session.openDemo');
    expect(await rig.ok('views.list')).toEqual(demo);

    const saved = JSON.parse(await readFile(path.join(data.folder, VIEWS_FILE_NAME), 'utf8'));
    expect(Object.keys(saved.profiles).sort()).toEqual(
      ['demo', profileKeyFor('tenant', tenant.url, tenant.clientId)].sort(),
    );
    expect(saved.profiles[profileKeyFor('tenant', tenant.url, tenant.clientId)]).toEqual(tenantList);
  });

  it('finds the same views and last view after a restart (a new store over the same folder)', async () => {
    rig = await freshRig();
    await rig.ok('views.save', spec('Kept'));
    const before = await rig.ok('views.save', spec('Last used'));
    await rig.close();

    rig = await createRig({ openDemo: true, dataDir: data.folder, session: { demo: { cases: 3, seed: 5 } } });
    expect(await rig.ok('views.list')).toEqual(before);
  });
});

describe('damaged files and failed writes', () => {
  it('moves an unreadable file aside, says where it is, and starts again from no views', async () => {
    data = await tempFolder('views');
    await writeFile(path.join(data.folder, VIEWS_FILE_NAME), '{"version": 1, "profiles": {"demo": [oops');
    rig = await createRig({ openDemo: true, dataDir: data.folder, session: { demo: { cases: 3, seed: 5 } } });

    const error = await rig.fail('views.list');
    expect(error.code).toBe('SETTINGS_CORRUPT');
    expect(error.message).toContain('it is not valid JSON');
    const copy = (error.details as { copy: string }).copy;
    expect(path.dirname(copy)).toBe(data.folder);
    expect(await readFile(copy, 'utf8')).toContain('[oops');

    expect(await rig.ok('views.list')).toEqual({ views: [], lastViewId: null });
    expect((await rig.ok('views.save', spec('Fresh'))).views).toHaveLength(1);
  });

  it('refuses a file with content no view can have, keeping it aside', async () => {
    data = await tempFolder('views');
    const bad = {
      version: 1,
      profiles: { demo: { views: [{ id: 'view-12345678', name: '' }], lastViewId: null } },
    };
    await writeFile(path.join(data.folder, VIEWS_FILE_NAME), JSON.stringify(bad));
    rig = await createRig({ openDemo: true, dataDir: data.folder, session: { demo: { cases: 3, seed: 5 } } });
    const error = await rig.fail('views.list');
    expect(error.code).toBe('SETTINGS_CORRUPT');
    expect(error.message).toMatch(/at profiles\.demo\.views\.0/u);
  });

  it('leaves a file from a newer Case Desk alone', async () => {
    data = await tempFolder('views');
    const file = path.join(data.folder, VIEWS_FILE_NAME);
    await writeFile(file, JSON.stringify({ version: 2, profiles: {}, more: true }));
    rig = await createRig({ openDemo: true, dataDir: data.folder, session: { demo: { cases: 3, seed: 5 } } });
    const error = await rig.fail('views.list');
    expect(error.code).toBe('SETTINGS_CORRUPT');
    expect(error.message).toContain('newer version of Case Desk');
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(2);
  });

  it('loses nothing when a write fails: the saved views stay as they were', async () => {
    rig = await freshRig();
    const before = await rig.ok('views.save', spec('Safe'));
    // The settings folder is replaced by a file, so the next write cannot happen at all.
    await rm(data.folder, { recursive: true, force: true });
    await writeFile(data.folder, 'not a folder');
    try {
      const error = await rig.fail('views.save', spec('Lost?'));
      expect(error.code).not.toBe('VALIDATION');
      expect(await rig.ok('views.list')).toEqual(before);
      expect((await rig.fail('views.delete', { id: before.views[0]!.id })).code).toBeDefined();
      expect(await rig.ok('views.list')).toEqual(before);
    } finally {
      await rm(data.folder, { force: true });
      await mkdir(data.folder);
    }
  });
});
