/**
 * The contract's handlers (design.md §2): plain async functions from a channel's parsed input to its
 * output, with no Electron in them, so the app, the browser test harness and the tests run exactly the
 * same code. Register them through `dispatch()`, which parses input and wraps results.
 */
import { DownloadManager } from '../downloads/download-manager.js';
import { FolderRegistry } from '../downloads/folder-registry.js';
import type { Handlers } from '../ipc/dispatch.js';
import { SessionManager } from '../session/session-manager.js';
import type { SessionManagerOptions } from '../session/session-manager.js';
import { caseHandlers } from './cases.js';
import type { HandlerContext } from './context.js';
import { downloadHandlers } from './downloads.js';
import { eventHandlers } from './events.js';
import { peopleHandlers } from './people.js';
import { sessionHandlers } from './session.js';
import { shellHandlers } from './shell.js';

export type { Emit, HandlerContext, HandlersOf } from './context.js';
export { checkExternalUrl, OPEN_LINK_QUESTION } from './shell.js';

/** The parts a caller must give; the rest is created (and wired) by `createHandlerContext`. */
export type HandlerContextInit = Pick<HandlerContext, 'platform' | 'emit' | 'logger'> &
  Partial<Pick<HandlerContext, 'session' | 'folders' | 'downloads'>> & {
    /** For a session created here (ignored when `session` is given). */
    sessionOptions?: SessionManagerOptions;
  };

/**
 * Completes a context and wires it: session changes go out as `session.changed` events, and running
 * downloads are cancelled before the session's client closes. Call it once per session manager.
 */
export function createHandlerContext(init: HandlerContextInit): HandlerContext {
  const { platform, emit, logger } = init;
  const session = init.session ?? new SessionManager({ logger, ...init.sessionOptions });
  const folders = init.folders ?? new FolderRegistry();
  const downloads = init.downloads ?? new DownloadManager({ session, folders, emit, logger });
  session.onChange((info) => emit('session.changed', info));
  session.onBeforeClose(() => downloads.cancelAll());
  return { session, platform, emit, logger, folders, downloads };
}

/**
 * One handler per contract channel. Given a complete context (from `createHandlerContext`) it uses it
 * as it is; given only platform, emit and logger it creates and wires the rest.
 */
export function createHandlers(context: HandlerContext | HandlerContextInit): Handlers {
  const ctx = isComplete(context) ? context : createHandlerContext(context);
  return {
    ...sessionHandlers(ctx),
    ...caseHandlers(ctx),
    ...eventHandlers(ctx),
    ...peopleHandlers(ctx),
    ...downloadHandlers(ctx),
    ...shellHandlers(ctx),
  };
}

function isComplete(context: HandlerContext | HandlerContextInit): context is HandlerContext {
  return context.session !== undefined && context.folders !== undefined && context.downloads !== undefined;
}
