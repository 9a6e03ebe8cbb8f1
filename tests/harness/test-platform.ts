/**
 * A `Platform` for tests and the browser harness: the folder picker returns the folder the test set,
 * confirmations answer what the test says, and everything handed to the OS is recorded, not done.
 */
import type { Platform } from '../../src-main/core/platform.js';

export interface TestPlatform extends Platform {
  /** What the next `chooseFolder` returns; null acts as "cancelled". */
  folder: string | null;
  /** What every `confirm` answers. */
  confirmAnswer: boolean;
  readonly folderRequests: (string | undefined)[];
  /** The `defaultPath` each `chooseFolder` was opened at. */
  readonly folderDefaults: (string | undefined)[];
  readonly confirms: { message: string; detail: string | undefined }[];
  readonly openedExternal: string[];
  readonly shownInFolder: string[];
  readonly openedPaths: string[];
  /** Every taskbar progress value set (null: cleared). */
  readonly progressValues: (number | null)[];
  readonly notifications: { title: string; body: string }[];
  /** Forgets everything recorded (the folder and answer stay). */
  reset(): void;
}

export function createTestPlatform(
  options: { folder?: string | null; confirmAnswer?: boolean } = {},
): TestPlatform {
  const platform: TestPlatform = {
    folder: options.folder ?? null,
    confirmAnswer: options.confirmAnswer ?? false,
    folderRequests: [],
    folderDefaults: [],
    confirms: [],
    openedExternal: [],
    shownInFolder: [],
    openedPaths: [],
    progressValues: [],
    notifications: [],
    async chooseFolder(title, defaultPath) {
      platform.folderRequests.push(title);
      platform.folderDefaults.push(defaultPath);
      return platform.folder;
    },
    async confirm(message, detail) {
      platform.confirms.push({ message, detail });
      return platform.confirmAnswer;
    },
    async openExternal(url) {
      platform.openedExternal.push(url);
    },
    showItemInFolder(path) {
      platform.shownInFolder.push(path);
    },
    async openPath(path) {
      platform.openedPaths.push(path);
    },
    progress(fraction) {
      platform.progressValues.push(fraction);
    },
    notify(title, body) {
      platform.notifications.push({ title, body });
    },
    reset() {
      for (const list of [
        platform.folderRequests,
        platform.folderDefaults,
        platform.confirms,
        platform.openedExternal,
        platform.shownInFolder,
        platform.openedPaths,
        platform.progressValues,
        platform.notifications,
      ]) {
        list.length = 0;
      }
    },
  };
  return platform;
}
