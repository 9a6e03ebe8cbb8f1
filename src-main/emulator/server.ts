/**
 * The Incydr emulator: a strict, seeded stand-in for the Incydr cases API on 127.0.0.1
 * (design.md §4, incydr-api.md). `startEmulator()` is the one entry point for the CLI command, the
 * demo workspace, the tests and the benchmarks.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CaseDetail, CaseStatus } from '../../src-shared/domain/index.js';
import { TokenIssuer } from './auth/tokens.js';
import type { EmulatorEnv, ResolvedOptions, RouteDef } from './context.js';
import { buildRouter, dispatch } from './dispatch.js';
import { FaultInjector } from './faults.js';
import type { FaultKind } from './faults.js';
import { actorRoutes } from './routes/actors.js';
import { caseEventRoutes } from './routes/case-events.js';
import { caseRoutes } from './routes/cases.js';
import { downloadRoutes } from './routes/downloads.js';
import { oauthRoutes } from './routes/oauth.js';
import { userRoutes } from './routes/users.js';
import { seedTenant } from './seed/tenant.js';
import type { SeededUser } from './seed/people.js';
import { createStats, resetStats } from './stats.js';
import type { EmulatorStats } from './stats.js';
import { toDetail } from './store/case-record.js';
import { CaseStore } from './store/case-store.js';
import type { Identity } from './store/case-store.js';
import type { Actor } from '../../src-shared/domain/index.js';

export type { EmulatorStats } from './stats.js';
export type { FaultKind } from './faults.js';
export { FAULT_KINDS } from './faults.js';
export { HOSTILE_NAMES } from './hostile-names.js';

export interface EmulatorOptions {
  /** 0 = a free port chosen by the OS (default). */
  port?: number;
  /** Seeded case count (default 60). */
  cases?: number;
  /** Default 42. */
  seed?: number;
  /** Default 'key-demo-0000'. */
  clientId?: string;
  /** Default 'demo-secret'. */
  clientSecret?: string;
  /** Default 900 (15 minutes). */
  tokenTtlSeconds?: number;
  /** Size each case's captured files so its full ZIP is about this many MB (default 0 = a few KB each). */
  exportMb?: number;
  /** 0..1: the fraction of requests that misbehave (default 0). */
  faultRate?: number;
  /** Give downloads hostile Content-Disposition names, cycling through `HOSTILE_NAMES`. */
  hostileFilenames?: boolean;
  /** Seeded events per non-archived case (default 3..30). */
  eventsPerCase?: { min: number; max: number };
  /** Receives one line per request (method, path, status, time) and internal errors; default: silent. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  clientId: string;
  clientSecret: string;
  tenantUid: string;
  /** The seeded user the API client acts as (createdBy / lastModifiedBy of its edits). */
  identity: Identity;
  options: Readonly<ResolvedOptions>;
  stats: EmulatorStats;
  /** Every route the emulator serves, as `METHOD /template` (the keys of `stats`). */
  routes: readonly string[];
  close(): Promise<void>;

  resetStats(): void;
  setFaultRate(rate: number): void;
  /** The next requests get exactly these faults, in order (then the random ones resume). */
  queueFaults(...kinds: FaultKind[]): void;
  setHostileFilenames(enabled: boolean): void;
  setTokenTtl(seconds: number): void;
  /** Every token issued so far stops working, as if expired. */
  revokeTokens(): void;

  /** Read-only views of the seeded and current data, for tests and the demo workspace. */
  users(): readonly SeededUser[];
  actors(): readonly Actor[];
  caseNumbers(status?: CaseStatus): number[];
  getCase(caseNumber: number): CaseDetail | undefined;
  eventIdsOnCase(caseNumber: number): string[];
  /** Up to `count` event IDs of the tenant that are currently attached to no case. */
  unattachedEventIds(count: number): string[];
  /** Captured-file facts of an event (size, availability, hashes of the bytes served). */
  eventFile(
    eventId: string,
  ): Promise<{ size: number; downloadable: boolean; sha256: string; md5: string } | undefined>;
}

