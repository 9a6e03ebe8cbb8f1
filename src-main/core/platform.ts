/**
 * What the handlers need from the desktop around them: native dialogs and the OS shell. The Electron
 * shell implements it (src-main/electron/platform.ts); tests, the CLI and the browser harness pass
 * their own, so no handler imports `electron`.
 */
export interface Platform {
  /** The native folder picker, opened at `defaultPath` when given; `null` when the investigator cancels. */
  chooseFolder(title?: string, defaultPath?: string): Promise<string | null>;
  /** A native yes/no question; resolves `true` only when the investigator confirms. */
  confirm(message: string, detail?: string): Promise<boolean>;
  /** Opens a URL in the default browser. Callers check the URL first (only `https:`). */
  openExternal(url: string): Promise<void>;
  /** Shows a saved file in the OS file manager. */
  showItemInFolder(path: string): void;
  /** Opens a saved file or folder with its default application. */
  openPath(path: string): Promise<void>;
  /** The taskbar / dock progress of running exports: 0..1, or null to clear it. */
  progress(fraction: number | null): void;
  /** An OS notification (a long export ended). */
  notify(title: string, body: string): void;
}
