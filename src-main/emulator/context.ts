/** What every route handler gets: the emulator's state and the request. */
import type { IncomingMessage } from 'node:http';
import type { TokenIssuer } from './auth/tokens.js';
import type { FaultInjector } from './faults.js';
import type { Reply } from './http/reply.js';
import type { Tenant } from './seed/tenant.js';
import type { EmulatorStats } from './stats.js';
import type { CaseStore, Identity } from './store/case-store.js';

export interface ResolvedOptions {
  port: number;
  cases: number;
  seed: number;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  exportMb: number;
  faultRate: number;
  hostileFilenames: boolean;
  eventsPerCase: { min: number; max: number };
}

export interface EmulatorEnv {
  options: ResolvedOptions;
  tenant: Tenant;
  store: CaseStore;
  tokens: TokenIssuer;
  faults: FaultInjector;
  stats: EmulatorStats;
  /** Whether downloads get hostile Content-Disposition names (switchable at runtime). */
  hostile: { enabled: boolean; next: number };
}

export interface RequestContext {
  env: EmulatorEnv;
  req: IncomingMessage;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  /** The token's user; routes that need no token get the API user. */
  identity: Identity;
}

export type Handler = (rc: RequestContext) => Reply | Promise<Reply>;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  template: string;
  handler: Handler;
  /** True for `/v1/oauth`: no bearer token needed. */
  public?: boolean;
}
