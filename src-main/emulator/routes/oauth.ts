/** `POST /v1/oauth`: client-credentials tokens via HTTP Basic or a form body (incydr-api.md §1.2). */
import { timingSafeEqual } from 'node:crypto';
import type { RequestContext, RouteDef } from '../context.js';
import { mediaType, readBody } from '../http/body.js';
import { json } from '../http/reply.js';
import type { Reply } from '../http/reply.js';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

async function token(rc: RequestContext): Promise<Reply> {
  const { env, req, query } = rc;
  const form =
    mediaType(req) === 'application/x-www-form-urlencoded'
      ? new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'))
      : new URLSearchParams();
  // The SDK sends no grant_type at all; a missing one means client credentials.
  const grantType = form.get('grant_type') ?? query.get('grant_type');
  if (grantType !== null && grantType !== 'client_credentials') {
    return json(
      { error: 'unsupported_grant_type', error_description: 'Only client_credentials is supported' },
      400,
    );
  }
  const basic = basicCredentials(req.headers.authorization);
  const id = basic?.id ?? form.get('client_id');
  const secret = basic?.secret ?? form.get('client_secret');
  const ok =
    id !== null &&
    secret !== null &&
    sameText(id, env.options.clientId) &&
    sameText(secret, env.options.clientSecret);
  if (!ok) {
    return json({ error: 'invalid_client', error_description: 'Bad client credentials' }, 401, {
      'WWW-Authenticate': 'Basic realm="incydr"',
    });
  }
  env.stats.tokensIssued++;
  return json(env.tokens.issue(), 200, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

export const oauthRoutes: RouteDef[] = [
  { method: 'POST', template: '/v1/oauth', handler: token, public: true },
];
