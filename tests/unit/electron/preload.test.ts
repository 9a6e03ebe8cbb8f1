// The preload exposes only `caseDesk`: the contract's groups and functions plus `on`. Checked on the
// source (against the fake) and on the bundle `npm run build` ships, evaluated the way a sandboxed
// preload runs: `require('electron')` is the only module it can load.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS, splitChannel } from '../../../src-shared/ipc/contract.js';
import * as fakeElectron from './fake-electron.js';
import { contextBridge, ipcRenderer, resetFakes } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

type ExposedApi = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
  on: (event: string, listener: (...args: unknown[]) => void) => () => void;
};

/** The groups and methods the contract says the page should see. */
function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const channel of REQUEST_CHANNELS) {
    const [group, method] = splitChannel(channel);
    (shape[group] ??= []).push(method);
  }
  return shape;
}

function shapeOf(api: ExposedApi): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(api)) {
    if (key === 'on') continue;
    shape[key] = Object.keys(value);
  }
  return shape;
}

function expectOnlyCaseDesk(exposed: Map<string, unknown>): ExposedApi {
  expect([...exposed.keys()]).toEqual(['caseDesk']);
  const api = exposed.get('caseDesk') as ExposedApi;
  expect(Object.keys(api).sort()).toEqual([...Object.keys(expectedShape()), 'on'].sort());
  expect(shapeOf(api)).toEqual(expectedShape());
  expect(typeof api.on).toBe('function');
  // Nothing reachable from the API is ipcRenderer or a raw IPC function.
  for (const group of Object.values(api)) {
    expect(group).not.toBe(ipcRenderer);
    if (typeof group === 'function') continue;
    for (const [name, fn] of Object.entries(group)) {
      expect(typeof fn, name).toBe('function');
      expect(['invoke', 'send', 'sendSync', 'postMessage', 'ipcRenderer', 'process']).not.toContain(name);
    }
  }
  return api;
}

describe('preload source', () => {
  let api: ExposedApi;
  beforeAll(async () => {
    resetFakes();
    await import('../../../src-main/electron/preload.js');
    api = expectOnlyCaseDesk(contextBridge.exposed);
  });

  it('maps every function to its own channel, passing only the input', async () => {
    ipcRenderer.invoked = [];
    for (const channel of REQUEST_CHANNELS) {
      const [group, method] = splitChannel(channel);
      await api[group]?.[method]?.({ probe: channel });
    }
    expect(ipcRenderer.invoked).toEqual(
      REQUEST_CHANNELS.map((channel) => ({ channel, input: { probe: channel } })),
    );
  });

  it('on() hands the listener the payload without the IPC event, and unsubscribes', () => {
    for (const event of EVENT_CHANNELS) {
      const listener = vi.fn();
      const unsubscribe = api.on(event, listener);
      const ipcEvent = { sender: ipcRenderer, ports: [] };
      ipcRenderer.emit(`event:${event}`, ipcEvent, { n: 1 });
      expect(listener).toHaveBeenCalledExactlyOnceWith({ n: 1 });

      unsubscribe();
      ipcRenderer.emit(`event:${event}`, ipcEvent, { n: 2 });
      expect(listener).toHaveBeenCalledTimes(1);
      expect(ipcRenderer.listenerCount(`event:${event}`)).toBe(0);
    }
  });

  it('on() refuses names that are not contract events (no raw channel access)', () => {
    expect(() => api.on('cases.page', vi.fn())).toThrow(/Unknown event/);
    expect(() => api.on('event:session.changed', vi.fn())).toThrow(/Unknown event/);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});

describe('built preload bundle', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'case-desk-preload-'));
  let code = '';
  beforeAll(async () => {
    await build({ configFile: 'vite.config.ts', mode: 'preload', logLevel: 'silent', build: { outDir } });
    code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    rmSync(outDir, { recursive: true, force: true });
  }, 60_000);

  it('requires nothing but electron and exposes only caseDesk', () => {
    resetFakes();
    const required: string[] = [];
    const sandboxRequire = (name: string): unknown => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return fakeElectron;
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
    expect(required).toEqual(['electron']);
    expectOnlyCaseDesk(contextBridge.exposed);
  });

  it('uses ipcRenderer only for invoke, on and removeListener', () => {
    const uses = [...code.matchAll(/ipcRenderer\.(\w+)/g)].map((match) => match[1]);
    expect(new Set(uses)).toEqual(new Set(['invoke', 'on', 'removeListener']));
    expect(code).not.toMatch(/exposeInMainWorld\(\s*["'](?!caseDesk["'])/);
    const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    expect(withoutComments).not.toMatch(/\bprocess\b/);
  });
});
