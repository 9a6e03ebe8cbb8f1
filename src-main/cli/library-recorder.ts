/**
 * A long `cases export` records its saved files in the app's export library in batches, so a run
 * killed midway (or a machine losing power) leaves at most one batch unrecorded; the files themselves
 * are already saved either way.
 */
import type { InboxEntry } from '../core/library/library-inbox.js';

export const LIBRARY_BATCH = 100;

export class LibraryRecorder {
  private pending: InboxEntry[] = [];
  private posted: Promise<void> = Promise.resolve();

  /** `record` must not throw (CliContext.recordInLibrary turns failures into a warning). */
  constructor(
    private readonly record: (entries: readonly InboxEntry[]) => Promise<void>,
    private readonly batch = LIBRARY_BATCH,
  ) {}

  add(entry: InboxEntry): void {
    this.pending.push(entry);
    if (this.pending.length >= this.batch) this.post();
  }

  /** Records what is left and waits until every batch is recorded, in order. */
  async close(): Promise<void> {
    this.post();
    await this.posted;
  }

  private post(): void {
    if (this.pending.length === 0) return;
    const entries = this.pending;
    this.pending = [];
    this.posted = this.posted.then(() => this.record(entries));
  }
}