export const DEFAULTS: ResolvedOptions = {
  port: 0,
  cases: 60,
  seed: 42,
  clientId: 'key-demo-0000',
  clientSecret: 'demo-secret',
  tokenTtlSeconds: 900,
  exportMb: 0,
  faultRate: 0,
  hostileFilenames: false,
  eventsPerCase: { min: 3, max: 30 },
};

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const o: ResolvedOptions = {
    port: options.port ?? DEFAULTS.port,
    cases: options.cases ?? DEFAULTS.cases,
    seed: options.seed ?? DEFAULTS.seed,
    clientId: options.clientId ?? DEFAULTS.clientId,
    clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
    exportMb: options.exportMb ?? DEFAULTS.exportMb,
    faultRate: options.faultRate ?? DEFAULTS.faultRate,
    hostileFilenames: options.hostileFilenames ?? DEFAULTS.hostileFilenames,
    eventsPerCase: options.eventsPerCase ?? DEFAULTS.eventsPerCase,
  };
  const wholeNumber = (v: number): boolean => Number.isInteger(v) && v >= 0;
  if (!wholeNumber(o.port) || o.port > 65535) throw new RangeError(`port must be 0..65535, got ${o.port}`);
  if (!wholeNumber(o.cases)) throw new RangeError(`cases must be a whole number, got ${o.cases}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${o.seed}`);
  if (!(o.tokenTtlSeconds > 0))
    throw new RangeError(`tokenTtlSeconds must be positive, got ${o.tokenTtlSeconds}`);
  if (!(o.exportMb >= 0)) throw new RangeError(`exportMb must be 0 or more, got ${o.exportMb}`);
  if (!(o.faultRate >= 0 && o.faultRate <= 1))
    throw new RangeError(`faultRate must be 0..1, got ${o.faultRate}`);
  const { min, max } = o.eventsPerCase;
  if (!wholeNumber(min) || !wholeNumber(max) || min > max || max > 10_000) {
    throw new RangeError(`eventsPerCase must be 0 <= min <= max <= 10000, got ${min}..${max}`);
  }
  if (o.clientId === '' || o.clientSecret === '')
    throw new RangeError('clientId and clientSecret must not be empty');
  return o;
}

export const ROUTES: readonly RouteDef[] = [
  ...oauthRoutes,
  ...caseRoutes,
  ...caseEventRoutes,
  ...downloadRoutes,
  ...userRoutes,
  ...actorRoutes,
];

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const log = options.log ?? (() => undefined);
  const tenant = seedTenant(resolved);
  const identity: Identity = {
    userId: tenant.people.apiUser.userId,
    username: tenant.people.apiUser.username,
  };
  const env: EmulatorEnv = {
    options: resolved,
    tenant,
    store: new CaseStore(tenant.people, tenant.cases),
    tokens: new TokenIssuer(tenant.tenantUid, resolved.clientId, identity, resolved.tokenTtlSeconds),
    faults: new FaultInjector(resolved.seed, resolved.faultRate),
    stats: createStats(),
    hostile: { enabled: resolved.hostileFilenames, next: 0 },
  };
  const router = buildRouter(ROUTES);

  const server = createServer((req, res) => {
    dispatch(env, router, req, res, log).catch((e: unknown) => {
      log(`emulator: failed to answer: ${e instanceof Error ? e.message : String(e)}`);
      res.destroy();
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const { catalog } = tenant;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    tenantUid: tenant.tenantUid,
    identity,
    options: resolved,
    stats: env.stats,
    routes: router.templates,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    resetStats: () => resetStats(env.stats),
    setFaultRate: (rate) => env.faults.setRate(rate),
    queueFaults: (...kinds) => env.faults.queue(...kinds),
    setHostileFilenames: (enabled) => {
      env.hostile.enabled = enabled;
    },
    setTokenTtl: (seconds) => env.tokens.setTtl(seconds),
    revokeTokens: () => env.tokens.revokeAll(),
    users: () => tenant.people.users,
    actors: () => tenant.people.actors,
    caseNumbers: (status) =>
      [...env.store.all()].filter((r) => status === undefined || r.status === status).map((r) => r.number),
    getCase: (n) => {
      const r = env.store.get(n);
      return r && toDetail(r);
    },
    eventIdsOnCase: (n) => (env.store.get(n)?.events ?? []).map((o) => catalog.idOf(o)),
    unattachedEventIds: (count) => {
      const attached = new Set<number>();
      for (const r of env.store.all()) for (const o of r.events) attached.add(o);
      const out: string[] = [];
      for (let o = tenant.poolStart; o < catalog.size && out.length < count; o++) {
        if (!attached.has(o)) out.push(catalog.idOf(o));
      }
      return out;
    },
    eventFile: async (eventId) => {
      const o = catalog.find(eventId);
      if (o === undefined) return undefined;
      const hashes = await catalog.hashes(o);
      return { size: catalog.fileSize(o), downloadable: catalog.hasFile(o), ...hashes };
    },
  };
}
