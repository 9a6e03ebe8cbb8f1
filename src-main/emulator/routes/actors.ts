/** `/v1/actors/actor/...`: search, by ID, parent and family (incydr-api.md §4.2). */
import type { Actor, ActorSearchItem } from '../../../src-shared/domain/index.js';
import type { RequestContext, RouteDef } from '../context.js';
import { NotFoundError, ProblemError } from '../errors.js';
import { parseBoolean, parseInteger, parseString } from '../http/params.js';
import { json } from '../http/reply.js';
import type { Reply } from '../http/reply.js';

export const DEFAULT_ACTOR_PAGE_SIZE = 100;
export const MAX_ACTOR_PAGE_SIZE = 500;

function slim(a: Actor): ActorSearchItem {
  return { actorId: a.actorId, name: a.name, active: a.active, parentActorId: a.parentActorId };
}

function actorById(rc: RequestContext): Actor {
  const actor = rc.env.tenant.people.actorsById.get(rc.params.actorId ?? '');
  if (!actor) throw new NotFoundError('Actor not found');
  return actor;
}

function parentOf(rc: RequestContext, actor: Actor): Actor {
  return (actor.parentActorId && rc.env.tenant.people.actorsById.get(actor.parentActorId)) || actor;
}

function family(rc: RequestContext, parent: Actor): { parent: Actor; children: Actor[] } {
  const children = rc.env.tenant.people.actors.filter((a) => a.parentActorId === parent.actorId);
  return { parent, children };
}

/** The single parent of everyone named `name`; 404 when nobody, 409 when several un-adopted matches. */
function parentByName(rc: RequestContext): Actor {
  const name = (rc.params.name ?? '').toLowerCase();
  const hits = rc.env.tenant.people.actors.filter(
    (a) => a.name.toLowerCase() === name || a.alternateNames.some((n) => n.toLowerCase() === name),
  );
  const parents = [...new Map(hits.map((a) => parentOf(rc, a)).map((p) => [p.actorId, p])).values()];
  const [only, ...others] = parents;
  if (!only) throw new NotFoundError('Actor not found');
  if (others.length > 0) throw new ProblemError('MULTIPLE_ACTORS_FOUND', undefined, 409);
  return only;
}

function search(rc: RequestContext, parentsOnly: boolean): Reply {
  const starts = parseString(rc.query, 'nameStartsWith')?.toLowerCase();
  const ends = parseString(rc.query, 'nameEndsWith')?.toLowerCase();
  const active = parseBoolean(rc.query, 'active');
  const pageSize = parseInteger(rc.query, 'pageSize', DEFAULT_ACTOR_PAGE_SIZE);
  const page = parseInteger(rc.query, 'page', 1);
  if (pageSize < 1) throw new ProblemError('PAGE_SIZE_TOO_SMALL', undefined);
  if (pageSize > MAX_ACTOR_PAGE_SIZE) throw new ProblemError('PAGE_SIZE_TOO_LARGE', undefined);
  if (page < 1) throw new ProblemError('PAGE_TOO_SMALL', undefined);
  let hits = rc.env.tenant.people.actors.filter((a) => {
    const name = a.name.toLowerCase();
    return (
      (starts === undefined || name.startsWith(starts)) &&
      (ends === undefined || name.endsWith(ends)) &&
      (active === undefined || a.active === active)
    );
  });
  if (parentsOnly) hits = [...new Map(hits.map((a) => parentOf(rc, a)).map((p) => [p.actorId, p])).values()];
  hits.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const start = (page - 1) * pageSize;
  return json({ actors: hits.slice(start, start + pageSize).map(slim) });
}

export const actorRoutes: RouteDef[] = [
  { method: 'GET', template: '/v1/actors/actor/search', handler: (rc) => search(rc, false) },
  { method: 'GET', template: '/v1/actors/actor/search/parent', handler: (rc) => search(rc, true) },
  { method: 'GET', template: '/v1/actors/actor/id/{actorId}', handler: (rc) => json(actorById(rc)) },
  {
    method: 'GET',
    template: '/v1/actors/actor/id/{actorId}/parent',
    handler: (rc) => json(parentOf(rc, actorById(rc))),
  },
  {
    method: 'GET',
    template: '/v1/actors/actor/id/{actorId}/family',
    handler: (rc) => json(family(rc, parentOf(rc, actorById(rc)))),
  },
  { method: 'GET', template: '/v1/actors/actor/name/{name}/parent', handler: (rc) => json(parentByName(rc)) },
  {
    method: 'GET',
    template: '/v1/actors/actor/name/{name}/family',
    handler: (rc) => json(family(rc, parentByName(rc))),
  },
];
