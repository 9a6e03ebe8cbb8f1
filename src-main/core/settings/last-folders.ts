/**
 * The export folder chosen last, per profile, in `<dataDir>/last-folders.json`, so the next export
 * offers it instead of asking again (issue 6). Only absolute paths the native picker returned are
 * kept; a file that cannot be read or does not fit the schema counts as empty (it is a convenience,
 * not data: the next choice rewrites it).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file.js';

export const LAST_FOLDERS_FILE_NAME = 'last-folders.json';

const fileSchema = z.object({
  version: z.literal(1),
  folders: z.record(z.string().max(500), z.string().min(1).max(4096)),
});
type LastFoldersFile = z.infer<typeof fileSchema>;

export class LastFolderStore {
  readonly path: string;
  /** Writes run one at a time, in call order. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataDir: string) {
    this.path = path.join(dataDir, LAST_FOLDERS_FILE_NAME);
  }

  /** The folder the profile chose last, or null. */
  async get(profileKey: string): Promise<string | null> {
    await this.#queue.catch(() => undefined);
    const folder = (await this.#read()).folders[profileKey];
    return folder !== undefined && path.isAbsolute(folder) ? folder : null;
  }

  /** Remembers an absolute folder for the profile. */
  set(profileKey: string, folder: string): Promise<void> {
    if (!path.isAbsolute(folder)) return Promise.reject(new Error('Only an absolute folder is remembered.'));
    const next = this.#queue
      .catch(() => undefined)
      .then(async () => {
        const file = await this.#read();
        file.folders[profileKey] = path.resolve(folder);
        await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`);
      });
    this.#queue = next;
    return next;
  }

  async #read(): Promise<LastFoldersFile> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // missing or unreadable: start over
    }
    return { version: 1, folders: {} };
  }
}
