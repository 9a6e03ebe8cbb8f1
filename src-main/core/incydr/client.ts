/**
 * The Incydr cases API client (incydr-api.md §2–§5): cases, file events, downloads, users and actors,
 * over the transport's auth, retry and error rules. Every failure is an IncydrError with a stable code.
 */
import type { Agent as HttpAgent, IncomingHttpHeaders } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { mergeCaseUpdate } from '../../../src-shared/domain/index.js';
import type {
  Actor,
  ActorQuery,
  ActorSearchItem,
  CaseCreate,
  CaseDetail,
  CaseFileEvent,
  CaseFileEventPage,
  CasePage,
  CaseSlim,
  CaseUpdate,
  FileEventV2,
  User,
  UserPage,
  UserQuery,
} from '../../../src-shared/domain/index.js';
import { fallbackFileName, sanitizeFileName } from '../../../src-shared/filenames/index.js';
import type { DownloadKind } from '../../../src-shared/filenames/index.js';
import { filenameFromContentDisposition } from '../downloads/content-disposition.js';
import { checkFolder, saveStream } from '../downloads/save-stream.js';
import type { DownloadProgress, SavedFile } from '../downloads/save-stream.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import { normalizeBaseUrl } from './base-url.js';
import { IncydrError } from './errors.js';
import { proxyAgents, proxyForUrl } from './proxy.js';
import {
  actorQueryParams,
  caseQueryParams,
  fileEventQueryParams,
  fullExportParams,
  languageParams,
  userQueryParams,
} from './query.js';
import type { CaseQueryInput } from './query.js';
import {
  readActor,
  readActorSearch,
  readCaseDetail,
  readCaseFileEventPage,
  readCasePage,
  readFileEventV2,
  readUser,
  readUserPage,
} from './read.js';
import { Transport } from './transport.js';
import type { RequestSpec } from './transport.js';

export interface IncydrClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  userAgent?: string;
  /** Per attempt: whole request for JSON calls; connect, first byte and idle gaps for downloads. */
  timeoutMs?: number;
  retry?: { limit?: number; maxRetryAfterMs?: number; baseDelayMs?: number };
  logger?: Logger;
  /**
   * Connection agents, e.g. a proxy agent built from `HTTPS_PROXY` (see proxy.ts). Without them the
   * client connects directly and warns once when the environment names a proxy.
   */
  agents?: { http?: HttpAgent; https?: HttpsAgent };
}

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Called per chunk; throttle in the caller. After a retried download, bytes start from 0 again. */
  onProgress?: (progress: DownloadProgress) => void;
}

export type { DownloadProgress, SavedFile };

export const CLIENT_DEFAULTS = {
  userAgent: 'case-desk/0.1.0',
  timeoutMs: 30_000,
  retryLimit: 4,
  maxRetryAfterMs: 30_000,
  baseDelayMs: 500,
  casePageSize: 100,
  fileEventPageSize: 500,
} as const;

export class IncydrClient {
  private readonly transport: Transport;

  constructor(options: IncydrClientOptions) {
    const baseUrl = normalizeBaseUrl(options.baseUrl);
    if (!options.clientId || !options.clientSecret) {
      throw new IncydrError('VALIDATION', { message: 'An API client ID and secret are both needed.' });
    }
    const logger = options.logger ?? silentLogger;
    const proxy = proxyForUrl(new URL(baseUrl));
    // Corporate networks: tunnel through HTTPS_PROXY unless the caller brought its own agents.
    const agents = options.agents ?? (proxy ? proxyAgents(proxy) : undefined);
    this.transport = new Transport({
      baseUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      userAgent: options.userAgent ?? CLIENT_DEFAULTS.userAgent,
      timeoutMs: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
      retry: {
        limit: options.retry?.limit ?? CLIENT_DEFAULTS.retryLimit,
        maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? CLIENT_DEFAULTS.maxRetryAfterMs,
        baseDelayMs: options.retry?.baseDelayMs ?? CLIENT_DEFAULTS.baseDelayMs,
      },
      logger,
      agents,
      viaProxy: proxy !== undefined,
    });
  }

  // ── auth ──────────────────────────────────────────────────────────────────────────────────────

  /** The `tenantUid` claim of the access token (authenticates first if needed). */
  tenantId(): Promise<string> {
    return this.transport.tokens.tenantId();
  }

  /** Fetches a fresh token now; rejects with AUTH_FAILED for a wrong ID or secret. */
  async authenticate(): Promise<void> {
    await this.transport.tokens.refresh();
  }

