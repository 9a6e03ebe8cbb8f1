/** `shell.openExternal` and `dialog.chooseFolder` through dispatch, with the test Platform. */
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRig, tempFolder } from './helpers.js';
import type { Rig } from './helpers.js';

let rig: Rig;
beforeAll(async () => {
  rig = await createRig();
});
afterAll(async () => {
  await rig.close();
});
beforeEach(() => {
  rig.platform.reset();
  rig.platform.confirmAnswer = true;
});

describe('shell.openExternal', () => {
  it.each([
    'javascript:alert(document.domain)',
    'JavaScript:alert(1)',
    'http://example.com/',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'app://case-desk/index.html',
    'https://user:pass@example.com/',
    'not a url',
    '',
  ])('refuses %j without asking or opening anything', async (url) => {
    const error = await rig.fail('shell.openExternal', { url });
    expect(error.code).toBe('VALIDATION');
    expect(rig.platform.confirms).toEqual([]);
    expect(rig.platform.openedExternal).toEqual([]);
  });

  it('asks before opening an https: link, and opens it only on yes', async () => {
    rig.platform.confirmAnswer = false;
    expect(await rig.ok('shell.openExternal', { url: 'https://example.com/a b?q=1#x' })).toEqual({
      opened: false,
    });
    const shown = 'https://example.com/a%20b?q=1#x'; // exactly what would be opened
    expect(rig.platform.confirms).toEqual([{ message: 'Open this link in your browser?', detail: shown }]);
    expect(rig.platform.openedExternal).toEqual([]);

    rig.platform.confirmAnswer = true;
    expect(await rig.ok('shell.openExternal', { url: 'https://example.com/a b?q=1#x' })).toEqual({
      opened: true,
    });
    expect(rig.platform.openedExternal).toEqual([shown]);
  });
});

describe('dialog.chooseFolder', () => {
  it('returns null when the investigator cancels', async () => {
    rig.platform.folder = null;
    expect(await rig.ok('dialog.chooseFolder', { title: 'Save where?' })).toBeNull();
    expect(rig.platform.folderRequests).toEqual(['Save where?']);
  });

  it('registers the chosen folder under an opaque handle', async () => {
    const { folder, remove } = await tempFolder('choose');
    try {
      rig.platform.folder = folder;
      const choice = await rig.ok('dialog.chooseFolder', {});
      expect(choice).toEqual({ folderId: expect.stringMatching(/^folder-[0-9a-f-]{36}$/u), path: folder });
      expect(rig.context.folders.resolve(choice!.folderId)).toBe(path.resolve(folder));
      // The same folder keeps its handle; another gets its own.
      expect((await rig.ok('dialog.chooseFolder', {}))!.folderId).toBe(choice!.folderId);
      rig.platform.folder = path.join(folder, 'sub');
      expect((await rig.ok('dialog.chooseFolder', {}))!.folderId).not.toBe(choice!.folderId);
    } finally {
      await remove();
    }
  });
});

describe('folders.last', () => {
  it('offers the folder chosen last with the connected profile, and opens the picker there', async () => {
    const { folder, remove } = await tempFolder('last');
    try {
      await rig.ok('session.openDemo');
      rig.platform.folder = folder;
      await rig.ok('dialog.chooseFolder', {});
      const last = await rig.ok('folders.last', {});
      expect(last).toEqual({ folderId: expect.stringMatching(/^folder-/u), path: path.resolve(folder) });
      expect(rig.context.folders.resolve(last!.folderId)).toBe(path.resolve(folder));
      await rig.ok('dialog.chooseFolder', {});
      expect(rig.platform.folderDefaults.at(-1)).toBe(path.resolve(folder));
      // Offline nothing is offered; a folder that is gone is not offered either.
      await rig.ok('session.disconnect');
      expect(await rig.ok('folders.last', {})).toBeNull();
      await rig.ok('session.openDemo');
      await remove();
      expect(await rig.ok('folders.last', {})).toBeNull();
    } finally {
      await remove();
      await rig.ok('session.disconnect');
    }
  });
});
