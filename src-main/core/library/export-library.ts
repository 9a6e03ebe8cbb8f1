/**
 * The offline export library (issue 6): every file exported on this machine — single downloads and
 * bulk export items — with its case, kind, time, absolute path, size and SHA-256, per profile, in
 * `<dataDir>/library.json`. It needs no network: `verify()` re-hashes the files (streamed) and flags
 * the missing and the altered ones.
 *
 * Adds are frequent during a bulk export, so the file is written coalesced (atomically each time);
 * `flush()` waits for the last write. A file that cannot be read is moved aside to
 * `library.json.corrupt-<time>` and the read fails once with SETTINGS_CORRUPT naming the copy.
 * What the command line exported arrives through an inbox folder, taken in on each read
 * (library-inbox.ts): this object stays the only writer of library.json.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryCheck, LibraryCheckStatus, LibraryEntry } from '../../../src-shared/domain/exports.js';
import { CoalescedTask } from '../exports/coalesced-task.js';
import { errorCodeOf } from '../incydr/errors.js';
import { AppError } from '../ipc/app-error.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import { writeFileAtomic } from '../atomic-file.js';
import { setAside } from '../own-file-errors.js';
import { hashFile } from './hash-file.js';
import { clearInbox, readInbox } from './library-inbox.js';
import { LIBRARY_FILE_NAME, LIBRARY_FILE_VERSION, libraryFileSchema } from './library-file.js';
import type { LibraryFile } from './library-file.js';

export type NewLibraryEntry = Omit<LibraryEntry, 'entryId' | 'lastCheck'>;

export interface ExportLibraryOptions {
  logger?: Logger;
  now?: () => Date;
  /**
   * Least time between two writes of the file; default 250 ms, longer for a large library (a tenth
   * of a millisecond per entry).
   */
  writeIntervalMs?: number;
}

export class ExportLibrary {
  readonly path: string;
  private file: LibraryFile | undefined;
  private loading: Promise<LibraryFile> | undefined;
  private readonly writer: CoalescedTask;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private takingIn: Promise<void> | undefined;

  constructor(
    readonly dataDir: string,
    options: ExportLibraryOptions = {},
  ) {
    this.path = path.join(dataDir, LIBRARY_FILE_NAME);
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.writer = new CoalescedTask(() => this.write(), {
      minIntervalMs:
        options.writeIntervalMs ?? (() => Math.max(250, Math.round((this.file?.entries.length ?? 0) / 10))),
      onError: (error) => this.logger.warn('could not save the export library', { error }),
    });
  }

  /** Records a saved file; the file on disk follows shortly (see `flush`). */
  async add(entry: NewLibraryEntry): Promise<LibraryEntry> {
    const file = await this.readOrStartOver();
    const added: LibraryEntry = { ...entry, entryId: `entry-${randomUUID()}`, lastCheck: null };
    file.entries.push(added);
    this.writer.request();
    return { ...added };
  }

