/**
 * The sandboxed preload: exposes `window.caseDesk`, one named function per contract channel plus
 * `on(event, listener)`, and nothing else — never `ipcRenderer`, never `process`. The shape comes from
 * `buildApi`, the same builder the browser test harness uses; it bundles only the channel names
 * (sandboxed preloads can `require('electron')` and nothing more).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildApi } from '../../src-shared/ipc/build-api.js';
import { eventIpcChannel } from '../../src-shared/ipc/channels.js';
import type { Result } from '../../src-shared/ipc/contract.js';

const api = buildApi(
  // Only the input crosses; the channel name is fixed by buildApi, never chosen by the page.
  (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
  (event, listener) => {
    const channel = eventIpcChannel(event);
    // The IPC event object (with `sender`, `ports`) stays here; the page gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
);

contextBridge.exposeInMainWorld('caseDesk', api);
