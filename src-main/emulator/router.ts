/** A small route table: `GET /v1/cases/{caseNumber}` templates, literal segments winning over parameters. */
import { BadRequestError } from './errors.js';

export interface RouteMatch<H> {
  template: string;
  handler: H;
  params: Record<string, string>;
}

interface Route<H> {
  method: string;
  template: string;
  segments: string[];
  handler: H;
}

export type RouteResult<H> =
  | { kind: 'found'; match: RouteMatch<H> }
  | { kind: 'method-not-allowed'; template: string; allowed: string[] }
  | { kind: 'not-found' };

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, template: string, handler: H): this {
    this.routes.push({ method, template, segments: template.split('/').slice(1), handler });
    return this;
  }

  get templates(): string[] {
    return this.routes.map((r) => `${r.method} ${r.template}`);
  }

  match(method: string, pathname: string): RouteResult<H> {
    const raw = pathname.split('/').slice(1);
    let segments: string[];
    try {
      segments = raw.map((s) => decodeURIComponent(s));
    } catch {
      throw new BadRequestError('Malformed percent-encoding in the path');
    }
    let best: { route: Route<H>; params: Record<string, string>; score: number } | undefined;
    const allowed: string[] = [];
    let allowedTemplate = '';
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      // Literal segments count more than parameters, so `/fileevent/export` beats `/fileevent/{eventId}`.
      const score = route.segments.filter((s) => !s.startsWith('{')).length;
      if (route.method !== method) {
        allowed.push(route.method);
        allowedTemplate ||= route.template;
        continue;
      }
      if (!best || score > best.score) best = { route, params, score };
    }
    if (best) {
      return {
        kind: 'found',
        match: { template: best.route.template, handler: best.route.handler, params: best.params },
      };
    }
    if (allowed.length > 0) return { kind: 'method-not-allowed', template: allowedTemplate, allowed };
    return { kind: 'not-found' };
  }
}

function matchSegments(
  template: readonly string[],
  path: readonly string[],
): Record<string, string> | undefined {
  if (template.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i] ?? '';
    const p = path[i] ?? '';
    if (t.startsWith('{') && t.endsWith('}')) {
      if (p === '') return undefined;
      params[t.slice(1, -1)] = p;
    } else if (t !== p) {
      return undefined;
    }
  }
  return params;
}
