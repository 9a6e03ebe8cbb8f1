/** The five `/v1/cases` and `/v1/cases/{caseNumber}` operations (incydr-api.md §2.2–§2.6). */
import type { RouteDef } from '../context.js';
import { readJson } from '../http/body.js';
import { json, noContent } from '../http/reply.js';
import { toDetail, toSlim } from '../store/case-record.js';
import { parseCaseQuery } from '../store/case-query.js';
import { caseNumberOf, caseOf } from './path-params.js';

export const caseRoutes: RouteDef[] = [
  {
    method: 'GET',
    template: '/v1/cases',
    handler: (rc) => {
      const page = rc.env.store.list(parseCaseQuery(rc.query));
      return json({ cases: page.cases.map(toSlim), totalCount: page.totalCount });
    },
  },
  {
    method: 'POST',
    template: '/v1/cases',
    handler: async (rc) => json(toDetail(rc.env.store.create(await readJson(rc.req), rc.identity))),
  },
  {
    method: 'GET',
    template: '/v1/cases/{caseNumber}',
    handler: (rc) => json(toDetail(caseOf(rc))),
  },
  {
    method: 'PUT',
    template: '/v1/cases/{caseNumber}',
    handler: async (rc) => {
      const caseNumber = caseNumberOf(rc);
      rc.env.store.require(caseNumber);
      const body = await readJson(rc.req);
      return json(toDetail(rc.env.store.update(caseNumber, body, rc.identity)));
    },
  },
  {
    method: 'DELETE',
    template: '/v1/cases/{caseNumber}',
    handler: (rc) => {
      rc.env.store.delete(caseNumberOf(rc));
      return noContent();
    },
  },
];
