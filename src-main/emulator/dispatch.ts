/**
 * One request, start to finish: route, count, maybe misbehave, authenticate, run the handler, map
 * errors to the API's bodies, count the execution, send (maybe cut short).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorEnv, Handler, RouteDef } from './context.js';
import { BadRequestError, NotFoundError, ProblemError, UnsupportedMediaTypeError } from './errors.js';
import { PRE_EXECUTION_FAULTS } from './faults.js';
import { PayloadTooLargeError } from './http/body.js';
import { json, springError } from './http/reply.js';
import type { Reply } from './http/reply.js';
import { sendReply } from './http/send.js';
import { Router } from './router.js';
import type { RouteResult } from './router.js';
import { bump } from './stats.js';

class UnauthorizedError extends Error {}

interface Entry {
  handler: Handler;
  public: boolean;
}

export function buildRouter(routes: readonly RouteDef[]): Router<Entry> {
  const router = new Router<Entry>();
  for (const r of routes) router.add(r.method, r.template, { handler: r.handler, public: r.public ?? false });
  return router;
}

function errorReply(e: unknown, path: string, log: (line: string) => void): Reply {
  if (e instanceof ProblemError) {
    const body =
      e.description === undefined
        ? { problem: e.problem }
        : { problem: e.problem, description: e.description };
    return json(body, e.status);
  }
  if (e instanceof UnauthorizedError) {
    return json({ error: 'unauthorized', message: e.message }, 401, {
      'WWW-Authenticate': 'Bearer realm="incydr", error="invalid_token"',
    });
  }
  if (e instanceof BadRequestError) return springError(400, 'Bad Request', e.message, path);
  if (e instanceof NotFoundError) return springError(404, 'Not Found', e.message, path);
  if (e instanceof UnsupportedMediaTypeError)
    return springError(415, 'Unsupported Media Type', e.message, path);
  if (e instanceof PayloadTooLargeError) return springError(413, 'Payload Too Large', e.message, path);
  log(`emulator: internal error on ${path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return springError(500, 'Internal Server Error', 'Unexpected error', path);
}

function preExecutionFault(kind: string, path: string): Reply {
  if (kind === 'rate-limit') {
    return json({ error: 'Too Many Requests', message: 'Rate limit exceeded', path }, 429, {
      'Retry-After': '1',
    });
  }
  if (kind === 'unavailable') return springError(503, 'Service Unavailable', 'Upstream unavailable', path);
  return springError(500, 'Internal Server Error', 'Unexpected error', path);
}

function routeKey(method: string, result: RouteResult<Entry>): string {
  if (result.kind === 'found') return `${method} ${result.match.template}`;
  if (result.kind === 'method-not-allowed') return `${method} ${result.template}`;
  return `${method} (no route)`;
}

export async function dispatch(
  env: EmulatorEnv,
  router: Router<Entry>,
  req: IncomingMessage,
  res: ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let result: RouteResult<Entry>;
  try {
    result = router.match(method, url.pathname);
  } catch {
    result = { kind: 'not-found' };
  }
  const key = routeKey(method, result);
  bump(env.stats.received, key);

  const fault = env.faults.next();
  if (fault) bump(env.stats.faults, fault.kind);
  if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

  let reply: Reply;
  if (fault && PRE_EXECUTION_FAULTS.includes(fault.kind)) {
    reply = preExecutionFault(fault.kind, url.pathname);
  } else {
    try {
      if (result.kind === 'not-found') throw new NotFoundError(`No route for ${method} ${url.pathname}`);
      if (result.kind === 'method-not-allowed') {
        reply = springError(405, 'Method Not Allowed', `${method} is not supported here`, url.pathname, {
          Allow: result.allowed.join(', '),
        });
      } else {
        const { handler, params } = result.match;
        let identity = {
          userId: env.tenant.people.apiUser.userId,
          username: env.tenant.people.apiUser.username,
        };
        if (!handler.public) {
          const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
          if (!m?.[1]) throw new UnauthorizedError('Full authentication is required to access this resource');
          const who = env.tokens.verify(m[1]);
          if (!who) throw new UnauthorizedError('The access token is invalid or has expired');
          identity = who;
        }
        reply = await handler.handler({ env, req, url, query: url.searchParams, params, identity });
      }
    } catch (e) {
      reply = errorReply(e, url.pathname, log);
    }
    if (reply.status >= 200 && reply.status < 300) bump(env.stats.executed, key);
  }

  const cut =
    fault && !PRE_EXECUTION_FAULTS.includes(fault.kind) && fault.kind !== 'latency' ? fault : undefined;
  await sendReply(res, reply, cut);
  const ms = (performance.now() - started).toFixed(1);
  // Path and status only: never the query's values beyond the path, never headers or tokens.
  log(`${method} ${url.pathname} ${reply.status}${fault ? ` [fault: ${fault.kind}]` : ''} ${ms} ms`);
}
