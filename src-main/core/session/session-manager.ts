/**
 * The app's one connection to Incydr: a real tenant, or the demo workspace (the emulator running
 * in-process on a random loopback port, design.md §8). The client secret lives only inside the client
 * object in memory; `SessionInfo` never carries it or a token. Every change of connection is
 * announced to `onChange` listeners (the app forwards it as the `session.changed` event).
 */
import { DEMO_PROFILE_ID } from '../../../src-shared/domain/profile.js';
import type { RegionName } from '../../../src-shared/domain/regions.js';
import type { SessionInfo } from '../../../src-shared/ipc/contract.js';
import { startEmulator } from '../../emulator/server.js';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/server.js';
import { normalizeBaseUrl } from '../incydr/base-url.js';
import { IncydrClient } from '../incydr/client.js';
import type { IncydrClientOptions } from '../incydr/client.js';
import { isIncydrError } from '../incydr/errors.js';
import { AppError, validationError } from '../ipc/app-error.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import { profileKeyFor } from './profile-key.js';

export { profileKeyFor };

export const DEMO_LABEL = 'Demo workspace';

/** The demo tenant: big enough to page, sort and filter for real; the same every time. */
export const DEMO_DEFAULTS: EmulatorOptions = { cases: 240, seed: 42 };

export interface SessionManagerOptions {
  logger?: Logger;
  /** Emulator options for the demo workspace (merged over DEMO_DEFAULTS). */
  demo?: EmulatorOptions;
  /** Client tuning: timeouts, retries, proxy agents, user agent. */
  client?: Pick<IncydrClientOptions, 'timeoutMs' | 'retry' | 'userAgent' | 'agents'>;
}

export interface ConnectRequest {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The saved profile these credentials come from; its ID becomes the session's profile key. */
  profile?: SessionProfile;
}

/** Which saved profile a connection belongs to (what the window header shows). */
export interface SessionProfile {
  profileId: string;
  label: string;
  region: RegionName | null;
}

/** What `switchTo` opens: the demo workspace, or a tenant with a saved profile's credentials. */
export type SessionTarget =
  { kind: 'demo' } | { kind: 'tenant'; request: ConnectRequest & { profile: SessionProfile } };

/** Something that can hand out the current client (what the handlers and downloads need). */
export interface ClientSource {
  client(): IncydrClient;
}

interface Connection {
  kind: 'demo' | 'tenant';
  label: string;
  baseUrl: string;
  clientId: string;
  tenantId: string;
  /** The saved profile it was opened from (`demo` for the demo workspace), else null. */
  profileId: string | null;
  region: RegionName | null;
  /** Whose saved settings (views) apply: the profile ID, else see `profileKeyFor`. */
  profileKey: string;
  client: IncydrClient;
  emulator?: RunningEmulator;
}

type Listener = (info: SessionInfo) => void;
type CloseHook = () => void | Promise<void>;

export const DISCONNECTED: SessionInfo = Object.freeze({
  connected: false,
  kind: null,
  label: null,
  baseUrl: null,
  clientId: null,
  tenantId: null,
  profileId: null,
  region: null,
});

export class SessionManager implements ClientSource {
  private current: Connection | undefined;
  /** Session changes run one at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  private readonly closeHooks = new Set<CloseHook>();
  private readonly logger: Logger;

  constructor(private readonly options: SessionManagerOptions = {}) {
    this.logger = options.logger ?? silentLogger;
  }

  info(): SessionInfo {
    const c = this.current;
    if (!c) return { ...DISCONNECTED };
    return {
      connected: true,
      kind: c.kind,
      label: c.label,
      baseUrl: c.baseUrl,
      clientId: c.clientId,
      tenantId: c.tenantId,
      profileId: c.profileId,
      region: c.region,
    };
  }

  /** The session once every change already asked for (a switch, a connect) has finished. */
  settled(): Promise<SessionInfo> {
    return this.serially(() => Promise.resolve(this.info()));
  }

  /** The client tuning (timeouts, retries, proxy agents) every client of this session gets. */
  clientTuning(): SessionManagerOptions['client'] {
    return this.options.client;
  }

  /** The connected client; NOT_CONNECTED when there is none. */
  client(): IncydrClient {
    if (!this.current) throw new AppError('NOT_CONNECTED');
    return this.current.client;
  }

  /** The connection's profile key (see `profileKeyFor`); NOT_CONNECTED when there is none. */
  profileKey(): string {
    if (!this.current) throw new AppError('NOT_CONNECTED');
    return this.current.profileKey;
  }

  /** The running demo emulator, when the demo workspace is open (for tests and diagnostics). */
  demoEmulator(): RunningEmulator | undefined {
    return this.current?.emulator;
  }

  /** Starts the seeded emulator in this process and connects to it; a no-op when already open. */
  openDemo(): Promise<SessionInfo> {
    return this.serially(async () => {
      if (this.current?.kind === 'demo') return this.info();
      return this.openDemoNow();
    });
  }

