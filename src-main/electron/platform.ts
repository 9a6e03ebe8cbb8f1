/** The core's Platform services on Electron: native dialogs and the OS shell. */
import { shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { OPEN_LINK_QUESTION } from '../core/handlers/shell.js';
import type { Platform } from '../core/platform.js';
import { chooseFolder, confirm } from './dialogs.js';
import { parseExternalUrl } from './policy.js';

export function createElectronPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    chooseFolder: (title) => chooseFolder(getWindow(), title),
    confirm: (message, detail) => confirm(getWindow(), message, detail),
    async openExternal(url) {
      // Defence in depth: the handler checks too, but nothing but https: ever reaches the OS.
      const safe = parseExternalUrl(url);
      if (!safe) throw new Error('Only https: links can be opened.');
      await shell.openExternal(safe);
    },
    showItemInFolder: (path) => shell.showItemInFolder(path),
    async openPath(path) {
      const failure = await shell.openPath(path);
      if (failure) throw new Error(failure);
    },
  };
}

/** Asks first, then hands an already-checked `https:` URL to the default browser. */
export async function openLinkAfterConfirm(platform: Platform, url: string): Promise<void> {
  if (await platform.confirm(OPEN_LINK_QUESTION, url)) await platform.openExternal(url);
}