  /** Entries of one profile (all profiles when `profileKey` is null), newest first. */
  async list(profileKey: string | null): Promise<LibraryEntry[]> {
    const file = await this.current();
    return file.entries
      .filter((entry) => profileKey === null || entry.profileKey === profileKey)
      .map((entry) => copy(entry))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async get(entryId: string): Promise<LibraryEntry | undefined> {
    const entry = (await this.current()).entries.find((e) => e.entryId === entryId);
    return entry && copy(entry);
  }

  /**
   * Re-reads the files and compares them with what was recorded: `missing` when gone, `altered` when
   * the size or the SHA-256 differs, else `ok`. The result is remembered as each entry's last check.
   */
  async verify(entryIds: readonly string[]): Promise<LibraryCheck[]> {
    const file = await this.current();
    const checks: LibraryCheck[] = [];
    for (const entryId of entryIds) {
      const entry = file.entries.find((e) => e.entryId === entryId);
      if (!entry) continue;
      const { status, bytes } = await checkFile(entry);
      const checkedAt = this.now().toISOString();
      entry.lastCheck = { status, checkedAt, bytes };
      checks.push({ entryId, status, checkedAt, bytes });
    }
    if (checks.length > 0) this.writer.request();
    return checks;
  }

  /** Waits until every change so far is on disk. */
  flush(): Promise<void> {
    return this.file ? this.writer.flush() : Promise.resolve();
  }

  /**
   * The library with the inbox taken in. Read first, so an unreadable library.json still fails the
   * caller once with SETTINGS_CORRUPT (the take-in would otherwise meet that error and only log it).
   */
  private async current(): Promise<LibraryFile> {
    await this.read();
    await this.takeInInbox();
    return this.read();
  }

  /** Adds the entries the command line left in the inbox; one take-in at a time. Never throws. */
  private takeInInbox(): Promise<void> {
    this.takingIn ??= this.takeIn()
      .catch((error: unknown) => this.logger.warn('could not take in the export library inbox', { error }))
      .finally(() => {
        this.takingIn = undefined;
      });
    return this.takingIn;
  }

  private async takeIn(): Promise<void> {
    const inbox = await readInbox(this.dataDir, {
      now: this.now,
      onCorrupt: (copy, why) =>
        this.logger.warn('set aside an unreadable export library inbox file', { copy, why }),
    });
    if (inbox.length === 0) return;
    const file = await this.read();
    const known = new Set(file.entries.map((entry) => entry.entryId));
    for (const entry of inbox.flatMap((f) => f.entries)) {
      if (known.has(entry.entryId)) continue; // taken in before, the inbox file not yet deleted
      known.add(entry.entryId);
      file.entries.push(entry);
    }
    // Saved before the inbox files go: a failed write throws here and leaves them for next time. A
    // coalesced save in flight may end after this one with the entries missing, so ask for one more.
    await this.write();
    this.writer.request();
    await clearInbox(inbox);
  }

  private async write(): Promise<void> {
    if (!this.file) return;
    await writeFileAtomic(this.path, `${JSON.stringify(this.file, null, 1)}\n`);
  }

  /** For adds: a damaged file is moved aside (and logged) rather than losing the new entry. */
  private async readOrStartOver(): Promise<LibraryFile> {
    try {
      return await this.read();
    } catch (error) {
      if (error instanceof AppError && error.code === 'SETTINGS_CORRUPT' && this.file) {
        this.logger.warn('the export library was unreadable and started over', { error: error.message });
        return this.file;
      }
      throw error;
    }
  }

  private read(): Promise<LibraryFile> {
    if (this.file) return Promise.resolve(this.file);
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<LibraryFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT')
        return (this.file = { version: LIBRARY_FILE_VERSION, entries: [] });
      throw new AppError('UNKNOWN', {
        message: `The export library ${this.path} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.corrupt('it is not valid JSON');
    }
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > LIBRARY_FILE_VERSION) {
      throw new AppError('SETTINGS_CORRUPT', {
        message: `The export library ${this.path} was written by a newer version of Case Desk. Update Case Desk to use it.`,
      });
    }
    const parsed = libraryFileSchema.safeParse(raw);
    if (!parsed.success) return this.corrupt('it has an unexpected shape');
    return (this.file = parsed.data);
  }

  /** Moves the unreadable file aside, starts an empty library and fails with a sentence naming the copy. */
  private async corrupt(why: string): Promise<never> {
    const copy = await setAside(this.path, this.now(), 'The export library', why);
    this.file = { version: LIBRARY_FILE_VERSION, entries: [] };
    throw new AppError('SETTINGS_CORRUPT', {
      message: `The export library could not be read (${why}). The file was kept as ${copy}; the library starts empty.`,
      details: { copy },
    });
  }
}

async function checkFile(entry: LibraryEntry): Promise<{ status: LibraryCheckStatus; bytes: number | null }> {
  let size: number;
  try {
    const info = await stat(entry.path);
    if (!info.isFile()) return { status: 'missing', bytes: null };
    size = info.size;
  } catch {
    return { status: 'missing', bytes: null };
  }
  if (size !== entry.bytes) return { status: 'altered', bytes: size };
  try {
    const { bytes, sha256 } = await hashFile(entry.path);
    return { status: sha256 === entry.sha256 && bytes === entry.bytes ? 'ok' : 'altered', bytes };
  } catch {
    // Vanished (or became unreadable) between the size check and the read.
    return { status: 'missing', bytes: null };
  }
}

function copy(entry: LibraryEntry): LibraryEntry {
  return { ...entry, lastCheck: entry.lastCheck && { ...entry.lastCheck } };
}
