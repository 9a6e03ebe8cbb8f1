// The ipcMain bridge against a fake Electron: it registers exactly the contract's channels, refuses
// senders other than an app window's main frame on the app origin, and validates every input.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { createHandlers } from '../../../src-main/core/handlers/index.js';
import { silentLogger } from '../../../src-main/core/log.js';
import { createIpcBridge } from '../../../src-main/electron/ipc-bridge.js';
import type { Handlers } from '../../../src-main/core/ipc/dispatch.js';
import { EVENT_CHANNEL_NAMES, REQUEST_CHANNEL_NAMES } from '../../../src-shared/ipc/channels.js';
import { EVENT_CHANNELS, REQUEST_CHANNELS, events, requests } from '../../../src-shared/ipc/contract.js';
import type { RequestChannel, Result } from '../../../src-shared/ipc/contract.js';
import { FakeFrame, FakeWebContents, invokeEvent, ipcMain, resetFakes } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

function spyHandlers() {
  const entries = REQUEST_CHANNELS.map(
    (channel) => [channel, vi.fn(async () => ({ from: channel }))] as const,
  );
  return Object.fromEntries(entries) as unknown as Record<RequestChannel, ReturnType<typeof vi.fn>> &
    Handlers;
}

function asWebContents(fake: FakeWebContents): WebContents {
  return fake as unknown as WebContents;
}

async function invoke(
  channel: string,
  event: ReturnType<typeof invokeEvent>,
  input: unknown,
): Promise<Result<unknown>> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler registered for ${channel}`);
  return (await handler(event, input)) as Result<unknown>;
}

let handlers: ReturnType<typeof spyHandlers>;
let appWindow: FakeWebContents;
let bridge: ReturnType<typeof createIpcBridge>;

beforeEach(() => {
  resetFakes();
  handlers = spyHandlers();
  bridge = createIpcBridge();
  bridge.register(handlers);
  appWindow = new FakeWebContents('app://case-desk/index.html');
  bridge.trust(asWebContents(appWindow));
});

describe('channel registration', () => {
  it('registers one handler per contract channel, no more and no fewer', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(ipcMain.handlers.size).toBe(Object.keys(requests).length);
  });

  it('the preload name lists match the contract exactly', () => {
    expect([...REQUEST_CHANNEL_NAMES]).toEqual(Object.keys(requests));
    expect([...EVENT_CHANNEL_NAMES]).toEqual(Object.keys(events));
    expect(EVENT_CHANNELS).toEqual([...EVENT_CHANNEL_NAMES]);
  });
});

describe('sender check', () => {
  it('dispatches a request from the app window main frame', async () => {
    const result = await invoke('session.get', invokeEvent(appWindow), {});
    expect(result).toEqual({ ok: true, value: { from: 'session.get' } });
    expect(handlers['session.get']).toHaveBeenCalledTimes(1);
  });

  const untrusted: [string, () => ReturnType<typeof invokeEvent>][] = [
    [
      'another webContents on the app origin',
      () => invokeEvent(new FakeWebContents('app://case-desk/index.html')),
    ],
    [
      'a subframe of the app window',
      () => invokeEvent(appWindow, new FakeFrame('app://case-desk/x.html', appWindow.mainFrame)),
    ],
    [
      'a frame without a parent that is not the main frame',
      () => invokeEvent(appWindow, new FakeFrame('app://case-desk/index.html')),
    ],
    ['a sender whose frame is gone', () => invokeEvent(appWindow, null)],
    [
      'the app window after it navigated to https://evil.example',
      () => {
        appWindow.mainFrame.url = 'https://evil.example/';
        return invokeEvent(appWindow);
      },
    ],
    ...[
      'http://case-desk/index.html',
      'file:///index.html',
      'app://case-desk.evil.example/',
      'app://evil@case-desk/',
    ].map((url): [string, () => ReturnType<typeof invokeEvent>] => [
      `the app window showing ${url}`,
      () => {
        appWindow.mainFrame.url = url;
        return invokeEvent(appWindow);
      },
    ]),
    [
      'a window that was closed',
      () => {
        appWindow.destroy();
        return invokeEvent(appWindow);
      },
    ],
  ];

  it.each(untrusted)('refuses %s without calling the handler', async (_name, makeEvent) => {
    const result = await invoke('cases.delete', makeEvent(), { number: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    expect(handlers['cases.delete']).not.toHaveBeenCalled();
  });
});

describe('input validation', () => {
  // Each is invalid for every channel: the wrong type, or a strict object with an unknown key.
  const invalidInputs: unknown[] = ['not an object', 42, true, [], { unexpectedKey: 'x' }];

  it.each(REQUEST_CHANNELS)('%s answers invalid input with a typed VALIDATION error', async (channel) => {
    for (const input of invalidInputs) {
      const result = await invoke(channel, invokeEvent(appWindow), input);
      expect(result, `${channel} with ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.any(String) },
      });
    }
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('reaches the real handlers once the sender and input pass', async () => {
    resetFakes();
    const real = createIpcBridge();
    const platform = {
      chooseFolder: vi.fn(),
      confirm: vi.fn(),
      openExternal: vi.fn(),
      showItemInFolder: vi.fn(),
      openPath: vi.fn(),
      progress: vi.fn(),
      notify: vi.fn(),
    };
    // No saved-views channel is called here, so the settings folder is never touched.
    real.register(
      createHandlers({ platform, emit: real.emit, logger: silentLogger, dataDir: '/nonexistent/case-desk' }),
    );
    real.trust(asWebContents(appWindow));
    expect(await invoke('session.get', invokeEvent(appWindow), undefined)).toMatchObject({
      ok: true,
      value: { connected: false },
    });
    expect(await invoke('cases.get', invokeEvent(appWindow), { number: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_CONNECTED' },
    });
    // An https: link still needs the investigator's yes; a javascript: link never reaches the platform.
    expect(
      await invoke('shell.openExternal', invokeEvent(appWindow), { url: 'javascript:alert(1)' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(platform.confirm).not.toHaveBeenCalled();
  });

  it('passes valid input to the handler as parsed', async () => {
    await invoke('cases.get', invokeEvent(appWindow), { number: 7 });
    expect(handlers['cases.get']).toHaveBeenCalledWith({ number: 7 });
  });
});

describe('events', () => {
  it('sends events on their event: channel to trusted, live app windows only', () => {
    const stranger = new FakeWebContents('app://case-desk/index.html');
    const closed = new FakeWebContents('app://case-desk/index.html');
    bridge.trust(asWebContents(closed));
    closed.destroy();

    const payload = {
      connected: false,
      kind: null,
      label: null,
      baseUrl: null,
      clientId: null,
      tenantId: null,
      profileId: null,
      region: null,
    };
    bridge.emit('session.changed', payload);

    expect(appWindow.sent).toEqual([{ channel: 'event:session.changed', payload }]);
    expect(stranger.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
  });
});
