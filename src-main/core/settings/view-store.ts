/**
 * Saved views of the case list, per profile, in `<dataDir>/views.json` (issue 5). Every change is a
 * read-modify-write of the whole file, one at a time, written atomically; the in-memory copy changes
 * only after the file did, so a failed write loses nothing and changes nothing. A file that cannot be
 * read is never silently dropped: it is moved aside to `views.json.corrupt-<time>` and the read fails
 * with SETTINGS_CORRUPT naming that copy; the next read starts from no views.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CASE_COLUMN_KEYS, VIEW_LIMITS } from '../../../src-shared/domain/views.js';
import type { SavedView, ViewList, ViewSave } from '../../../src-shared/domain/views.js';
import { CASE_STATUSES } from '../../../src-shared/domain/case.js';
import { AppError, validationError } from '../ipc/app-error.js';
import { writeFileAtomic } from '../atomic-file.js';
import { errorCodeOf } from '../incydr/errors.js';
import { dataDirError, setAside } from '../own-file-errors.js';
import {
  cleanView,
  emptyViewsFile,
  VIEWS_FILE_NAME,
  VIEWS_FILE_VERSION,
  viewsFileSchema,
} from './views-file.js';
import type { ViewsFile } from './views-file.js';

export interface ViewStoreOptions {
  now?: () => Date;
  newId?: () => string;
}

export const VIEW_GONE = 'This saved view no longer exists.';

export class ViewStore {
  readonly path: string;
  #file: ViewsFile | undefined;
  /** Reads and changes run one at a time, in call order. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #now: () => Date;
  readonly #newId: () => string;

  constructor(
    readonly dataDir: string,
    options: ViewStoreOptions = {},
  ) {
    this.path = join(dataDir, VIEWS_FILE_NAME);
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? (() => `view-${randomUUID()}`);
  }

  /** The profile's views by name, and the one used last. */
  list(profileKey: string): Promise<ViewList> {
    return this.#serially(async () => listOf(await this.#read(), profileKey));
  }

  /**
   * Saves a view and makes it the one in use. With `id` it changes that view; without, a view of the
   * same name (ignoring case) is replaced, else a new one is added.
   */
  save(profileKey: string, input: ViewSave): Promise<ViewList> {
    return this.#change(profileKey, (list) => {
      const name = input.name.trim();
      const sameName = list.views.find((v) => v.name.toLowerCase() === name.toLowerCase());
      const target = input.id === undefined ? sameName : list.views.find((v) => v.id === input.id);
      if (input.id !== undefined && !target) throw new AppError('NOT_FOUND', { message: VIEW_GONE });
      if (target && sameName && sameName.id !== target.id) {
        throw validationError('name', 'Another saved view already has this name.');
      }
      if (!target && list.views.length >= VIEW_LIMITS.viewsPerProfile) {
        throw validationError(
          'name',
          `A profile keeps at most ${VIEW_LIMITS.viewsPerProfile} saved views; delete one first.`,
        );
      }
      const now = this.#now().toISOString();
      const view = normalised({
        id: target?.id ?? this.#newId(),
        name,
        filters: input.filters,
        sort: input.sort,
        columns: input.columns,
        createdAt: target?.createdAt ?? now,
        updatedAt: now,
      });
      const views = target ? list.views.map((v) => (v.id === target.id ? view : v)) : [...list.views, view];
      return { views, lastViewId: view.id };
    });
  }

  delete(profileKey: string, id: string): Promise<ViewList> {
    return this.#change(profileKey, (list) => {
      if (!list.views.some((v) => v.id === id)) throw new AppError('NOT_FOUND', { message: VIEW_GONE });
      return {
        views: list.views.filter((v) => v.id !== id),
        lastViewId: list.lastViewId === id ? null : list.lastViewId,
      };
    });
  }

  /** Remembers the view in use (null: none) for the next start. */
  select(profileKey: string, id: string | null): Promise<ViewList> {
    return this.#change(profileKey, (list) => {
      if (id !== null && !list.views.some((v) => v.id === id)) {
        throw new AppError('NOT_FOUND', { message: VIEW_GONE });
      }
      return { views: list.views, lastViewId: id };
    });
  }

  #change(profileKey: string, apply: (list: ViewList) => ViewList): Promise<ViewList> {
    return this.#serially(async () => {
      const file = await this.#read();
      const current = file.profiles[profileKey] ?? { views: [], lastViewId: null };
      const next = apply(current);
      if (next.views === current.views && next.lastViewId === current.lastViewId)
        return listOf(file, profileKey);
      const profiles = { ...file.profiles };
      if (next.views.length === 0 && next.lastViewId === null) delete profiles[profileKey];
      else profiles[profileKey] = next;
      const nextFile: ViewsFile = { version: VIEWS_FILE_VERSION, profiles };
      await this.#write(nextFile);
      this.#file = nextFile;
      return listOf(nextFile, profileKey);
    });
  }

  async #read(): Promise<ViewsFile> {
    if (this.#file) return this.#file;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return (this.#file = emptyViewsFile());
      throw dataDirError(error, this.dataDir);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.#corrupt('it is not valid JSON');
    }
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > VIEWS_FILE_VERSION) {
      // A newer Case Desk wrote it: leave it alone rather than "repair" what this version cannot read.
      throw new AppError('SETTINGS_CORRUPT', {
        message: `The saved views in ${this.path} were written by a newer version of Case Desk. Update Case Desk to use them.`,
      });
    }
    const parsed = viewsFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      return this.#corrupt(`${issue?.message ?? 'unexpected content'}${where}`);
    }
    const profiles: Record<string, ViewList> = {};
    for (const [key, list] of Object.entries(parsed.data.profiles)) {
      const views = list.views.map((v) => normalised(v));
      const lastViewId = views.some((v) => v.id === list.lastViewId) ? list.lastViewId : null;
      profiles[key] = { views, lastViewId };
    }
    return (this.#file = { version: VIEWS_FILE_VERSION, profiles });
  }

  async #write(file: ViewsFile): Promise<void> {
    viewsFileSchema.parse(file);
    try {
      await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`);
    } catch (error) {
      throw dataDirError(error, this.dataDir);
    }
  }

  /** Moves the unreadable file aside, starts with no views and fails with a sentence naming the copy. */
  async #corrupt(why: string): Promise<never> {
    const copy = await setAside(this.path, this.#now(), 'The saved views in', why);
    this.#file = emptyViewsFile();
    throw new AppError('SETTINGS_CORRUPT', {
      message: `The saved views could not be read (${why}). The file was kept as ${copy}; save your views again.`,
      details: { copy },
    });
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** Copies out, views by name: callers never hold the store's own objects. */
function listOf(file: ViewsFile, profileKey: string): ViewList {
  const list = file.profiles[profileKey];
  if (!list) return { views: [], lastViewId: null };
  const views = list.views
    .map(cleanView)
    .sort(
      (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id),
    );
  return { views, lastViewId: list.lastViewId };
}

/** Statuses and columns in their canonical order (the list shows columns in that order). */
function normalised(view: SavedView): SavedView {
  const clean = cleanView(view);
  clean.filters.statuses = CASE_STATUSES.filter((s) => clean.filters.statuses.includes(s));
  clean.filters.name = clean.filters.name.trim();
  clean.columns = CASE_COLUMN_KEYS.filter((c) => clean.columns.includes(c));
  return clean;
}
