/**
 * The shape of `<dataDir>/views.json`: per profile key, the saved views of the case list and the one
 * used last. Checked with the same schemas `views.save` checks its input with, so a view that could
 * not have been saved cannot be read back either.
 */
import { z } from 'zod';
import type { SavedView, ViewList } from '../../../src-shared/domain/views.js';
import { VIEW_LIMITS } from '../../../src-shared/domain/views.js';
import { viewColumns, viewFilters, viewId, viewName, viewSort } from '../../../src-shared/ipc/schemas.js';

export const VIEWS_FILE_NAME = 'views.json';
export const VIEWS_FILE_VERSION = 1;

export interface ViewsFile {
  version: typeof VIEWS_FILE_VERSION;
  profiles: Record<string, ViewList>;
}

const savedView = z.object({
  id: viewId,
  name: viewName,
  filters: viewFilters,
  sort: viewSort,
  columns: viewColumns,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

const viewList = z
  .object({
    views: z.array(savedView).max(VIEW_LIMITS.viewsPerProfile),
    lastViewId: viewId.nullable(),
  })
  .refine((list) => new Set(list.views.map((v) => v.id)).size === list.views.length, 'a view ID repeats');

export const viewsFileSchema = z.object({
  version: z.literal(VIEWS_FILE_VERSION),
  profiles: z.record(z.string().min(1).max(1000), viewList),
});

export function emptyViewsFile(): ViewsFile {
  return { version: VIEWS_FILE_VERSION, profiles: {} };
}

/** Only the known keys, in a fixed order: nothing else slips into the file or across IPC. */
export function cleanView(view: SavedView): SavedView {
  return {
    id: view.id,
    name: view.name,
    filters: {
      statuses: [...view.filters.statuses],
      name: view.filters.name,
      assignee: view.filters.assignee && { id: view.filters.assignee.id, name: view.filters.assignee.name },
      unassigned: view.filters.unassigned,
      subject: view.filters.subject && { id: view.filters.subject.id, name: view.filters.subject.name },
      lastModifiedBy: view.filters.lastModifiedBy && {
        id: view.filters.lastModifiedBy.id,
        name: view.filters.lastModifiedBy.name,
      },
      created: { from: view.filters.created.from, to: view.filters.created.to },
      updated: { from: view.filters.updated.from, to: view.filters.updated.to },
    },
    sort: { key: view.sort.key, dir: view.sort.dir },
    columns: [...view.columns],
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}
