/**
 * The HTTP layer under the client: one got instance, the bearer token, retries and error mapping
 * (design.md §3). got's own retry is off; the loop here applies the project's policy, which also
 * covers streamed downloads (retried from scratch) and the one re-authentication after a 401.
 */
import type { Agent as HttpAgent, IncomingHttpHeaders } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import got from 'got';
import type { Got, Request } from 'got';
import type { Logger } from '../log.js';
import { isAllowedUrl } from './base-url.js';
import { TokenSource } from './auth.js';
import type { TokenGrant } from './auth.js';
import { errorFromNetwork, errorFromResponse, IncydrError, safeCause } from './errors.js';
import { backoffDelay, describeFailure, isRetryable, parseRetryAfter } from './retry-policy.js';
import type { Failure, HttpMethod } from './retry-policy.js';
import { decodeUtf8 } from './utf8.js';

export interface RetrySettings {
  /** Retries after the first attempt. */
  limit: number;
  /** A longer `Retry-After` is not waited for: the error is returned instead. */
  maxRetryAfterMs: number;
  /** First backoff step; doubles per attempt, with jitter. */
  baseDelayMs: number;
}

export interface TransportOptions {
  /** Normalised base URL ending in `/`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  userAgent: string;
  timeoutMs: number;
  retry: RetrySettings;
  logger: Logger;
  agents?: { http?: HttpAgent; https?: HttpsAgent } | undefined;
  /** Requests go through a proxy (network failures then read as PROXY). */
  viaProxy: boolean;
}

export interface RequestSpec {
  method: HttpMethod;
  /** Path relative to the base URL, without a leading slash. */
  path: string;
  searchParams?: URLSearchParams;
  json?: unknown;
  signal?: AbortSignal | undefined;
}

type Attempt<T> =
  | { ok: true; status: number; value: T }
  | { ok: false; status: number; headers: IncomingHttpHeaders; body: string };

/** Error bodies are read up to this size (a proxy may answer with a large HTML page). */
const MAX_ERROR_BODY = 64 * 1024;

export class Transport {
  readonly tokens: TokenSource;
  private readonly http: Got;
  private readonly basicAuth: string;

  constructor(private readonly options: TransportOptions) {
    this.basicAuth = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
    this.tokens = new TokenSource(() => this.fetchGrant());
    this.http = got.extend({
      prefixUrl: options.baseUrl,
      headers: { 'user-agent': options.userAgent },
      retry: { limit: 0 },
      throwHttpErrors: false,
      http2: false,
      ...(options.agents ? { agent: options.agents } : {}),
      hooks: {
        beforeRedirect: [
          (redirect) => {
            const target = redirect.url;
            if (target instanceof URL && !isAllowedUrl(target)) {
              throw Object.assign(new Error(`Refusing to follow a redirect to ${target.origin}.`), {
                code: 'ERR_UNSAFE_REDIRECT',
              });
            }
          },
        ],
      },
    });
  }

  /** A JSON request; resolves with the parsed body (undefined for an empty one). */
  async json(spec: RequestSpec): Promise<unknown> {
    return this.execute(spec, { auth: true }, async (authorization) => {
      const response = await this.http(spec.path, {
        method: spec.method,
        headers: { authorization, accept: 'application/json' },
        ...(spec.searchParams ? { searchParams: spec.searchParams } : {}),
        ...(spec.json !== undefined ? { json: spec.json } : {}),
        // Bytes, decoded by decodeUtf8 (utf8.ts): the same text as got's, read faster.
        responseType: 'buffer',
        timeout: { request: this.options.timeoutMs },
        ...(spec.signal ? { signal: spec.signal } : {}),
      });
      const { statusCode, headers } = response;
      const body = decodeUtf8(response.body);
      if (statusCode < 200 || statusCode > 299) return { ok: false, status: statusCode, headers, body };
      return { ok: true, status: statusCode, value: parseJsonBody(body, spec) };
    });
  }

  /**
   * A streamed GET. `consume` receives the body of a 2xx answer and must finish reading it; if it
   * throws a retryable failure (a reset, LENGTH_MISMATCH) the whole request is repeated.
   */
  async stream<T>(
    spec: RequestSpec,
    consume: (body: Request, headers: IncomingHttpHeaders) => Promise<T>,
  ): Promise<T> {
    return this.execute(spec, { auth: true }, async (authorization) => {
      const body = this.http.stream(spec.path, {
        method: spec.method,
        headers: { authorization },
        ...(spec.searchParams ? { searchParams: spec.searchParams } : {}),
        // Raw bytes, so the count can be checked against Content-Length.
        decompress: false,
        // No total-time limit on a multi-gigabyte body: connect, answer and idle limits only.
        timeout: {
          connect: this.options.timeoutMs,
          secureConnect: this.options.timeoutMs,
          send: this.options.timeoutMs,
          response: this.options.timeoutMs,
          socket: this.options.timeoutMs,
        },
        ...(spec.signal ? { signal: spec.signal } : {}),
      });
      const response = await new Promise<{ statusCode: number; headers: IncomingHttpHeaders }>(
        (resolve, reject) => {
          body.once('response', resolve);
          // Stays attached: a late error must not go unhandled before `consume` pipes the body.
          body.on('error', reject);
        },
      );
      if (response.statusCode < 200 || response.statusCode > 299) {
        const text = await readLimited(body, MAX_ERROR_BODY);
        return { ok: false, status: response.statusCode, headers: response.headers, body: text };
      }
      return { ok: true, status: response.statusCode, value: await consume(body, response.headers) };
    });
  }

