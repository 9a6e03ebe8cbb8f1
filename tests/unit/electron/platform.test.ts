// The Electron platform's taskbar progress and notifications, against the fake Electron.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createElectronPlatform } from '../../../src-main/electron/platform.js';
import * as fake from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

beforeEach(() => fake.resetFakes());

function platformWith(window: fake.FakeBrowserWindow | null) {
  return createElectronPlatform(() => window as unknown as BrowserWindow | null);
}

describe('Electron platform: progress', () => {
  it('sets the window progress bar, clamps it, and clears it with -1', () => {
    const window = new fake.FakeBrowserWindow({});
    const platform = platformWith(window);
    platform.progress(0.25);
    platform.progress(1.7);
    platform.progress(-0.2);
    platform.progress(null);
    expect(window.progressBar).toEqual([0.25, 1, 0, -1]);
  });

  it('does nothing without a window', () => {
    expect(() => platformWith(null).progress(0.5)).not.toThrow();
  });
});

describe('Electron platform: notify', () => {
  it('shows an OS notification with the title and body', () => {
    platformWith(null).notify('Export finished', '12 cases saved to /x.');
    expect(fake.Notification.shown).toEqual([{ title: 'Export finished', body: '12 cases saved to /x.' }]);
  });

  it('shows nothing where notifications are not supported', () => {
    fake.Notification.supported = false;
    platformWith(null).notify('Export finished', 'body');
    expect(fake.Notification.shown).toEqual([]);
  });
});

describe('Electron platform: chooseFolder', () => {
  it('opens the picker at the remembered folder', async () => {
    const platform = platformWith(null);
    expect(await platform.chooseFolder('Save where?', '/last/folder')).toBe('/chosen/folder');
    expect(fake.dialog.calls[0]?.options).toMatchObject({
      title: 'Save where?',
      defaultPath: '/last/folder',
    });
    await platform.chooseFolder('Again');
    expect(fake.dialog.calls[1]?.options).not.toHaveProperty('defaultPath');
  });
});
