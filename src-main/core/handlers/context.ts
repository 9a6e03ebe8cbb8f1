/** What every handler gets: the session, the desktop services and the app's long-lived helpers. */
import type { RequestChannel } from '../../../src-shared/ipc/contract.js';
import type { DownloadManager, Emit } from '../downloads/download-manager.js';
import type { FolderRegistry } from '../downloads/folder-registry.js';
import type { Handler } from '../ipc/dispatch.js';
import type { Logger } from '../log.js';
import type { Platform } from '../platform.js';
import type { SessionManager } from '../session/session-manager.js';

export type { Emit };

export interface HandlerContext {
  session: SessionManager;
  platform: Platform;
  /** Pushes an event to the renderer (the Electron bridge, or the harness's WebSocket). */
  emit: Emit;
  logger: Logger;
  folders: FolderRegistry;
  downloads: DownloadManager;
}

/** The handlers of one channel group, e.g. `HandlersOf<'cases'>` for `cases.page`, `cases.get`, … */
export type HandlersOf<G extends string> = {
  [C in RequestChannel as C extends `${G}.${string}` ? C : never]: Handler<C>;
};
