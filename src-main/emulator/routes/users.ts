/** `/v1/users` and `/v1/users/{userId}` (incydr-api.md §4.1). */
import type { RouteDef } from '../context.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import { parseBoolean, parseInteger, parseString } from '../http/params.js';
import { json } from '../http/reply.js';
import { publicUser } from '../seed/people.js';

export const DEFAULT_USER_PAGE_SIZE = 500;

export const userRoutes: RouteDef[] = [
  {
    method: 'GET',
    template: '/v1/users',
    handler: (rc) => {
      const active = parseBoolean(rc.query, 'active');
      const blocked = parseBoolean(rc.query, 'blocked');
      const username = parseString(rc.query, 'username')?.toLowerCase();
      const page = parseInteger(rc.query, 'page', 1);
      const pageSize = parseInteger(rc.query, 'pageSize', DEFAULT_USER_PAGE_SIZE);
      if (page < 1) throw new BadRequestError('page must be at least 1');
      if (pageSize < 1) throw new BadRequestError('pageSize must be at least 1');
      const hits = rc.env.tenant.people.users.filter(
        (u) =>
          (active === undefined || u.active === active) &&
          (blocked === undefined || u.blocked === blocked) &&
          (username === undefined || u.username.toLowerCase() === username),
      );
      const start = (page - 1) * pageSize;
      return json({ users: hits.slice(start, start + pageSize).map(publicUser), totalCount: hits.length });
    },
  },
  {
    method: 'GET',
    template: '/v1/users/{userId}',
    handler: (rc) => {
      const user = rc.env.tenant.people.usersById.get(rc.params.userId ?? '');
      if (!user) throw new NotFoundError('User not found');
      return json(publicUser(user));
    },
  },
];
