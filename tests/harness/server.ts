/**
 * The browser test harness (test-only): serves the built renderer and stands in for the Electron
 * preload. The page gets `window.caseDesk` from /__harness/bridge.js (the same API shape, built by
 * `buildApi`), and every call travels over a loopback WebSocket into the real `dispatch()` with the
 * real handlers, a real session (the demo emulator or a tenant) and a test Platform the test steers.
 * Like the Electron bridge, it accepts requests only from its own origin.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WebSocket, WebSocketServer } from 'ws';
import type { EventChannel, PayloadOf, Result } from '../../src-shared/ipc/contract.js';
import { SessionSecretStore } from '../../src-main/core/credentials/secret-store.js';
import type { SecretStore } from '../../src-main/core/credentials/secret-store.js';
import { createHandlerContext, createHandlers, openLastProfile } from '../../src-main/core/handlers/index.js';
import type { HandlerContext } from '../../src-main/core/handlers/index.js';
import { dispatch } from '../../src-main/core/ipc/dispatch.js';
import { silentLogger } from '../../src-main/core/log.js';
import type { Logger } from '../../src-main/core/log.js';
import { SessionManager } from '../../src-main/core/session/index.js';
import type { SessionManagerOptions } from '../../src-main/core/session/index.js';
import { contentTypeFor, securityHeaders } from '../../src-main/electron/policy.js';
import { BRIDGE_SCRIPT_PATH, BRIDGE_SOCKET_PATH } from './paths.js';
import { createTestPlatform } from './test-platform.js';
import type { TestPlatform } from './test-platform.js';

const BRIDGE_TAG = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;
const here = path.dirname(fileURLToPath(import.meta.url));

export interface HarnessOptions {
  /** The built renderer (default `dist/renderer`). */
  rendererDir?: string;
  /** The test platform; default one that picks no folder and answers "no". */
  platform?: TestPlatform;
  /** Options for the harness's own session (demo emulator settings, client timeouts). */
  session?: SessionManagerOptions;
  logger?: Logger;
  /** The settings folder (saved views); default a fresh temp folder, removed on close. */
  dataDir?: string;
  /**
   * Where profile secrets go: a KeytarSecretStore for the real keychain, a store that reports the
   * keychain unavailable, or (default) an in-memory SessionSecretStore standing in for a keychain.
   */
  secretStore?: SecretStore;
  /** Open the profile used last (as the app does on start) before the page can ask. */
  openLastProfile?: boolean;
}

export interface Harness {
  /** `http://127.0.0.1:<port>/` — open this in the browser. */
  url: string;
  platform: TestPlatform;
  session: SessionManager;
  /** The handlers' context (folders, downloads), for tests that look behind the API. */
  context: HandlerContext;
  /** The settings folder the handlers use. */
  dataDir: string;
  /** Every request the harness dispatched, in order (channel and result), for assertions. */
  readonly calls: { channel: unknown; result: Result<unknown> }[];
  close(): Promise<void>;
}

