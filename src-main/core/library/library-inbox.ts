/**
 * How the command line records its exports in the app's library. The app keeps library.json in
 * memory and rewrites it whole, so a second process writing that file would lose entries (its own,
 * or the app's). Instead each CLI run drops one file into `<dataDir>/library-inbox/` (written whole,
 * then renamed: never seen half-written), and the library takes the inbox in when it reads itself
 * (export-library.ts): entries keep the ID given here, so a file taken in twice (the app stopped
 * between saving the library and deleting the file) adds nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LibraryEntry } from '../../../src-shared/domain/exports.js';
import { writeFileAtomic } from '../atomic-file.js';
import { errorCodeOf } from '../incydr/errors.js';
import { setAside } from '../own-file-errors.js';
import { libraryEntrySchema } from './library-file.js';

export const INBOX_DIR_NAME = 'library-inbox';
const INBOX_VERSION = 1;
/** Inbox files: `<time>-<uuid>.json` (temp files start with a dot and end in .tmp). */
const INBOX_FILE = /^[0-9]{13}-[a-f0-9-]{36}\.json$/u;

export type InboxEntry = Omit<LibraryEntry, 'entryId' | 'lastCheck'>;

const inboxFileSchema = z.object({
  version: z.literal(INBOX_VERSION),
  entries: z.array(libraryEntrySchema.omit({ lastCheck: true })),
});

export interface InboxFile {
  path: string;
  entries: LibraryEntry[];
}

export function inboxDir(dataDir: string): string {
  return path.join(dataDir, INBOX_DIR_NAME);
}

/** Drops `entries` into the inbox as one file; nothing when there are none. */
export async function postToInbox(
  dataDir: string,
  entries: readonly InboxEntry[],
  now: () => Date = () => new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  const file = {
    version: INBOX_VERSION,
    entries: entries.map((entry) => ({ ...entry, entryId: `entry-${randomUUID()}` })),
  };
  const name = `${String(now().getTime()).padStart(13, '0')}-${randomUUID()}.json`;
  await writeFileAtomic(path.join(inboxDir(dataDir), name), `${JSON.stringify(file, null, 1)}\n`);
}

/**
 * The inbox's files, oldest first. An unreadable one is moved aside (`….corrupt-<time>`) and reported
 * through `onCorrupt`, never thrown: it must not keep the library from opening.
 */
export async function readInbox(
  dataDir: string,
  options: { now?: () => Date; onCorrupt?: (copy: string, why: string) => void } = {},
): Promise<InboxFile[]> {
  const dir = inboxDir(dataDir);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => INBOX_FILE.test(name)).sort();
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') return [];
    throw error;
  }
  const files: InboxFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') continue; // taken in meanwhile by another read
      throw error;
    }
    let parsed;
    try {
      parsed = inboxFileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      const why = parsed ? 'it has an unexpected shape' : 'it is not valid JSON';
      const copy = await setAside(
        file,
        options.now?.() ?? new Date(),
        'An export library inbox file',
        why,
      ).catch(
        () => file, // could not be moved: it stays, and is skipped again next time
      );
      options.onCorrupt?.(copy, why);
      continue;
    }
    files.push({ path: file, entries: parsed.data.entries.map((entry) => ({ ...entry, lastCheck: null })) });
  }
  return files;
}

/** Deletes inbox files once their entries are saved in the library. */
export async function clearInbox(files: readonly InboxFile[]): Promise<void> {
  await Promise.all(files.map((file) => rm(file.path, { force: true })));
}