  /** `POST /v1/oauth` with HTTP Basic; safe to retry (it creates nothing the caller could see twice). */
  private async fetchGrant(): Promise<TokenGrant> {
    const spec: RequestSpec = { method: 'POST', path: 'v1/oauth' };
    try {
      return await this.execute(spec, { auth: false, alwaysSafe: true }, async () => {
        const response = await this.http.post(spec.path, {
          headers: { authorization: this.basicAuth, accept: 'application/json' },
          responseType: 'text',
          timeout: { request: this.options.timeoutMs },
        });
        const { statusCode, headers, body } = response;
        if (statusCode < 200 || statusCode > 299) return { ok: false, status: statusCode, headers, body };
        return { ok: true, status: statusCode, value: readGrant(parseJsonBody(body, spec)) };
      });
    } catch (error) {
      // A refused client ID or secret: 400 (bad client), 401 or 403, whatever the body says.
      if (
        error instanceof IncydrError &&
        error.status !== undefined &&
        [400, 401, 403].includes(error.status)
      ) {
        throw new IncydrError('AUTH_FAILED', { status: error.status, cause: error });
      }
      throw error;
    }
  }

  private async execute<T>(
    spec: RequestSpec,
    mode: { auth: boolean; alwaysSafe?: boolean },
    attempt: (authorization: string) => Promise<Attempt<T>>,
  ): Promise<T> {
    const { logger, retry } = this.options;
    const label = `${spec.method} /${spec.path}`;
    let retries = 0;
    let reauthenticated = false;
    for (;;) {
      throwIfCancelled(spec.signal);
      const token = mode.auth ? await this.tokens.get() : '';
      const started = Date.now();
      let outcome: Attempt<T>;
      try {
        outcome = await attempt(mode.auth ? `Bearer ${token}` : '');
      } catch (error) {
        if (spec.signal?.aborted) throw new IncydrError('CANCELLED', { cause: safeCause(error) });
        const failure = describeFailure(error);
        logger.debug(`${label} failed`, { ms: Date.now() - started, error });
        if (failure && retries < retry.limit && isRetryable(spec.method, failure, mode.alwaysSafe)) {
          await this.pause(label, failure, backoffDelay(retries, retry.baseDelayMs), spec.signal);
          retries++;
          continue;
        }
        throw errorFromNetwork(error, this.options.viaProxy);
      }
      if (outcome.ok) {
        logger.debug(label, { status: outcome.status, ms: Date.now() - started });
        return outcome.value;
      }
      const { status, headers, body } = outcome;
      logger.debug(label, { status, ms: Date.now() - started });
      if (status === 401 && mode.auth && !reauthenticated) {
        // The token expired early or was revoked: one fresh token, one more try.
        this.tokens.invalidate(token);
        reauthenticated = true;
        continue;
      }
      const failure: Failure = { kind: 'status', status };
      if (retries < retry.limit && isRetryable(spec.method, failure, mode.alwaysSafe)) {
        const retryAfter = parseRetryAfter(headers['retry-after']);
        if (retryAfter === undefined || retryAfter <= retry.maxRetryAfterMs) {
          await this.pause(
            label,
            failure,
            retryAfter ?? backoffDelay(retries, retry.baseDelayMs),
            spec.signal,
          );
          retries++;
          continue;
        }
      }
      throw errorFromResponse(status, body);
    }
  }

  private async pause(
    label: string,
    failure: Failure,
    ms: number,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const reason = failure.kind === 'status' ? `HTTP ${failure.status}` : failure.code;
    this.options.logger.info(`retrying ${label} in ${ms} ms`, { reason });
    try {
      await sleep(ms, undefined, signal ? { signal } : {});
    } catch (error) {
      throw new IncydrError('CANCELLED', { cause: safeCause(error) });
    }
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new IncydrError('CANCELLED');
}

function parseJsonBody(body: string, spec: RequestSpec): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new IncydrError('BAD_RESPONSE', {
      message: `Incydr sent an answer the app could not read (${spec.method} /${spec.path} is not JSON).`,
      cause: error,
    });
  }
}

function readGrant(value: unknown): TokenGrant {
  const o = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const accessToken = o['access_token'];
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new IncydrError('BAD_RESPONSE', { message: 'The token answer carries no access_token.' });
  }
  const expiresIn = Number(o['expires_in']);
  // 15 minutes is the documented lifetime; assume it when the field is missing.
  return { accessToken, expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 900 };
}

async function readLimited(stream: Request, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (size < limit) chunks.push(chunk.subarray(0, limit - size));
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch {
    // the body of an error answer is informative only
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}
