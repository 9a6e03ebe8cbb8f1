// The main-process bundle `npm run build` ships, loaded against the fake Electron: it must start
// (no dependency that breaks when bundled), register every channel, and answer through the real
// handlers. Built into test-output/ so its external imports (pdfkit, keytar) resolve from node_modules.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../../src-shared/ipc/contract.js';
import { FakeBrowserWindow, app, invokeEvent, ipcMain, resetFakes } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

mkdirSync(join(process.cwd(), 'test-output'), { recursive: true });
const outDir = mkdtempSync(join(process.cwd(), 'test-output', 'main-bundle-'));

beforeAll(async () => {
  await build({
    configFile: 'vite.config.ts',
    mode: 'main',
    logLevel: 'silent',
    build: { outDir, sourcemap: false },
  });
  resetFakes();
  await import(/* @vite-ignore */ pathToFileURL(join(outDir, 'main.js')).href);
  app.fireReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function call(channel: string, input: unknown): Promise<unknown> {
  const [window] = FakeBrowserWindow.all;
  if (!window) throw new Error('no window');
  return ipcMain.handlers.get(channel)?.(invokeEvent(window.webContents), input);
}

describe('built main bundle', () => {
  it('starts, registers every channel and loads the UI from the app protocol', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(FakeBrowserWindow.all[0]?.webContents.loadedUrl).toBe('app://case-desk/index.html');
  });

  it('answers through the real handlers', async () => {
    expect(await call('session.get', {})).toMatchObject({ ok: true, value: { connected: false } });
    expect(await call('cases.page', {})).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
    expect(await call('cases.page', { pgSize: 'ten' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