  private async openDemoNow(): Promise<SessionInfo> {
    const emulator = await startEmulator({ ...DEMO_DEFAULTS, ...this.options.demo, port: 0 });
    try {
      const client = this.newClient(emulator.url, emulator.clientId, emulator.clientSecret);
      await client.authenticate();
      const connection: Connection = {
        kind: 'demo',
        label: DEMO_LABEL,
        baseUrl: emulator.url,
        clientId: emulator.clientId,
        tenantId: await client.tenantId(),
        profileId: DEMO_PROFILE_ID,
        region: null,
        profileKey: profileKeyFor('demo', emulator.url, emulator.clientId),
        client,
        emulator,
      };
      await this.replace(connection);
      this.logger.info('opened the demo workspace', { baseUrl: emulator.url });
    } catch (error) {
      await emulator.close();
      throw error;
    }
    return this.info();
  }

  /**
   * Connects to a tenant: checks the URL by the client's rules, then authenticates right away so a
   * wrong ID or secret fails now with AUTH_FAILED. On failure the current session stays as it was.
   */
  connect(request: ConnectRequest): Promise<SessionInfo> {
    return this.serially(() => this.connectNow(request));
  }

  /**
   * Switches to another connection in one step: `prepare` says what to open (null: nothing, keep the
   * session as it is) — a failure there, such as a missing secret, also leaves the session as it was.
   * Then the current connection is dropped (downloads cancelled, client and token gone, the demo
   * emulator stopped; announced as disconnected) before the new one opens, so nothing of the old
   * tenant is reachable while the new one connects. A failed open leaves the session disconnected.
   */
  switchTo(prepare: () => Promise<SessionTarget | null>): Promise<SessionInfo> {
    return this.serially(async () => {
      const target = await prepare();
      if (target === null) return this.info();
      if (this.current) {
        await this.replace(undefined);
        this.logger.info('disconnected to switch profiles');
      }
      return target.kind === 'demo' ? this.openDemoNow() : this.connectNow(target.request);
    });
  }

  /** A saved profile was renamed: the open connection of that profile takes the new name. */
  relabel(profileId: string, label: string): Promise<SessionInfo> {
    return this.serially(async () => {
      const c = this.current;
      if (c?.profileId === profileId && c.label !== label) {
        c.label = label;
        this.announce();
      }
      return this.info();
    });
  }

  private async connectNow(request: ConnectRequest): Promise<SessionInfo> {
    let client: IncydrClient;
    try {
      client = this.newClient(request.baseUrl, request.clientId.trim(), request.clientSecret);
    } catch (error) {
      // The client's own sentence says what is wrong with the URL; pass it on as a field problem.
      if (isIncydrError(error) && error.code === 'VALIDATION')
        throw validationError('baseUrl', error.message);
      throw error;
    }
    const baseUrl = normalizeBaseUrl(request.baseUrl).replace(/\/$/u, '');
    let tenantId: string;
    try {
      await client.authenticate();
      tenantId = await client.tenantId();
    } catch (error) {
      client.close();
      throw error;
    }
    const clientId = request.clientId.trim();
    const connection: Connection = {
      kind: 'tenant',
      label: request.profile?.label ?? new URL(baseUrl).host,
      baseUrl,
      clientId,
      tenantId,
      profileId: request.profile?.profileId ?? null,
      region: request.profile?.region ?? null,
      profileKey: request.profile?.profileId ?? profileKeyFor('tenant', baseUrl, clientId),
      client,
    };
    await this.replace(connection);
    this.logger.info('connected to Incydr', {
      baseUrl: connection.baseUrl,
      clientId: connection.clientId,
      profileId: connection.profileId,
    });
    return this.info();
  }

  /** Closes the client (drops its tokens and secret), stops the demo emulator. */
  disconnect(): Promise<SessionInfo> {
    return this.serially(async () => {
      if (this.current) {
        await this.replace(undefined);
        this.logger.info('disconnected');
      }
      return this.info();
    });
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs before the current client closes (to cancel downloads still using it). */
  onBeforeClose(hook: CloseHook): () => void {
    this.closeHooks.add(hook);
    return () => this.closeHooks.delete(hook);
  }

  private newClient(baseUrl: string, clientId: string, clientSecret: string): IncydrClient {
    return new IncydrClient({ ...this.options.client, baseUrl, clientId, clientSecret, logger: this.logger });
  }

  /** Swaps in `next` (or nothing), tearing the old connection down first, then announces the change. */
  private async replace(next: Connection | undefined): Promise<void> {
    const previous = this.current;
    if (previous) {
      for (const hook of this.closeHooks) {
        try {
          await hook();
        } catch (error) {
          this.logger.warn('a session close hook failed', { error });
        }
      }
      this.current = undefined;
      previous.client.close();
      await previous.emulator?.close();
    }
    this.current = next;
    this.announce();
  }

  private announce(): void {
    const info = this.info();
    for (const listener of this.listeners) {
      try {
        listener(info);
      } catch (error) {
        this.logger.warn('a session listener failed', { error });
      }
    }
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
