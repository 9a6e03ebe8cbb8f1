/** `cases.*`: list, read, create, update (read-modify-write with a staleness check), delete. */
import { EDITABLE_FIELDS } from '../../../src-shared/domain/case.js';
import type { CaseUpdate } from '../../../src-shared/domain/case.js';
import { AppError } from '../ipc/app-error.js';
import type { HandlerContext, HandlersOf } from './context.js';

export function caseHandlers({ session }: HandlerContext): HandlersOf<'cases'> {
  return {
    'cases.page': (query) => session.client().getPage(query),
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
      const next: CaseUpdate = {
        name: current.name,
        description: current.description,
        findings: current.findings,
        subject: current.subject,
        assignee: current.assignee,
        status: current.status,
      };
      const target = next as unknown as Record<string, unknown>;
      for (const key of EDITABLE_FIELDS) {
        // Present with null clears the field; absent keeps the server's value.
        if (changes[key] !== undefined) target[key] = changes[key];
      }
      return client.replaceCase(number, next);
    },

    'cases.delete': async ({ number }) => {
      await session.client().deleteCase(number);
      return { deleted: number };
    },
  };
}
