// design.md §6, item by item, read back from what the shell sets up on a fake Electron.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { chooseFolder } from '../../../src-main/electron/dialogs.js';
import { menuTemplate } from '../../../src-main/electron/menu.js';
import { createElectronPlatform, openLinkAfterConfirm } from '../../../src-main/electron/platform.js';
import {
  APP_ENTRY_URL,
  buildCsp,
  isAllowedExternalUrl,
  parseExternalUrl,
  webPreferencesFor,
} from '../../../src-main/electron/policy.js';
import { registerAppScheme, serveAppProtocol } from '../../../src-main/electron/protocol.js';
import { hardenSession, hardenWebContents } from '../../../src-main/electron/security.js';
import { createMainWindow } from '../../../src-main/electron/window.js';
import {
  FakeBrowserWindow,
  FakeSession,
  FakeWebContents,
  dialog,
  protocol,
  resetFakes,
  shell,
} from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

beforeEach(() => resetFakes());

const REQUIRED_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
};

describe('the window', () => {
  it('is created with every required web preference and the preload', () => {
    createMainWindow('/app/dist/preload/preload.cjs', () => undefined);
    const [window] = FakeBrowserWindow.all;
    const prefs = window?.options.webPreferences ?? {};
    expect(prefs).toMatchObject({ ...REQUIRED_PREFERENCES, preload: '/app/dist/preload/preload.cjs' });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).toEqual(webPreferencesFor('/app/dist/preload/preload.cjs'));
  });

  it('loads the UI from the app protocol, never http(s) or file, after trusting its contents', () => {
    const trusted: unknown[] = [];
    const window = createMainWindow('/p.cjs', (contents) =>
      trusted.push(contents),
    ) as unknown as FakeBrowserWindow;
    expect(trusted).toEqual([window.webContents]);
    expect(window.webContents.loadedUrl).toBe(APP_ENTRY_URL);
    expect(new URL(APP_ENTRY_URL).protocol).toBe('app:');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });
});

describe('the session', () => {
  function hardened(): FakeSession {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    return session;
  }

  it('denies every permission request and check', () => {
    const session = hardened();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.permissionCheckHandler?.({}, permission, 'app://case-desk', {})).toBe(false);
    }
  });

  it('adds the CSP header to responses, keeping the others', () => {
    const session = hardened();
    const callback = vi.fn();
    session.headersListener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [buildCsp()] },
    });
  });
});