/** Bundles the page side of the bridge once per process. */
let bridgeBundle: Promise<string> | undefined;
export function bundleBridge(): Promise<string> {
  bridgeBundle ??= build({
    entryPoints: [path.join(here, 'bridge-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bridgeBundle;
}

/** Puts the bridge script before the app's first module script (else at the end of `<head>`). */
export function injectBridge(html: string): string {
  const moduleScript = /<script\b[^>]*\btype\s*=\s*["']?module["']?[^>]*>/iu.exec(html);
  if (moduleScript) {
    return html.slice(0, moduleScript.index) + BRIDGE_TAG + html.slice(moduleScript.index);
  }
  const headEnd = html.search(/<\/head>/iu);
  if (headEnd >= 0) return html.slice(0, headEnd) + BRIDGE_TAG + html.slice(headEnd);
  return BRIDGE_TAG + html;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir ?? 'dist/renderer');
  const platform = options.platform ?? createTestPlatform();
  const logger = options.logger ?? silentLogger;
  const session = new SessionManager({ logger, ...options.session });
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'case-desk-harness-')));
  const sockets = new Set<WebSocket>();
  // Requests still being answered: close() waits for them, so none writes into a removed data folder.
  const inFlight = new Set<Promise<void>>();
  const emit = <E extends EventChannel>(event: E, payload: PayloadOf<E>): void => {
    const message = JSON.stringify({ event, payload });
    for (const socket of sockets) if (socket.readyState === WebSocket.OPEN) socket.send(message);
  };
  const keychain = options.secretStore ?? new SessionSecretStore();
  const context = createHandlerContext({ platform, emit, logger, session, dataDir, keychain });
  if (options.openLastProfile) {
    openLastProfile(context).catch((error: unknown) => {
      logger.warn('harness: the last used profile did not open', { error });
    });
  }
  const handlers = createHandlers(context);
  const calls: Harness['calls'] = [];
  const bridge = await bundleBridge();

  const server = createServer((req, res) => {
    serveStatic(req, res, rendererDir, bridge).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const wss = new WebSocketServer({
    server,
    path: BRIDGE_SOCKET_PATH,
    maxPayload: 4 * 1024 * 1024,
    // The harness's stand-in for the Electron sender check: only pages of its own origin.
    verifyClient: ({ origin: from }: { origin: string }) => from === origin,
  });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data, isBinary) => {
      const answering = answer(socket, isBinary ? null : data.toString())
        .catch((error: unknown) => {
          logger.warn('harness: could not answer a request', { error });
        })
        .finally(() => inFlight.delete(answering));
      inFlight.add(answering);
    });
  });

  async function answer(socket: WebSocket, text: string | null): Promise<void> {
    let message: unknown;
    try {
      message = text === null ? undefined : JSON.parse(text);
    } catch {
      message = undefined;
    }
    const request = message as { id?: unknown; channel?: unknown; input?: unknown } | undefined;
    const id = request?.id;
    if (typeof id !== 'number' && typeof id !== 'string') return; // nothing to answer to
    const result = await dispatch(handlers, request?.channel, request?.input, logger);
    calls.push({ channel: request?.channel, result });
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ id, result }));
  }

  return {
    url: `${origin}/`,
    platform,
    session,
    context,
    dataDir,
    calls,
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all(inFlight);
      await context.downloads.cancelAll();
      await session.disconnect();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
  bridge: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, securityHeaders('text/plain; charset=utf-8')).end();
    return;
  }
  // The raw path, not URL-normalised: a `..` in any spelling must be refused, not quietly resolved.
  const pathname = (req.url ?? '/').split(/[?#]/u)[0] || '/';
  if (pathname === BRIDGE_SCRIPT_PATH) {
    send(res, req, 'text/javascript; charset=utf-8', bridge);
    return;
  }
  const file = fileFor(rendererDir, pathname);
  if (file === null) {
    res.writeHead(404, securityHeaders('text/plain; charset=utf-8')).end();
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    // Unknown paths without an extension are app routes: serve the page (history-API routing).
    if (path.extname(pathname) !== '') {
      res.writeHead(404, securityHeaders('text/plain; charset=utf-8')).end();
      return;
    }
    body = await readFile(path.join(rendererDir, 'index.html'));
    return send(res, req, contentTypeFor('index.html'), injectBridge(body.toString('utf8')));
  }
  if (path.basename(file) === 'index.html') {
    send(res, req, contentTypeFor(file), injectBridge(body.toString('utf8')));
  } else {
    send(res, req, contentTypeFor(file), body);
  }
}

/** The file under `rendererDir` for a URL path, or null for anything that escapes it. */
function fileFor(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';
  const full = path.resolve(rendererDir, `.${decoded}`);
  const inside = path.relative(rendererDir, full);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    return null;
  }
  return full;
}

function send(res: ServerResponse, req: IncomingMessage, contentType: string, body: string | Buffer): void {
  const headers = { ...securityHeaders(contentType), 'Cache-Control': 'no-store' };
  res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
