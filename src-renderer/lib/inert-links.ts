/**
 * Clicks on links inside rendered markdown: never the browser's navigation, always a request to main
 * (`shell.openExternal`), which asks the investigator to confirm and opens only `https:` URLs.
 */
import { caseDesk } from './api.js';
import { EXTERNAL_URL_ATTR, httpsUrl } from './markdown.js';

export interface InertLinkOptions {
  /** Told when main refuses or fails, so the screen can say so. */
  onError?: (message: string) => void;
}

/** A Svelte attachment for a container of rendered markdown: handles click and Enter on its links. */
export function inertLinks(options: InertLinkOptions = {}) {
  return (container: HTMLElement): (() => void) => {
    const activate = (event: Event): void => {
      const target = event.target instanceof Element ? event.target.closest('a, [role="link"]') : null;
      if (!target || !container.contains(target)) return;
      event.preventDefault();
      const url = httpsUrl(target.getAttribute(EXTERNAL_URL_ATTR));
      if (url) void open(url, options);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Enter') activate(event);
    };
    container.addEventListener('click', activate);
    container.addEventListener('auxclick', activate);
    container.addEventListener('keydown', onKey);
    return () => {
      container.removeEventListener('click', activate);
      container.removeEventListener('auxclick', activate);
      container.removeEventListener('keydown', onKey);
    };
  };
}

async function open(url: string, options: InertLinkOptions): Promise<void> {
  try {
    const result = await caseDesk().shell.openExternal({ url });
    if (!result.ok) options.onError?.(result.error.message);
  } catch {
    options.onError?.('The link could not be opened.');
  }
}
