/**
 * The contract's handlers (design.md §2): plain async functions from a channel's parsed input to its
 * output, with no Electron in them, so the app, the browser test harness and the tests run exactly the
 * same code. Register them through `dispatch()`, which parses input and wraps results.
 */
import { incydrClientFactory } from '../credentials/connection-test.js';
import { KeytarSecretStore } from '../credentials/keytar-store.js';
import { ProfileService } from '../credentials/profile-service.js';
import { FileProfileStore } from '../credentials/profile-store.js';
import type { SecretStore } from '../credentials/secret-store.js';
import { DownloadManager } from '../downloads/download-manager.js';
import { FolderRegistry } from '../downloads/folder-registry.js';
import { ExportManager } from '../exports/export-manager.js';
import { ExportJobStore } from '../exports/job-store.js';
import type { Handlers } from '../ipc/dispatch.js';
import { ExportLibrary } from '../library/export-library.js';
import { recordSingleDownloads } from '../library/record-download.js';
import type { PayloadOf, SessionInfo } from '../../../src-shared/ipc/contract.js';
import { openSelectedProfile } from '../session/profile-switch.js';
import { SessionManager } from '../session/session-manager.js';
import type { SessionManagerOptions } from '../session/session-manager.js';
import { ViewStore } from '../settings/view-store.js';
import { caseHandlers } from './cases.js';
import type { Emit, HandlerContext } from './context.js';
import { downloadHandlers } from './downloads.js';
import { eventHandlers } from './events.js';
import { exportHandlers } from './exports.js';
import { libraryHandlers } from './library.js';
import { trackExportsForOs } from './os-progress.js';
import { peopleHandlers } from './people.js';
import { profileHandlers } from './profiles.js';
import { sessionHandlers } from './session.js';
import { shellHandlers } from './shell.js';
import { viewHandlers } from './views.js';

export type { Emit, HandlerContext, HandlersOf } from './context.js';
export { checkExternalUrl, OPEN_LINK_QUESTION } from './shell.js';

/** The parts a caller must give; the rest is created (and wired) by `createHandlerContext`. */
export type HandlerContextInit = Pick<HandlerContext, 'platform' | 'emit' | 'logger' | 'dataDir'> &
  Partial<
    Pick<HandlerContext, 'session' | 'folders' | 'downloads' | 'views' | 'profiles' | 'library' | 'exports'>
  > & {
    /** For a session created here (ignored when `session` is given). */
    sessionOptions?: SessionManagerOptions;
    /** Where profiles.json lives (default `dataDir`; the app passes the folder the CLI uses too). */
    profilesDir?: string;
    /** Where profile secrets live (default the OS keychain through keytar). */
    keychain?: SecretStore;
  };

/**
 * Completes a context and wires it: session changes go out as `session.changed` events, and running
 * downloads are cancelled before the session's client closes. Call it once per session manager.
 */
export function createHandlerContext(init: HandlerContextInit): HandlerContext {
  const { platform, emit, logger, dataDir } = init;
  const session = init.session ?? new SessionManager({ logger, ...init.sessionOptions });
  const folders = init.folders ?? new FolderRegistry();
  const downloads = init.downloads ?? new DownloadManager({ session, folders, emit, logger });
  const views = init.views ?? new ViewStore(dataDir);
  const profiles =
    init.profiles ??
    new ProfileService({
      store: new FileProfileStore(init.profilesDir ?? dataDir),
      keychain: init.keychain ?? new KeytarSecretStore({ logger }),
      clients: incydrClientFactory({ ...session.clientTuning(), logger }),
      logger,
    });
  session.onChange((info) => emit('session.changed', info));
  session.onBeforeClose(() => downloads.cancelAll());
  const library = init.library ?? new ExportLibrary(dataDir, { logger });
  // Job updates also drive the taskbar / dock progress and the "long export ended" notification.
  const osProgress = trackExportsForOs(platform);
  const exportEmit: Emit = (event, payload) => {
    emit(event, payload);
    if (event === 'exports.progress') osProgress(payload as PayloadOf<'exports.progress'>);
  };
  const exports =
    init.exports ??
    new ExportManager({
      session,
      folders,
      store: new ExportJobStore(dataDir, { logger }),
      library,
      emit: exportEmit,
      logger,
    });
  // Single downloads go into the library too; bulk jobs stop (resumable) before the session closes.
  recordSingleDownloads(downloads, library, session, { logger });
  session.onBeforeClose(async () => {
    await exports.interruptAll();
    await library.flush();
  });
  return { session, platform, emit, logger, folders, downloads, dataDir, views, profiles, library, exports };
}

/**
 * On start: opens the profile used last when its secret is at hand. Call it before the page loads;
 * the page's first `session.get` then answers with the opened profile (or, on failure, disconnected).
 */
export function openLastProfile(context: HandlerContext): Promise<SessionInfo> {
  return openSelectedProfile(context.session, context.profiles, context.logger);
}

/**
 * One handler per contract channel. Given a complete context (from `createHandlerContext`) it uses it
 * as it is; given only platform, emit and logger it creates and wires the rest.
 */
export function createHandlers(context: HandlerContext | HandlerContextInit): Handlers {
  const ctx = isComplete(context) ? context : createHandlerContext(context);
  return {
    ...sessionHandlers(ctx),
    ...profileHandlers(ctx),
    ...caseHandlers(ctx),
    ...eventHandlers(ctx),
    ...peopleHandlers(ctx),
    ...downloadHandlers(ctx),
    ...exportHandlers(ctx),
    ...libraryHandlers(ctx),
    ...shellHandlers(ctx),
    ...viewHandlers(ctx),
  };
}

function isComplete(context: HandlerContext | HandlerContextInit): context is HandlerContext {
  return (
    context.session !== undefined &&
    context.folders !== undefined &&
    context.downloads !== undefined &&
    context.views !== undefined &&
    context.profiles !== undefined &&
    context.library !== undefined &&
    context.exports !== undefined
  );
}
