/**
 * `dialog.*` and `shell.*`: the native folder picker and external links. The renderer never names a
 * path (it gets a folder handle) and never opens a link itself: main parses the URL, allows only
 * `https:`, and asks the investigator first (design.md §6).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { checkExternalLink } from '../../../src-shared/urls.js';
import { validationError } from '../ipc/app-error.js';
import { LastFolderStore } from '../settings/last-folders.js';
import type { HandlerContext, HandlersOf } from './context.js';

export const OPEN_LINK_QUESTION = 'Open this link in your browser?';

/** The URL as it will be opened, or a VALIDATION error for anything but a plain `https:` link. */
export function checkExternalUrl(raw: string): string {
  const check = checkExternalLink(raw);
  if (!check.ok) throw validationError('url', check.reason);
  return check.href;
}

export function shellHandlers({
  platform,
  folders,
  logger,
  session,
  dataDir,
}: HandlerContext): HandlersOf<'dialog'> & HandlersOf<'folders'> & HandlersOf<'shell'> {
  const lastFolders = new LastFolderStore(dataDir);
  /** The connected profile's key; null when offline (nothing is remembered then). */
  const profileKey = (): string | null => (session.info().connected ? session.profileKey() : null);
  /** The profile's last folder while it is still a folder. */
  const lastFolder = async (): Promise<string | null> => {
    const key = profileKey();
    const folder = key === null ? null : await lastFolders.get(key);
    if (folder === null) return null;
    const info = await stat(folder).catch(() => null);
    return info?.isDirectory() ? folder : null;
  };

  return {
    'dialog.chooseFolder': async ({ title }) => {
      const chosen = await platform.chooseFolder(title, (await lastFolder()) ?? undefined);
      if (chosen === null) return null;
      const absolute = path.resolve(chosen);
      const key = profileKey();
      if (key !== null) {
        await lastFolders
          .set(key, absolute)
          .catch((error: unknown) => logger.warn('could not remember the export folder', { error }));
      }
      return { folderId: folders.register(absolute), path: absolute };
    },

    'folders.last': async () => {
      const folder = await lastFolder();
      return folder === null ? null : { folderId: folders.register(folder), path: folder };
    },

    'shell.openExternal': async ({ url }) => {
      const href = checkExternalUrl(url);
      // The investigator sees the link exactly as it will be opened.
      if (!(await platform.confirm(OPEN_LINK_QUESTION, href))) return { opened: false };
      await platform.openExternal(href);
      logger.info('opened an external link', { host: new URL(href).host });
      return { opened: true };
    },
  };
}
