/**
 * Folders the investigator picked in the native dialog, by opaque handle. The renderer only ever holds
 * a `folder-<uuid>` handle, never a path it could choose itself, so a compromised page cannot make
 * main write anywhere but a folder the investigator chose (design.md §6).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { validationError } from '../ipc/app-error.js';

export class FolderRegistry {
  private readonly byId = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

  /** Remembers an absolute folder path and returns its handle (the same handle for the same folder). */
  register(folder: string): string {
    if (!path.isAbsolute(folder)) throw new Error('Only an absolute folder path can be registered.');
    const absolute = path.resolve(folder);
    const known = this.byPath.get(absolute);
    if (known !== undefined) return known;
    const folderId = `folder-${randomUUID()}`;
    this.byId.set(folderId, absolute);
    this.byPath.set(absolute, folderId);
    return folderId;
  }

  /** The folder behind a handle, or undefined for a handle main never gave out. */
  resolve(folderId: string): string | undefined {
    return this.byId.get(folderId);
  }

  /** The folder behind a handle; a VALIDATION error for a handle main never gave out. */
  require(folderId: string): string {
    const folder = this.resolve(folderId);
    if (folder === undefined) {
      throw validationError(
        'folderId',
        'Choose the folder again: this folder was not chosen in this session.',
      );
    }
    return folder;
  }
}
