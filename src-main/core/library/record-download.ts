/** Single downloads (the case page, the events table) go into the export library too. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DownloadManager } from '../downloads/download-manager.js';
import type { SavedFile } from '../downloads/save-stream.js';
import type { Logger } from '../log.js';
import type { ExportLibrary, NewLibraryEntry } from './export-library.js';

/** Who is connected: the profile the library files an entry under. */
export interface ProfileSource {
  profileKey(): string;
  info(): { label: string | null };
}

/** The library entry of a single download (one not part of a bulk export job). */
export function singleDownloadEntry(
  about: Omit<NewLibraryEntry, 'path' | 'fileName' | 'bytes' | 'sha256' | 'jobId'>,
  saved: SavedFile,
): NewLibraryEntry {
  return {
    ...about,
    path: saved.path,
    fileName: saved.fileName,
    bytes: saved.bytes,
    sha256: saved.sha256,
    jobId: null,
  };
}

/** How long a saved download waits for its case's name before it is recorded without one. */
const NAME_LOOKUP_MS = 2000;

/** Records every file `downloads` saves; returns the unsubscribe function. */
export function recordSingleDownloads(
  downloads: DownloadManager,
  library: ExportLibrary,
  session: ProfileSource,
  options: { logger: Logger; now?: () => Date },
): () => void {
  const now = options.now ?? (() => new Date());
  return downloads.onSaved(async ({ request, saved, client }) => {
    const savedAt = now().toISOString();
    // The download request names only the number; the name makes the library readable.
    const caseName = await Promise.race([
      client.getCase(request.caseNumber).then(
        (detail) => detail.name,
        () => null,
      ),
      sleep(NAME_LOOKUP_MS, null, { ref: false }),
    ]);
    await library.add(
      singleDownloadEntry(
        {
          profileKey: session.profileKey(),
          profileLabel: session.info().label ?? '',
          caseNumber: request.caseNumber,
          caseName,
          kind: request.kind,
          eventId: request.kind === 'source' ? request.eventId : null,
          savedAt,
        },
        saved,
      ),
    );
    options.logger.debug('recorded a download in the library', { kind: request.kind });
  });
}
