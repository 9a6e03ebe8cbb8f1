/**
 * The main side of the contract (design.md §2): one `ipcMain.handle` per request channel, all through
 * one wrapper — trusted sender, then `dispatch` (schema parse -> handler -> result envelope) — and
 * event pushes to the app's own windows only.
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { messageFor } from '../../src-shared/domain/problems.js';
import { eventIpcChannel } from '../../src-shared/ipc/channels.js';
import { REQUEST_CHANNELS } from '../../src-shared/ipc/contract.js';
import type { EventChannel, PayloadOf, Result } from '../../src-shared/ipc/contract.js';
import { dispatch } from '../core/ipc/dispatch.js';
import type { Handlers } from '../core/ipc/dispatch.js';
import type { Logger } from '../core/log.js';
import { isAppUrl } from './policy.js';

export interface IpcBridge {
  /** Registers every contract channel; call once, before any window loads. */
  register(handlers: Handlers): void;
  /** Accepts requests from this window's main frame (while it shows the app origin). */
  trust(contents: WebContents): void;
  emit<E extends EventChannel>(event: E, payload: PayloadOf<E>): void;
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: messageFor('FORBIDDEN') },
};

export function createIpcBridge(logger?: Logger): IpcBridge {
  const trusted = new Map<number, WebContents>();
  return {
    register(handlers) {
      for (const channel of REQUEST_CHANNELS) {
        ipcMain.handle(channel, async (event, input: unknown) => {
          if (!isTrustedSender(event, trusted)) {
            logger?.warn('refused IPC from an untrusted sender', { channel });
            return FORBIDDEN;
          }
          return dispatch(handlers, channel, input, logger);
        });
      }
    },
    trust(contents) {
      const id = contents.id;
      trusted.set(id, contents);
      contents.once('destroyed', () => trusted.delete(id));
    },
    emit(event, payload) {
      for (const contents of trusted.values()) {
        if (!contents.isDestroyed()) contents.send(eventIpcChannel(event), payload);
      }
    },
  };
}

/** A window this app created, its main frame (not an iframe), showing the app's own origin. */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  trusted: ReadonlyMap<number, WebContents>,
): boolean {
  try {
    if (trusted.get(event.sender.id) !== event.sender) return false;
    const frame = event.senderFrame;
    const main = event.sender.mainFrame;
    if (!frame || frame.parent !== null) return false;
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return isAppUrl(frame.url);
  } catch {
    return false; // a frame destroyed mid-call throws on access
  }
}
