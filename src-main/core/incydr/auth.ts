/**
 * The bearer token, kept in memory only (design.md §3). Refreshed ahead of expiry with a margin of
 * min(60 s, lifetime/5); concurrent callers share a single refresh; a token the server rejected is
 * dropped so the next caller fetches a new one.
 */
import { IncydrError } from './errors.js';

export interface TokenGrant {
  accessToken: string;
  /** Lifetime in seconds, as sent by the server. */
  expiresIn: number;
}

interface HeldToken {
  value: string;
  /** Local time (ms) after which the token is no longer used. */
  refreshAt: number;
}

/** How long before expiry a token is replaced. */
export function refreshMarginMs(expiresInSeconds: number): number {
  return Math.min(60_000, (expiresInSeconds * 1000) / 5);
}

export class TokenSource {
  private held: HeldToken | undefined;
  private pending: Promise<HeldToken> | undefined;
  /** Bumped by clear(): a refresh started before it must not install its token afterwards. */
  private generation = 0;

  constructor(
    private readonly fetchGrant: () => Promise<TokenGrant>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token valid for at least the refresh margin. */
  async get(): Promise<string> {
    const held = this.held;
    if (held && this.now() < held.refreshAt) return held.value;
    return (await this.refresh()).value;
  }

  /** Fetches a new token now (joins a refresh already in flight). */
  async refresh(): Promise<HeldToken> {
    if (this.pending) return this.pending;
    const generation = this.generation;
    // The lifetime counts from when the request was sent, not when the answer arrived.
    const sentAt = this.now();
    const pending = this.fetchGrant().then((grant) => {
      const lifetime = Number.isFinite(grant.expiresIn) && grant.expiresIn > 0 ? grant.expiresIn : 0;
      const token = {
        value: grant.accessToken,
        refreshAt: sentAt + lifetime * 1000 - refreshMarginMs(lifetime),
      };
      if (generation === this.generation) this.held = token;
      return token;
    });
    this.pending = pending;
    const clearPending = (): void => {
      if (this.pending === pending) this.pending = undefined;
    };
    pending.then(clearPending, clearPending);
    return pending;
  }

  /** Forgets `token` if it is still the current one (a 401 said it is no good). */
  invalidate(token: string): void {
    if (this.held?.value === token) this.held = undefined;
  }

  /** Drops everything (switching tenants, signing out). */
  clear(): void {
    this.generation++;
    this.held = undefined;
    this.pending = undefined;
  }

  /** The `tenantUid` claim of the current token. */
  async tenantId(): Promise<string> {
    const token = await this.get();
    const claim = jwtClaims(token)['tenantUid'];
    if (typeof claim !== 'string' || claim === '') {
      throw new IncydrError('BAD_RESPONSE', { message: 'The access token carries no tenantUid claim.' });
    }
    return claim;
  }
}

/** The payload of a JWT, without verifying it (the server verifies its own tokens). */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
