/** What every handler gets: the session, the desktop services and the app's long-lived helpers. */
import type { RequestChannel } from '../../../src-shared/ipc/contract.js';
import type { ProfileService } from '../credentials/profile-service.js';
import type { DownloadManager, Emit } from '../downloads/download-manager.js';
import type { FolderRegistry } from '../downloads/folder-registry.js';
import type { ExportManager } from '../exports/export-manager.js';
import type { Handler } from '../ipc/dispatch.js';
import type { ExportLibrary } from '../library/export-library.js';
import type { Logger } from '../log.js';
import type { Platform } from '../platform.js';
import type { SessionManager } from '../session/session-manager.js';
import type { ViewStore } from '../settings/view-store.js';

export type { Emit };

export interface HandlerContext {
  session: SessionManager;
  platform: Platform;
  /** Pushes an event to the renderer (the Electron bridge, or the harness's WebSocket). */
  emit: Emit;
  logger: Logger;
  folders: FolderRegistry;
  downloads: DownloadManager;
  /** The app's settings folder (Electron's userData; a temp folder in tests). */
  dataDir: string;
  /** Saved views of the case list, per profile, in `dataDir`. */
  views: ViewStore;
  /** Every file exported on this machine (`<dataDir>/library.json`). */
  library: ExportLibrary;
  /** Bulk export jobs (saved in `<dataDir>/exports/jobs/`). */
  exports: ExportManager;
  /** Saved connections: profiles.json (shared with the CLI) and the keychain. */
  profiles: ProfileService;
}

/** The handlers of one channel group, e.g. `HandlersOf<'cases'>` for `cases.page`, `cases.get`, … */
export type HandlersOf<G extends string> = {
  [C in RequestChannel as C extends `${G}.${string}` ? C : never]: Handler<C>;
};
