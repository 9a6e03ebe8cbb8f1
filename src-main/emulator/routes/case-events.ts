/** File events on a case: list, attach many/one, detach, full detail (incydr-api.md §2.9–§2.14). */
import type { RouteDef } from '../context.js';
import { BadRequestError } from '../errors.js';
import { readJson } from '../http/body.js';
import { parsePositiveInt, parseString } from '../http/params.js';
import { json, noContent } from '../http/reply.js';
import { buildFileEventV2 } from '../seed/file-event-detail.js';
import { caseNumberOf, caseOf } from './path-params.js';

export const DEFAULT_EVENT_PAGE_SIZE = 10_000;

function eventIdsOf(body: unknown): string[] {
  const events =
    typeof body === 'object' && body !== null ? (body as { events?: unknown }).events : undefined;
  if (!Array.isArray(events) || !events.every((e): e is string => typeof e === 'string')) {
    throw new BadRequestError("JSON parse error: 'events' must be an array of event ID strings");
  }
  return events;
}

export const caseEventRoutes: RouteDef[] = [
  {
    method: 'GET',
    template: '/v1/cases/{caseNumber}/fileevent',
    handler: (rc) => {
      const r = caseOf(rc);
      const { catalog } = rc.env.tenant;
      const pgNum = parsePositiveInt(rc.query, 'pgNum', 1, 'INVALID_PAGE_NUMBER');
      const pgSize = parsePositiveInt(rc.query, 'pgSize', DEFAULT_EVENT_PAGE_SIZE, 'INVALID_PAGE_SIZE');
      const archiveId = parseString(rc.query, 'archiveId');
      const selected =
        archiveId === undefined ? r.events : r.events.filter((o) => catalog.archiveIdOf(o) === archiveId);
      const start = (pgNum - 1) * pgSize;
      const page = selected.slice(start, start + pgSize);
      return json({ events: page.map((o) => catalog.item(o)), totalCount: selected.length });
    },
  },
  {
    method: 'POST',
    template: '/v1/cases/{caseNumber}/fileevent',
    handler: async (rc) => {
      const caseNumber = caseNumberOf(rc);
      rc.env.store.require(caseNumber);
      const ids = eventIdsOf(await readJson(rc.req));
      rc.env.store.attach(caseNumber, ids, rc.env.tenant.catalog);
      return noContent();
    },
  },
  {
    method: 'POST',
    template: '/v1/cases/{caseNumber}/fileevent/{eventId}',
    handler: (rc) => {
      rc.env.store.attach(caseNumberOf(rc), [rc.params.eventId ?? ''], rc.env.tenant.catalog);
      return noContent();
    },
  },
  {
    method: 'DELETE',
    template: '/v1/cases/{caseNumber}/fileevent/{eventId}',
    handler: (rc) => {
      const ordinal = rc.env.tenant.catalog.find(rc.params.eventId ?? '');
      rc.env.store.detach(caseNumberOf(rc), ordinal);
      return noContent();
    },
  },
  {
    method: 'GET',
    template: '/v1/cases/{caseNumber}/fileevent/{eventId}',
    handler: async (rc) => {
      const r = caseOf(rc);
      const { catalog } = rc.env.tenant;
      const ordinal = rc.env.store.eventOnCase(r, catalog.find(rc.params.eventId ?? ''));
      return json(buildFileEventV2(catalog.core(ordinal), await catalog.hashes(ordinal)));
    },
  },
];
