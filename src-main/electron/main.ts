/**
 * Electron entry (built to dist/main/main.js): app lifecycle, one window, the IPC bridge over the
 * core's handlers. Everything here is wiring; the decisions live in policy.ts and the core.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { dataDirFromEnv } from '../core/credentials/data-dir.js';
import { KeytarSecretStore } from '../core/credentials/keytar-store.js';
import { createHandlerContext, createHandlers, openLastProfile } from '../core/handlers/index.js';
import { createLogger } from '../core/log.js';
import { createIpcBridge } from './ipc-bridge.js';
import { installMenu } from './menu.js';
import { createElectronPlatform, openLinkAfterConfirm } from './platform.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { hardenSession, hardenWebContents } from './security.js';
import { createMainWindow } from './window.js';

const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const preloadPath = join(distDir, 'preload', 'preload.cjs');
const rendererDir = join(distDir, 'renderer');

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit(); // another Case Desk is running; it gets focus through 'second-instance'
}

function start(): void {
  const logger = createLogger({ level: app.isPackaged ? 'info' : 'debug' });
  let mainWindow: BrowserWindow | null = null;
  const platform = createElectronPlatform(() => mainWindow);
  const bridge = createIpcBridge(logger);
  // One data folder for profiles, views, export jobs and the library: the one the CLI uses too
  // (CASE_DESK_DATA_DIR, else the platform default), so a profile added in either is there in both.
  // The secrets go to the OS keychain, never into it.
  const dataDir = dataDirFromEnv({ env: process.env });
  const context = createHandlerContext({
    platform,
    emit: bridge.emit,
    logger,
    dataDir,
    profilesDir: dataDir,
    keychain: new KeytarSecretStore({ logger }),
  });
  bridge.register(createHandlers(context));
  // Queued before the window exists: the page's first `session.get` answers after it.
  openLastProfile(context).catch((error: unknown) =>
    logger.warn('the profile used last did not open', { error }),
  );

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => {
      openLinkAfterConfirm(platform, url).catch((error: unknown) =>
        logger.warn('could not open a link', { error }),
      );
    });
  });

  const openWindow = (): void => {
    mainWindow = createMainWindow(preloadPath, (contents) => bridge.trust(contents));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Disconnect once before quitting: running downloads are cancelled (their .part files removed)
  // and the demo emulator stops.
  let disconnected = false;
  app.on('will-quit', (event) => {
    if (disconnected) return;
    event.preventDefault();
    disconnected = true;
    context.session
      .disconnect()
      .catch((error: unknown) => logger.warn('disconnect on quit failed', { error }))
      .finally(() => app.quit());
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveAppProtocol(rendererDir);
    installMenu({ isMac: process.platform === 'darwin', isDev: !app.isPackaged });
    openWindow();
  });
}
