/**
 * A test rig for the handlers: the real `createHandlers` over a real SessionManager (demo emulator
 * in-process), a test Platform, recorded events and log lines, and `dispatch()` as the only way in —
 * exactly what the Electron bridge and the browser harness do.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type {
  EventChannel,
  IpcError,
  OutputOf,
  PayloadOf,
  RequestChannel,
  Result,
} from '../../../src-shared/ipc/contract.js';
import { SessionSecretStore } from '../../../src-main/core/credentials/secret-store.js';
import type { SecretStore } from '../../../src-main/core/credentials/secret-store.js';
import { createHandlerContext, createHandlers } from '../../../src-main/core/handlers/index.js';
import type { HandlerContext } from '../../../src-main/core/handlers/index.js';
import { dispatch } from '../../../src-main/core/ipc/dispatch.js';
import type { Handlers } from '../../../src-main/core/ipc/dispatch.js';
import { createLogger } from '../../../src-main/core/log.js';
import { SessionManager } from '../../../src-main/core/session/index.js';
import type { SessionManagerOptions } from '../../../src-main/core/session/index.js';
import { DownloadManager } from '../../../src-main/core/downloads/download-manager.js';
import { FolderRegistry } from '../../../src-main/core/downloads/folder-registry.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { createTestPlatform } from '../../harness/test-platform.js';
import type { TestPlatform } from '../../harness/test-platform.js';

export interface RecordedEvent {
  event: EventChannel;
  payload: unknown;
  at: number;
}

export interface Rig {
  handlers: Handlers;
  context: HandlerContext;
  platform: TestPlatform;
  events: RecordedEvent[];
  logLines: string[];
  /** Every result `call` returned, in order. */
  results: Result<unknown>[];
  /** How often each handler was reached (past validation). */
  reached: Map<RequestChannel, number>;
  call<C extends RequestChannel>(channel: C, input?: unknown): Promise<Result<OutputOf<C>>>;
  /** `call` that expects success and returns the value. */
  ok<C extends RequestChannel>(channel: C, input?: unknown): Promise<OutputOf<C>>;
  /** `call` that expects failure and returns the error. */
  fail(channel: RequestChannel, input?: unknown): Promise<IpcError>;
  /** The demo emulator (after `session.openDemo`). */
  emulator(): RunningEmulator;
  eventsOf<E extends EventChannel>(event: E): PayloadOf<E>[];
  /** Resolves with the first event of this kind (already recorded or future) matching `where`. */
  nextEvent<E extends EventChannel>(
    event: E,
    where?: (payload: PayloadOf<E>) => boolean,
  ): Promise<PayloadOf<E>>;
  close(): Promise<void>;
}

export interface RigOptions {
  session?: SessionManagerOptions;
  /** Open the demo workspace right away (through the handler). */
  openDemo?: boolean;
  progressIntervalMs?: number;
  /** The settings folder; default a fresh temp folder, removed on close. */
  dataDir?: string;
  /** Where profile secrets go; default an in-memory store standing in for the keychain. */
  keychain?: SecretStore;
}

export async function createRig(options: RigOptions = {}): Promise<Rig> {
  const platform = createTestPlatform();
  const events: RecordedEvent[] = [];
  const waiters: { event: EventChannel; where: (p: unknown) => boolean; resolve: (p: unknown) => void }[] =
    [];
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });
  const emit = <E extends EventChannel>(event: E, payload: PayloadOf<E>): void => {
    events.push({ event, payload, at: performance.now() });
    for (const waiter of [...waiters]) {
      if (waiter.event === event && waiter.where(payload)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(payload);
      }
    }
  };
  const session = new SessionManager({
    logger,
    client: { timeoutMs: 10_000, retry: { baseDelayMs: 20 } },
    ...options.session,
    demo: { cases: 24, ...options.session?.demo },
  });
  const folders = new FolderRegistry();
  const downloads = new DownloadManager({
    session,
    folders,
    emit,
    logger,
    ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
  });
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'case-desk-rig-')));
  const keychain = options.keychain ?? new SessionSecretStore();
  const context = createHandlerContext({
    platform,
    emit,
    logger,
    session,
    folders,
    downloads,
    dataDir,
    keychain,
  });
  const reached = new Map<RequestChannel, number>();
  const real = createHandlers(context);
  const handlers = Object.fromEntries(
    Object.entries(real).map(([channel, handler]) => [
      channel,
      (input: unknown) => {
        reached.set(channel as RequestChannel, (reached.get(channel as RequestChannel) ?? 0) + 1);
        return (handler as (input: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as Handlers;
  const results: Result<unknown>[] = [];

  const call = async <C extends RequestChannel>(
    channel: C,
    input?: unknown,
  ): Promise<Result<OutputOf<C>>> => {
    const result = await dispatch(handlers, channel, input, logger);
    results.push(result);
    return result as Result<OutputOf<C>>;
  };
  const rig: Rig = {
    handlers,
    context,
    platform,
    events,
    logLines,
    results,
    reached,
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    async fail(channel, input) {
      const result = await call(channel, input);
      expect(result.ok, `${channel} should fail`).toBe(false);
      return (result as { ok: false; error: IpcError }).error;
    },
    emulator() {
      const emulator = session.demoEmulator();
      if (!emulator) throw new Error('the demo workspace is not open');
      return emulator;
    },
    eventsOf(event) {
      return events.filter((e) => e.event === event).map((e) => e.payload) as never;
    },
    nextEvent(event, where = () => true) {
      const seen = events.find((e) => e.event === event && where(e.payload as never));
      if (seen) return Promise.resolve(seen.payload as never);
      return new Promise((resolve) => {
        waiters.push({
          event,
          where: where as (p: unknown) => boolean,
          resolve: resolve as (p: unknown) => void,
        });
      });
    },
    async close() {
      await downloads.cancelAll();
      await session.disconnect();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  if (options.openDemo) await rig.ok('session.openDemo');
  return rig;
}

/** A fresh temporary folder and a function that removes it. */
export async function tempFolder(prefix: string): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), `case-desk-${prefix}-`));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** The first case number with this status; fails the test when the seed has none. */
export function caseWith(emu: RunningEmulator, status: 'OPEN' | 'CLOSED' | 'ARCHIVED', index = 0): number {
  const n = emu.caseNumbers(status)[index];
  if (n === undefined) throw new Error(`the seeded emulator has no ${status} case #${index}`);
  return n;
}
