// The export folder remembered per profile.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAST_FOLDERS_FILE_NAME, LastFolderStore } from '../../../src-main/core/settings/last-folders.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'case-desk-last-folders-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LastFolderStore', () => {
  it('remembers one folder per profile, across instances', async () => {
    const store = new LastFolderStore(dir);
    expect(await store.get('demo')).toBeNull();
    await store.set('demo', '/exports/demo');
    await store.set('work', '/exports/work');
    await store.set('demo', '/exports/demo-2');
    const again = new LastFolderStore(dir);
    expect(await again.get('demo')).toBe(path.resolve('/exports/demo-2'));
    expect(await again.get('work')).toBe(path.resolve('/exports/work'));
    expect(JSON.parse(await readFile(path.join(dir, LAST_FOLDERS_FILE_NAME), 'utf8'))).toMatchObject({
      version: 1,
    });
  });

  it('refuses a relative folder', async () => {
    await expect(new LastFolderStore(dir).set('demo', 'relative/dir')).rejects.toThrow(/absolute/);
  });

  it('treats an unreadable or foreign file as empty, and a relative path in it as nothing', async () => {
    const file = path.join(dir, LAST_FOLDERS_FILE_NAME);
    await writeFile(file, '{not json');
    expect(await new LastFolderStore(dir).get('demo')).toBeNull();
    await writeFile(file, JSON.stringify({ version: 1, folders: { demo: '../up' } }));
    expect(await new LastFolderStore(dir).get('demo')).toBeNull();
  });
});
