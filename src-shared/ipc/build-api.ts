/**
 * Builds the page's `window.caseDesk` object from the contract's channel names: one named function per
 * request channel, grouped by prefix (`api.cases.page(input)`), plus `on(event, listener)` returning
 * an unsubscribe function. The Electron preload and the browser test harness both use it, so the page
 * sees the same API shape over IPC and over the harness's WebSocket. Pure: no zod, no Node, no DOM.
 */
import { EVENT_CHANNEL_NAMES, REQUEST_CHANNEL_NAMES, splitChannelName } from './channels.js';
import type { EventChannelName, RequestChannelName } from './channels.js';
import type { CaseDeskApi, Result } from './contract.js';

export type Invoke = (channel: RequestChannelName, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventChannelName, listener: (payload: unknown) => void) => () => void;

export function buildApi(invoke: Invoke, subscribe: Subscribe): CaseDeskApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of REQUEST_CHANNEL_NAMES) {
    const [group, method] = splitChannelName(channel);
    // Only the input crosses; the channel name is fixed here, never chosen by the page.
    (api[group] ??= {})[method] = (input?: unknown) => invoke(channel, input);
  }
  const on = (event: EventChannelName, listener: (payload: unknown) => void): (() => void) => {
    if (!(EVENT_CHANNEL_NAMES as readonly string[]).includes(event)) {
      throw new Error(`Unknown event: ${String(event)}`);
    }
    if (typeof listener !== 'function') throw new Error('on() needs a listener function.');
    let subscribed = true;
    const unsubscribe = subscribe(event, (payload) => listener(payload));
    return () => {
      if (!subscribed) return;
      subscribed = false;
      unsubscribe();
    };
  };
  // Frozen, so page code cannot swap a function that other page code then calls.
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze({ ...api, on }) as unknown as CaseDeskApi;
}
