/**
 * Runs in the page (bundled by the harness as /__harness/bridge.js): defines `window.caseDesk` with the
 * same generated API shape as the Electron preload, carrying each call over a loopback WebSocket as
 * `{id, channel, input}` -> `{id, result}`, and events as `{event, payload}`. Calls made before the
 * socket opens wait for it. Only the few browser APIs used are typed here (the repo's TypeScript
 * setup has no DOM library).
 */
import { buildApi } from '../../src-shared/ipc/build-api.js';
import type { EventChannelName, RequestChannelName } from '../../src-shared/ipc/channels.js';
import type { Result } from '../../src-shared/ipc/contract.js';
import { BRIDGE_SOCKET_PATH } from './paths.js';

interface PageSocket {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
interface PageGlobals {
  location: { host: string; protocol: string };
  WebSocket: new (url: string) => PageSocket;
}

const OPEN = 1;

const page = globalThis as unknown as PageGlobals;
const socket = new page.WebSocket(
  `${page.location.protocol === 'https:' ? 'wss' : 'ws'}://${page.location.host}${BRIDGE_SOCKET_PATH}`,
);
let nextId = 1;
const pending = new Map<number, (result: Result<unknown>) => void>();
const waiting: string[] = [];
const listeners = new Map<string, Set<(payload: unknown) => void>>();

const lost = (): Result<unknown> => ({
  ok: false,
  error: { code: 'NETWORK', message: 'The test harness connection closed.' },
});

socket.addEventListener('open', () => {
  for (const message of waiting.splice(0)) socket.send(message);
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) resolve(lost());
  pending.clear();
});
socket.addEventListener('message', ({ data }) => {
  if (typeof data !== 'string') return;
  const message = JSON.parse(data) as {
    id?: number;
    result?: Result<unknown>;
    event?: string;
    payload?: unknown;
  };
  if (typeof message.id === 'number' && message.result) {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  } else if (typeof message.event === 'string') {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
  }
});

function invoke(channel: RequestChannelName, input: unknown): Promise<Result<unknown>> {
  const id = nextId++;
  const message = JSON.stringify({ id, channel, input });
  return new Promise((resolve) => {
    if (socket.readyState > OPEN) {
      resolve(lost()); // closing or closed: no answer will ever come
      return;
    }
    pending.set(id, resolve);
    if (socket.readyState === OPEN) socket.send(message);
    else waiting.push(message);
  });
}

function subscribe(event: EventChannelName, listener: (payload: unknown) => void): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

Object.defineProperty(globalThis, 'caseDesk', {
  value: buildApi(invoke, subscribe),
  enumerable: true,
  writable: false,
  configurable: false,
});
