/**
 * Bearer tokens: three-part JWT-shaped strings (HS256 over a per-emulator secret) whose payload carries
 * `tenantUid`, `sub` and `exp` as the SDK expects. Live tokens are remembered by `jti`, so the emulator
 * can expire them on time (to the millisecond) and revoke them all at once for tests.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Identity } from '../store/case-store.js';

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export interface TokenClaims {
  sub: string;
  tenantUid: string;
  userUid: string;
  username: string;
  iat: number;
  exp: number;
  jti: string;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export class TokenIssuer {
  private readonly secret = randomBytes(32);
  private readonly live = new Map<string, number>();
  private ttlSeconds: number;

  constructor(
    private readonly tenantUid: string,
    private readonly clientId: string,
    private readonly identity: Identity,
    ttlSeconds: number,
  ) {
    this.ttlSeconds = ttlSeconds;
  }

  get ttl(): number {
    return this.ttlSeconds;
  }

  setTtl(seconds: number): void {
    this.ttlSeconds = seconds;
  }

  issue(nowMs = Date.now()): TokenResponse {
    this.sweep(nowMs);
    const jti = randomUUID();
    const expiresAtMs = nowMs + this.ttlSeconds * 1000;
    const claims: TokenClaims = {
      sub: this.clientId,
      tenantUid: this.tenantUid,
      userUid: this.identity.userId,
      username: this.identity.username,
      iat: Math.floor(nowMs / 1000),
      exp: Math.ceil(expiresAtMs / 1000),
      jti,
    };
    const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = base64url(JSON.stringify(claims));
    const signature = this.sign(`${head}.${body}`);
    this.live.set(jti, expiresAtMs);
    return {
      access_token: `${head}.${body}.${signature}`,
      token_type: 'bearer',
      expires_in: this.ttlSeconds,
    };
  }

  /** The identity behind a live token, or undefined (bad signature, unknown, expired or revoked). */
  verify(token: string, nowMs = Date.now()): Identity | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [head, body, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${head}.${body}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let claims: Partial<TokenClaims>;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    } catch {
      return undefined;
    }
    const expiresAt = claims.jti === undefined ? undefined : this.live.get(claims.jti);
    if (expiresAt === undefined || nowMs >= expiresAt) return undefined;
    return {
      userId: claims.userUid ?? this.identity.userId,
      username: claims.username ?? this.identity.username,
    };
  }

  /** Every token issued so far stops working (as if they had all expired). */
  revokeAll(): void {
    this.live.clear();
  }

  private sign(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }

  private sweep(nowMs: number): void {
    if (this.live.size < 1000) return;
    for (const [jti, exp] of this.live) if (exp <= nowMs) this.live.delete(jti);
  }
}
