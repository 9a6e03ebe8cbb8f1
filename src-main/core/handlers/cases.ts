/** `cases.*`: list, read, create, update (read-modify-write with a staleness check), delete. */
import { mergeCaseUpdate } from '../../../src-shared/domain/case.js';
import { encodeCaseRows } from '../../../src-shared/domain/case-rows.js';
import { AppError } from '../ipc/app-error.js';
import type { HandlerContext, HandlersOf } from './context.js';

export function caseHandlers({ session }: HandlerContext): HandlersOf<'cases'> {
  return {
    'cases.page': (query) => session.client().getPage(query),
    'cases.rows': async (query) => encodeCaseRows(await session.client().getPage(query)),
    'cases.get': ({ number }) => session.client().getCase(number),
    'cases.create': (input) => session.client().createCase(input),

    /**
     * PUT replaces all six fields, so read the full case, apply the changes, send all six. When the
     * editor says which `updatedAt` it started from and the server's differs, someone else changed the
     * case meanwhile: refuse with CASE_CHANGED and hand the UI the server's version to compare.
     */
    'cases.update': async ({ number, changes, expectedUpdatedAt }) => {
      const client = session.client();
      const current = await client.getCase(number);
      if (expectedUpdatedAt !== undefined && current.updatedAt !== expectedUpdatedAt) {
        throw new AppError('CASE_CHANGED', { details: { current } });
      }
      return client.replaceCase(number, mergeCaseUpdate(current, changes));
    },

    'cases.delete': async ({ number }) => {
      await session.client().deleteCase(number);
      return { deleted: number };
    },
  };
}
