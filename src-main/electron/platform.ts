/** The core's Platform services on Electron: native dialogs and the OS shell. */
import { Notification, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { OPEN_LINK_QUESTION } from '../core/handlers/shell.js';
import type { Platform } from '../core/platform.js';
import { chooseFolder, confirm } from './dialogs.js';
import { parseExternalUrl } from './policy.js';

export function createElectronPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    chooseFolder: (title, defaultPath) => chooseFolder(getWindow(), title, defaultPath),
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
    progress(fraction) {
      // A negative value removes the bar (Electron's convention).
      getWindow()?.setProgressBar(fraction === null ? -1 : Math.min(1, Math.max(0, fraction)));
    },
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
    },
  };
}

/** Asks first, then hands an already-checked `https:` URL to the default browser. */
export async function openLinkAfterConfirm(platform: Platform, url: string): Promise<void> {
  if (await platform.confirm(OPEN_LINK_QUESTION, url)) await platform.openExternal(url);
}
