/**
 * Session and web-contents guards (design.md §6): no permissions, no navigation, no new windows, no
 * webviews, a CSP header on every response; links leave the app only as `https:` after a confirmation.
 */
import type { Session, WebContents } from 'electron';
import { buildCsp, parseExternalUrl } from './policy.js';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [buildCsp()] },
    });
  });
}

/** `openLink` receives only URLs that passed `parseExternalUrl`; it asks before opening. */
export function hardenWebContents(contents: WebContents, openLink: (url: string) => void): void {
  const offerExternally = (url: string): void => {
    const safe = parseExternalUrl(url);
    if (safe) openLink(safe);
  };
  // The page never leaves app://case-desk; a plain link click is offered to the browser instead.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    offerExternally(event.url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    offerExternally(url);
    return { action: 'deny' };
  });
}
