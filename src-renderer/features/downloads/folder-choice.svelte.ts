/**
 * The folder an export goes to: the one last chosen with this profile (main remembers it) until the
 * investigator picks another in the native dialog. The page holds only main's handle and the path to
 * show; it never sends a path back.
 */
import type { FolderChoice } from '../../../src-shared/ipc/contract.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import type { ApiError } from '../../lib/api.js';

export class FolderChoiceState {
  choice = $state.raw<FolderChoice | null>(null);
  picking = $state(false);
  error = $state.raw<ApiError | null>(null);

  /** Offers the profile's last folder, if it is still there. */
  async load(): Promise<void> {
    try {
      this.choice = unwrap(await caseDesk().folders.last({}));
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  /** Opens the native picker; keeps the current folder when the investigator cancels. */
  async change(title = 'Choose the folder to save to'): Promise<FolderChoice | null> {
    this.picking = true;
    this.error = null;
    try {
      const picked = unwrap(await caseDesk().dialog.chooseFolder({ title }));
      if (picked) this.choice = picked;
      return picked;
    } catch (error) {
      this.error = toApiError(error);
      return null;
    } finally {
      this.picking = false;
    }
  }

  /** The chosen folder, asking for one first when there is none. */
  async ensure(): Promise<FolderChoice | null> {
    return this.choice ?? (await this.change());
  }
}