  /** Forgets the token (switching tenants, signing out). The client fetches a new one if used again. */
  close(): void {
    this.transport.tokens.clear();
  }

  // ── cases ─────────────────────────────────────────────────────────────────────────────────────

  async getCase(n: number): Promise<CaseDetail> {
    return readCaseDetail(await this.call({ method: 'GET', path: casePath(n) }));
  }

  async getPage(query: CaseQueryInput = {}): Promise<CasePage> {
    return readCasePage(
      await this.call({ method: 'GET', path: 'v1/cases', searchParams: caseQueryParams(query) }),
    );
  }

  /** Walks `pgNum` 1, 2, … until a page is shorter than the page size (as the SDK does). */
  async *iterAll(
    query: Omit<CaseQueryInput, 'pgNum'> = {},
    pageSize: number = CLIENT_DEFAULTS.casePageSize,
  ): AsyncGenerator<CaseSlim> {
    checkPageSize(pageSize);
    for (let pgNum = 1; ; pgNum++) {
      const page = await this.getPage({ ...query, pgNum, pgSize: pageSize });
      yield* page.cases;
      if (page.cases.length < pageSize) return;
    }
  }

  /** Sends all five keys, null for anything not given (as the SDK does). */
  async createCase(input: CaseCreate): Promise<CaseDetail> {
    const body = {
      name: input.name,
      description: input.description ?? null,
      findings: input.findings ?? null,
      subject: input.subject ?? null,
      assignee: input.assignee ?? null,
    };
    return readCaseDetail(await this.call({ method: 'POST', path: 'v1/cases', json: body }));
  }

  /** A raw PUT of all six editable keys. Prefer updateCase unless you hold a fresh detail. */
  async replaceCase(n: number, body: CaseUpdate): Promise<CaseDetail> {
    const json = {
      name: body.name,
      description: body.description ?? null,
      findings: body.findings ?? null,
      subject: body.subject ?? null,
      assignee: body.assignee ?? null,
      status: body.status,
    };
    return readCaseDetail(await this.call({ method: 'PUT', path: casePath(n), json }));
  }

  /**
   * Read-modify-write: GET the detail, apply `changes`, PUT all six keys. A key present with null
   * clears that field; a key absent (or undefined) keeps the current value.
   */
  async updateCase(n: number, changes: Partial<CaseUpdate>): Promise<CaseDetail> {
    return this.replaceCase(n, mergeCaseUpdate(await this.getCase(n), changes));
  }

  async deleteCase(n: number): Promise<void> {
    await this.call({ method: 'DELETE', path: casePath(n) });
  }

  // ── file events ───────────────────────────────────────────────────────────────────────────────

  async getFileEvents(
    n: number,
    opts: { pgNum?: number; pgSize?: number; archiveId?: string } = {},
  ): Promise<CaseFileEventPage> {
    const searchParams = fileEventQueryParams(opts);
    return readCaseFileEventPage(
      await this.call({ method: 'GET', path: `${casePath(n)}/fileevent`, searchParams }),
    );
  }

  /** Every event attached to the case, page by page, until a short page. */
  async *iterFileEvents(
    n: number,
    pageSize: number = CLIENT_DEFAULTS.fileEventPageSize,
  ): AsyncGenerator<CaseFileEvent> {
    checkPageSize(pageSize);
    for (let pgNum = 1; ; pgNum++) {
      const page = await this.getFileEvents(n, { pgNum, pgSize: pageSize });
      yield* page.events;
      if (page.events.length < pageSize) return;
    }
  }

  async getFileEventDetail(n: number, eventId: string): Promise<FileEventV2> {
    return readFileEventV2(await this.call({ method: 'GET', path: eventPath(n, eventId) }));
  }

  /** One POST with `{events: [...]}`; never retried once it may have reached the server. */
  async addFileEvents(n: number, eventIds: string[]): Promise<void> {
    const events = eventIds.map((id) => checkEventId(id));
    await this.call({ method: 'POST', path: `${casePath(n)}/fileevent`, json: { events } });
  }

  async addFileEvent(n: number, eventId: string): Promise<void> {
    await this.call({ method: 'POST', path: eventPath(n, eventId) });
  }

  async removeFileEvent(n: number, eventId: string): Promise<void> {
    await this.call({ method: 'DELETE', path: eventPath(n, eventId) });
  }

  // ── downloads ─────────────────────────────────────────────────────────────────────────────────

