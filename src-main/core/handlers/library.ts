/**
 * `library.*`: the files exported on this machine, offline. Reveal and open take an entry's handle,
 * never a path, so the renderer can only point the OS at files the library recorded. Open is refused
 * for captured source files (evidence from an endpoint may be malware) and for a file whose name does
 * not end as its kind should (a server cannot make "open the PDF" run `report.exe`).
 */
import { stat } from 'node:fs/promises';
import type { LibraryEntry } from '../../../src-shared/domain/exports.js';
import { AppError } from '../ipc/app-error.js';
import type { HandlerContext, HandlersOf } from './context.js';

export const ENTRY_GONE = 'This file is not in the export library.';

const OPENABLE_EXTENSIONS: Readonly<Record<LibraryEntry['kind'], string | null>> = {
  zip: '.zip',
  pdf: '.pdf',
  csv: '.csv',
  source: null,
};

export function libraryHandlers({
  session,
  library,
  platform,
  logger,
}: HandlerContext): HandlersOf<'library'> {
  /** The connected profile's key, or null when offline. */
  const currentProfile = (): string | null => (session.info().connected ? session.profileKey() : null);

  const entryOnDisk = async (entryId: string): Promise<LibraryEntry> => {
    const entry = await library.get(entryId);
    if (!entry) throw new AppError('NOT_FOUND', { message: ENTRY_GONE });
    try {
      const info = await stat(entry.path);
      if (info.isFile()) return entry;
    } catch {
      // reported below
    }
    throw new AppError('FILE_MISSING', { message: `The file ${entry.path} is no longer there.` });
  };

  return {
    'library.list': async ({ scope }) => {
      const profileKey = currentProfile();
      return { profileKey, entries: await library.list(scope === 'all' ? null : profileKey) };
    },

    'library.verify': async ({ entryIds }) => {
      const ids = entryIds ?? (await library.list(currentProfile())).map((entry) => entry.entryId);
      const checks = await library.verify(ids);
      logger.info('verified exported files', {
        checked: checks.length,
        problems: checks.filter((c) => c.status !== 'ok').length,
      });
      return checks;
    },

    'library.reveal': async ({ entryId }) => {
      const entry = await entryOnDisk(entryId);
      platform.showItemInFolder(entry.path);
      return { revealed: true };
    },

    'library.open': async ({ entryId }) => {
      const entry = await entryOnDisk(entryId);
      const extension = OPENABLE_EXTENSIONS[entry.kind];
      if (extension === null) {
        throw new AppError('VALIDATION', {
          message:
            'Captured source files are not opened from Case Desk: they may be harmful. Use Show in folder.',
        });
      }
      if (!entry.fileName.toLowerCase().endsWith(extension)) {
        throw new AppError('VALIDATION', {
          message: `This file is not named like a ${entry.kind.toUpperCase()} file, so it is not opened. Use Show in folder.`,
        });
      }
      await platform.openPath(entry.path);
      return { opened: true };
    },
  };
}