describe('the CSP', () => {
  const directives = new Map(
    buildCsp()
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

  it("is default-src 'self' with no eval, inline script or remote source", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(buildCsp()).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

describe('navigation, new windows and webviews', () => {
  let contents: FakeWebContents;
  let offered: string[];
  beforeEach(() => {
    contents = new FakeWebContents();
    offered = [];
    hardenWebContents(contents as unknown as WebContents, (url) => offered.push(url));
  });

  it('prevents every navigation, redirect and webview', () => {
    for (const url of ['app://case-desk/other.html', 'https://example.com/', 'file:///etc/passwd']) {
      expect(contents.fireCancellable('will-navigate', url)).toBe(true);
      expect(contents.fireCancellable('will-redirect', url)).toBe(true);
    }
    expect(contents.fireCancellable('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('denies every new window and offers only https links to the browser', () => {
    const urls = [
      'https://example.com/a?b=c',
      'http://example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'app://case-desk/index.html',
      'https://user:pass@example.com/',
      'not a url',
    ];
    for (const url of urls) expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    contents.fireCancellable('will-navigate', 'http://example.com/');
    contents.fireCancellable('will-navigate', 'https://example.org/');
    expect(offered).toEqual(['https://example.com/a?b=c', 'https://example.org/']);
  });

  it('allows only https: external URLs', () => {
    expect(isAllowedExternalUrl('https://example.com/x')).toBe(true);
    for (const url of [
      'http://example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'HTTPS//x',
      'https://u:p@h/',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
    expect(parseExternalUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
  });
});

describe('opening a link', () => {
  const platform = () => createElectronPlatform(() => null);

  it('opens nothing when the investigator cancels the confirmation', async () => {
    dialog.messageBoxResponse = 0;
    await openLinkAfterConfirm(platform(), 'https://example.com/');
    expect(dialog.calls).toMatchObject([{ kind: 'message', options: { detail: 'https://example.com/' } }]);
    expect(shell.opened).toEqual([]);
  });

  it('opens the https link after the investigator confirms', async () => {
    dialog.messageBoxResponse = 1;
    await openLinkAfterConfirm(platform(), 'https://example.com/');
    expect(shell.opened).toEqual(['https://example.com/']);
  });

  it('never hands a non-https URL to the OS, even when asked directly', async () => {
    for (const url of ['http://example.com/', 'javascript:alert(1)', 'file:///etc/passwd']) {
      await expect(platform().openExternal(url)).rejects.toThrow(/https/);
    }
    expect(shell.opened).toEqual([]);
  });
});

describe('the app protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'case-desk-protocol-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Case Desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function serve() {
    serveAppProtocol(rendererDir);
    const handler = protocol.handlers.get('app');
    if (!handler) throw new Error('app protocol not handled');
    return (url: string, method = 'GET') => handler({ url, method });
  }

  it('registers app: as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    // Neither CSP bypass nor corsEnabled (which would let other origins read app files).
    expect(protocol.privileged[0]?.privileges).not.toHaveProperty('bypassCSP');
    expect(protocol.privileged[0]?.privileges).not.toHaveProperty('corsEnabled');
  });

  it('serves the renderer files with the CSP and a content type', async () => {
    const get = serve();
    const index = await get('app://case-desk/index.html');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Case Desk</title>');
    expect(index.headers.get('content-security-policy')).toBe(buildCsp());
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    const script = await get('app://case-desk/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://case-desk/')).status).toBe(200);
  });

  it('refuses ../ traversal, other hosts and other methods', async () => {
    const get = serve();
    const refused = [
      'app://case-desk/%2e%2e/secret.txt',
      'app://case-desk/..%2fsecret.txt',
      'app://case-desk/assets/..%2f..%2fsecret.txt',
      'app://case-desk/%2E%2E%2Fsecret.txt',
      'app://case-desk/..%5csecret.txt',
      'app://case-desk/%00index.html',
      'app://case-desk/%E0%A4%A',
      'app://case-desk/../secret.txt', // the URL parser already folds this to /secret.txt: not found
      'app://evil.example/index.html',
      'app://case-desk/assets',
    ];
    for (const url of refused) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('TOP SECRET');
    }
    expect((await get('app://case-desk/index.html', 'POST')).status).toBe(405);
  });
});

describe('dialogs and menu', () => {
  it('the folder picker opens directories and may create one; cancel is null', async () => {
    expect(await chooseFolder(null, 'Save exports to')).toBe('/chosen/folder');
    expect(dialog.calls[0]?.options).toMatchObject({
      title: 'Save exports to',
      properties: ['openDirectory', 'createDirectory'],
    });
    dialog.openResult = { canceled: true, filePaths: [] };
    expect(await chooseFolder(null)).toBeNull();
  });

  it('the menu has the usual roles; reload and dev tools only in development', () => {
    const roles = (isDev: boolean, isMac = false) =>
      JSON.stringify(menuTemplate({ isMac, isDev }))
        .match(/"role":"\w+"/g)
        ?.map((r) => r.slice(8, -1));
    const release = roles(false) ?? [];
    for (const role of [
      'close',
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'zoomIn',
      'zoomOut',
    ]) {
      expect(release).toContain(role);
    }
    expect(release).toEqual(expect.arrayContaining(['resetZoom', 'togglefullscreen', 'windowMenu', 'about']));
    expect(release).not.toContain('reload');
    expect(release).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(roles(false, true)?.[0]).toBe('appMenu');
  });
});
