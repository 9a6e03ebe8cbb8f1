// The app lifecycle in main.ts, run against the fake Electron: what happens before `ready`, what
// `ready` sets up, and that the handlers get the Electron platform and the bridge's event sender.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dataDirFromEnv } from '../../../src-main/core/credentials/data-dir.js';
import type { Platform } from '../../../src-main/core/platform.js';
import { REQUEST_CHANNELS } from '../../../src-shared/ipc/contract.js';
import type * as FakeElectron from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

interface HandlerContext {
  platform: Platform;
  emit: (event: string, payload: unknown) => void;
  session: { disconnect: () => Promise<unknown> };
  dataDir: string;
  profilesDir: string;
  keychain: unknown;
}
const created = vi.hoisted(() => ({ contexts: [] as unknown[], disconnects: 0, lastProfileOpened: 0 }));
vi.mock('../../../src-main/core/handlers/index.js', () => ({
  createHandlerContext: (init: object) => ({
    ...init,
    session: {
      disconnect: async () => {
        created.disconnects += 1;
      },
    },
  }),
  createHandlers: (context: unknown) => {
    created.contexts.push(context);
    return {};
  },
  openLastProfile: async () => {
    created.lastProfileOpened += 1;
  },
}));

type Fake = typeof FakeElectron;

/** Loads main.ts afresh (it runs on import) against a reset fake. */
async function startMain(prepare: (fake: Fake) => void = () => undefined): Promise<Fake> {
  vi.resetModules();
  created.contexts = [];
  created.disconnects = 0;
  created.lastProfileOpened = 0;
  // The mocked `electron` (one instance, kept across module resets) is the fake main.ts will see.
  const fake = (await import('electron')) as unknown as Fake;
  fake.resetFakes();
  prepare(fake);
  await import('../../../src-main/electron/main.js');
  return fake;
}

async function ready(fake: Fake): Promise<void> {
  fake.app.fireReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('before ready', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await startMain();
  });

  it('registers the app scheme, enables the sandbox for all renderers and every IPC channel', () => {
    expect(fake.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(fake.FakeBrowserWindow.all).toHaveLength(0);
  });

  it('gives the handlers the Electron platform and an event sender', () => {
    expect(created.contexts).toHaveLength(1);
    const context = created.contexts[0] as HandlerContext;
    for (const name of [
      'chooseFolder',
      'confirm',
      'openExternal',
      'showItemInFolder',
      'openPath',
      'progress',
      'notify',
    ] as const) {
      expect(typeof context.platform[name], name).toBe('function');
    }
    expect(typeof context.emit).toBe('function');
    // One data folder for profiles, views, export jobs and the library: the CLI's, so both share
    // profiles.json; secrets go to keytar.
    expect(context.dataDir).toBe(dataDirFromEnv({ env: process.env }));
    expect(context.profilesDir).toBe(context.dataDir);
    // (by name: main.ts is loaded afresh per test, so its classes are not this file's)
    expect((context.keychain as object).constructor.name).toBe('KeytarSecretStore');
  });

  it('opens the profile used last before the window exists', () => {
    expect(created.lastProfileOpened).toBe(1);
  });
});

describe('on ready', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await startMain();
    await ready(fake);
  });

  it('hardens the session, serves the app protocol, sets the menu and opens one app window', () => {
    const session = fake.session.defaultSession;
    expect(session.permissionRequestHandler).not.toBeNull();
    expect(session.permissionCheckHandler?.()).toBe(false);
    expect(session.headersListener).not.toBeNull();
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.Menu.application).not.toBeNull();

    expect(fake.FakeBrowserWindow.all).toHaveLength(1);
    const [window] = fake.FakeBrowserWindow.all;
    expect(window?.webContents.loadedUrl).toBe('app://case-desk/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(String(window?.options.webPreferences?.preload)).toMatch(/preload[/\\]preload\.cjs$/);
  });

  it('hardens every web contents the app creates', () => {
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.fireCancellable('will-navigate', 'https://example.com/')).toBe(true);
  });

  it('sends handler events to the app window', () => {
    const context = created.contexts[0] as HandlerContext;
    context.emit('downloads.progress', { downloadId: 'd1', bytes: 1 });
    const [window] = fake.FakeBrowserWindow.all;
    expect(window?.webContents.sent).toEqual([
      { channel: 'event:downloads.progress', payload: { downloadId: 'd1', bytes: 1 } },
    ]);
  });

  it('quits when the last window closes (except on macOS), and reopens on activate', () => {
    fake.FakeBrowserWindow.all = [];
    fake.app.emit('activate');
    expect(fake.FakeBrowserWindow.all).toHaveLength(1);
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalled).toBe(process.platform !== 'darwin');
  });
});

describe('quitting', () => {
  it('disconnects the session (cancelling downloads, stopping the demo) before the app quits', async () => {
    const fake = await startMain();
    await ready(fake);
    const event = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(created.disconnects).toBe(1);
    await vi.waitFor(() => expect(fake.app.quitCalled).toBe(true));

    const again = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(created.disconnects).toBe(1);
  });
});

describe('a second instance', () => {
  it('quits at once without registering anything', async () => {
    const fake = await startMain((f) => {
      f.app.gotLock = false;
    });
    await ready(fake);
    expect(fake.app.quitCalled).toBe(true);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(created.contexts).toHaveLength(0);
    expect(fake.FakeBrowserWindow.all).toHaveLength(0);
  });
});
