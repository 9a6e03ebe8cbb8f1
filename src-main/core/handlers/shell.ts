/**
 * `dialog.*` and `shell.*`: the native folder picker and external links. The renderer never names a
 * path (it gets a folder handle) and never opens a link itself: main parses the URL, allows only
 * `https:`, and asks the investigator first (design.md §6).
 */
import path from 'node:path';
import { checkExternalLink } from '../../../src-shared/urls.js';
import { validationError } from '../ipc/app-error.js';
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
}: HandlerContext): HandlersOf<'dialog'> & HandlersOf<'shell'> {
  return {
    'dialog.chooseFolder': async ({ title }) => {
      const chosen = await platform.chooseFolder(title);
      if (chosen === null) return null;
      const absolute = path.resolve(chosen);
      return { folderId: folders.register(absolute), path: absolute };
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