  downloadSummaryPdf(
    n: number,
    folder: string,
    opts: DownloadOptions & { language?: string } = {},
  ): Promise<SavedFile> {
    return this.download('pdf', n, `${casePath(n)}/export`, languageParams(opts.language), folder, opts);
  }

  downloadFullCaseZip(
    n: number,
    folder: string,
    opts: DownloadOptions & {
      summary?: boolean;
      fileEvents?: boolean;
      files?: boolean;
      language?: string;
    } = {},
  ): Promise<SavedFile> {
    return this.download('zip', n, `${casePath(n)}/export/full`, fullExportParams(opts), folder, opts);
  }

  downloadFileEventCsv(n: number, folder: string, opts: DownloadOptions = {}): Promise<SavedFile> {
    return this.download('csv', n, `${casePath(n)}/fileevent/export`, undefined, folder, opts);
  }

  downloadFileForEvent(
    n: number,
    eventId: string,
    folder: string,
    opts: DownloadOptions = {},
  ): Promise<SavedFile> {
    return this.download('file', n, `${eventPath(n, eventId)}/file`, undefined, folder, opts, eventId);
  }

  // ── people ────────────────────────────────────────────────────────────────────────────────────

  async listUsers(query: UserQuery = {}): Promise<UserPage> {
    return readUserPage(
      await this.call({ method: 'GET', path: 'v1/users', searchParams: userQueryParams(query) }),
    );
  }

  async getUser(userId: string): Promise<User> {
    return readUser(await this.call({ method: 'GET', path: `v1/users/${segment(userId, 'user ID')}` }));
  }

  /** The user whose username is exactly `username` (ignoring case), as the SDK's lookup by email. */
  async findUserByUsername(username: string): Promise<User | undefined> {
    const page = await this.listUsers({ username, page: 1, pageSize: 100 });
    const wanted = username.trim().toLowerCase();
    return page.users.find((user) => user.username.toLowerCase() === wanted);
  }

  async searchActors(query: ActorQuery): Promise<ActorSearchItem[]> {
    const searchParams = actorQueryParams(query);
    return readActorSearch(await this.call({ method: 'GET', path: 'v1/actors/actor/search', searchParams }));
  }

  async getActor(actorId: string): Promise<Actor> {
    return readActor(
      await this.call({ method: 'GET', path: `v1/actors/actor/id/${segment(actorId, 'actor ID')}` }),
    );
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────────

  private call(spec: RequestSpec): Promise<unknown> {
    return this.transport.json(spec);
  }

  private async download(
    kind: DownloadKind,
    n: number,
    path: string,
    searchParams: URLSearchParams | undefined,
    folder: string,
    opts: DownloadOptions,
    eventId?: string,
  ): Promise<SavedFile> {
    const target = await checkFolder(folder);
    const fallback = fallbackFileName(kind, n, eventId);
    const spec: RequestSpec = { method: 'GET', path, signal: opts.signal };
    if (searchParams && [...searchParams.keys()].length > 0) spec.searchParams = searchParams;
    return this.transport.stream(spec, (body, headers) =>
      saveStream({
        body,
        folder: target,
        fileName: sanitizeFileName(
          filenameFromContentDisposition(header(headers, 'content-disposition')),
          fallback,
        ),
        expectedBytes: contentLength(headers),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      }),
    );
  }
}

function casePath(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new IncydrError('VALIDATION', { message: `Not a case number: ${String(n)}` });
  }
  return `v1/cases/${n}`;
}

function eventPath(n: number, eventId: string): string {
  return `${casePath(n)}/fileevent/${segment(checkEventId(eventId), 'event ID')}`;
}

function checkEventId(eventId: string): string {
  if (typeof eventId !== 'string' || eventId.trim() === '') {
    throw new IncydrError('VALIDATION', { message: 'An event ID cannot be empty.' });
  }
  return eventId.trim();
}

/** One path segment: encoded, so an ID can never add a segment or a query. */
function segment(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new IncydrError('VALIDATION', { message: `A ${what} cannot be empty.` });
  }
  return encodeURIComponent(value.trim());
}

function checkPageSize(pageSize: number): void {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new IncydrError('VALIDATION', {
      message: `The page size must be a whole number of at least 1, not ${pageSize}.`,
    });
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function contentLength(headers: IncomingHttpHeaders): number | null {
  const value = header(headers, 'content-length');
  if (value === undefined || !/^\d+$/u.test(value.trim())) return null;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : null;
}
