/**
 * Where profiles (the non-secret part) are kept: `<dataDir>/profiles.json`, written atomically with
 * mode 0600 and checked with zod on every read. A file that cannot be read is never silently dropped:
 * it is moved aside to `profiles.json.corrupt-<time>` and the read fails with SETTINGS_CORRUPT naming
 * that copy; the next read starts from an empty list.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../ipc/app-error.js';
import { writeFileAtomic } from '../atomic-file.js';
import { errorCodeOf } from '../incydr/errors.js';
import { dataDirError, setAside } from '../own-file-errors.js';
import { emptyProfilesFile, profilesFileSchema } from './profiles.js';
import type { ProfilesFile } from './profiles.js';

export const PROFILES_FILE_NAME = 'profiles.json';

export interface ProfileStore {
  /** The saved profiles; an empty file when none were ever saved. */
  read(): Promise<ProfilesFile>;
  /** Replaces the saved profiles. */
  write(file: ProfilesFile): Promise<void>;
}

export class FileProfileStore implements ProfileStore {
  readonly path: string;

  constructor(
    readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(dataDir, PROFILES_FILE_NAME);
  }

  async read(): Promise<ProfilesFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return emptyProfilesFile();
      throw dataDirError(error, this.dataDir);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.corrupt('it is not valid JSON');
    }
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > 1) {
      // A newer Case Desk wrote it: leave it alone rather than "repair" what this version cannot read.
      throw new AppError('SETTINGS_CORRUPT', {
        message: `The profiles file ${this.path} was written by a newer version of Case Desk (format ${version}). Update Case Desk to use it.`,
      });
    }
    const parsed = profilesFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      return this.corrupt(`${issue?.message ?? 'unexpected content'}${where}`);
    }
    const file: ProfilesFile = { version: 1, selectedProfileId: parsed.data.selectedProfileId, profiles: [] };
    for (const p of parsed.data.profiles) {
      file.profiles.push({
        id: p.id,
        label: p.label,
        ...(p.region === undefined ? {} : { region: p.region }),
        baseUrl: p.baseUrl,
        clientId: p.clientId,
        createdAt: p.createdAt,
        ...(p.lastUsedAt === undefined ? {} : { lastUsedAt: p.lastUsedAt }),
      });
    }
    return file;
  }

  async write(file: ProfilesFile): Promise<void> {
    // Only known keys, in a fixed order: nothing else can slip into the file.
    const out: ProfilesFile = {
      version: 1,
      selectedProfileId: file.selectedProfileId,
      profiles: file.profiles.map((p) => ({
        id: p.id,
        label: p.label,
        ...(p.region === undefined ? {} : { region: p.region }),
        baseUrl: p.baseUrl,
        clientId: p.clientId,
        createdAt: p.createdAt,
        ...(p.lastUsedAt === undefined ? {} : { lastUsedAt: p.lastUsedAt }),
      })),
    };
    profilesFileSchema.parse(out);
    try {
      await writeFileAtomic(this.path, `${JSON.stringify(out, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      throw dataDirError(error, this.dataDir);
    }
  }

  /** Moves the unreadable file aside and fails with a sentence that names the copy. */
  private async corrupt(why: string): Promise<never> {
    const copy = await setAside(this.path, this.now(), 'The profiles file', why);
    throw new AppError('SETTINGS_CORRUPT', {
      message:
        `The profiles file could not be read (${why}). It was kept as ${copy}; ` + 'add your profiles again.',
      details: { copy },
    });
  }
}
