/** The one app window: hardened web preferences, UI from the app protocol only. */
import { BrowserWindow } from 'electron';
import type { WebContents } from 'electron';
import { APP_ENTRY_URL, webPreferencesFor } from './policy.js';

/** `trust` runs before the page loads, so the page's first IPC request is already accepted. */
export function createMainWindow(preloadPath: string, trust: (contents: WebContents) => void): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Case Desk',
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 520,
    show: false,
    webPreferences: webPreferencesFor(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  trust(window.webContents);
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
