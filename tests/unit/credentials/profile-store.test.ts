/** profiles.json: atomic, private, validated; a damaged file is kept aside and reported, never dropped. */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileProfileStore } from '../../../src-main/core/credentials/profile-store.js';
import type { ProfilesFile } from '../../../src-main/core/credentials/profiles.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'case-desk-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const PROFILE = {
  id: '0b6f3c1e-8d1a-4f8e-9a51-3f0e2a1b4c5d',
  label: 'Work',
  region: 'us' as const,
  baseUrl: 'https://api.us.code42.com',
  clientId: 'key-1',
  createdAt: '2026-01-02T03:04:05.000Z',
};

describe('FileProfileStore', () => {
  it('reads an empty list when nothing was saved', async () => {
    expect(await new FileProfileStore(join(dir, 'not-yet')).read()).toEqual({
      version: 1,
      selectedProfileId: null,
      profiles: [],
    });
  });

  it('writes atomically, with mode 0600, in a folder it creates, and reads back the same', async () => {
    const store = new FileProfileStore(join(dir, 'nested', 'data'));
    const file: ProfilesFile = { version: 1, selectedProfileId: PROFILE.id, profiles: [PROFILE] };
    await store.write(file);
    expect(await store.read()).toEqual(file);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'nested', 'data'))).toEqual(['profiles.json']); // no temp file left
    const text = await readFile(store.path, 'utf8');
    expect(JSON.parse(text)).toEqual(file);
  });

  it('drops keys it does not know, so nothing else ever gets written back', async () => {
    const store = new FileProfileStore(dir);
    await writeFile(
      store.path,
      JSON.stringify({
        version: 1,
        selectedProfileId: null,
        profiles: [{ ...PROFILE, secret: 'x-y-z' }],
        extra: 1,
      }),
    );
    const file = await store.read();
    expect(file.profiles[0]).toEqual(PROFILE);
    await store.write(file);
    expect(await readFile(store.path, 'utf8')).not.toContain('x-y-z');
  });

  it.each([
    ['not JSON', '{"version": 1, "profiles": [', /not valid JSON/u],
    [
      'a wrong shape',
      JSON.stringify({ version: 1, selectedProfileId: null, profiles: [{ id: 'x' }] }),
      /profiles\.0/u,
    ],
    [
      'duplicate labels',
      JSON.stringify({
        version: 1,
        selectedProfileId: null,
        profiles: [PROFILE, { ...PROFILE, id: '1b6f3c1e-8d1a-4f8e-9a51-3f0e2a1b4c5d', label: 'WORK' }],
      }),
      /duplicate name/u,
    ],
    [
      'a plain-http remote URL',
      JSON.stringify({
        version: 1,
        selectedProfileId: null,
        profiles: [{ ...PROFILE, baseUrl: 'http://evil.example' }],
      }),
      /not an allowed Incydr URL/u,
    ],
  ])('keeps a file with %s as a .corrupt copy and says so', async (_what, content, why) => {
    const store = new FileProfileStore(dir, () => new Date('2026-03-04T05:06:07.089Z'));
    await writeFile(store.path, content);
    const error = await store.read().catch((e: unknown) => e);
    const copy = `${store.path}.corrupt-2026-03-04T05-06-07-089Z`;
    expect(error).toMatchObject({ code: 'SETTINGS_CORRUPT', details: { copy } });
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message).toContain(copy);
    expect(await readFile(copy, 'utf8')).toBe(content); // the original bytes, kept
    // Reported once; from then on the list starts empty and can be filled again.
    expect((await store.read()).profiles).toEqual([]);
    await store.write({ version: 1, selectedProfileId: null, profiles: [PROFILE] });
    expect((await store.read()).profiles).toHaveLength(1);
  });

  it('leaves a file from a newer version alone', async () => {
    const store = new FileProfileStore(dir);
    const content = JSON.stringify({ version: 2, profiles: [] });
    await writeFile(store.path, content);
    await expect(store.read()).rejects.toMatchObject({
      code: 'SETTINGS_CORRUPT',
      message: expect.stringMatching(/newer version of Case Desk/u),
    });
    expect(await readFile(store.path, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('fails without leaving anything behind when the folder cannot be made', async () => {
    const blocked = join(dir, 'file-not-folder');
    await writeFile(blocked, '');
    const store = new FileProfileStore(join(blocked, 'data'));
    await expect(store.write({ version: 1, selectedProfileId: null, profiles: [] })).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['file-not-folder']);
  });
});
