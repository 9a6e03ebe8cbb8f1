/**
 * Attaching file events to a case from pasted text or a dropped file, in three steps:
 * 1. read: `parseEventIds` (src-shared, the same parser the CLI uses) and `previewAttach` against the
 *    events the case already has: how many IDs, duplicates, already attached, malformed, the cap;
 * 2. attach: the new IDs go to `events.add` (batches of 1,000 in main), whose progress arrives as
 *    `events.attachProgress` pushes;
 * 3. results: one line per ID — attached, already attached, not found, failed with the plain sentence.
 * A case that is not open refuses before anything is read or sent.
 */
import type { CaseStatus } from '../../../src-shared/domain/case.js';
import { messageFor } from '../../../src-shared/domain/problems.js';
import { parseEventIds, previewAttach } from '../../../src-shared/event-ids/index.js';
import type { AttachPreview, ParsedEventIds } from '../../../src-shared/event-ids/index.js';
import type { AttachResult } from '../../../src-shared/ipc/contract.js';
import { caseDesk, toApiError, unwrap } from '../../lib/api.js';
import { formatCount } from '../../lib/format.js';

/** Files bigger than this are refused before reading (the parser reads at most 32 Mi characters). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type AttachPhase = 'input' | 'preview' | 'attaching' | 'results';
export type ResultStatus = AttachResult['status'];
export const RESULT_STATUSES: readonly ResultStatus[] = [
  'attached',
  'already-attached',
  'not-found',
  'failed',
];

export const STATUS_LABELS: Record<ResultStatus, string> = {
  attached: 'Attached',
  'already-attached': 'Already attached',
  'not-found': 'Not found',
  failed: 'Failed',
};

/** What attaching needs to know about the case and its events. */
export interface AttachTarget {
  caseNumber: number;
  status: () => CaseStatus | null;
  /** IDs of the events the case has (as far as they are read). */
  knownIds: () => ReadonlySet<string>;
  /** How many events the case holds now. */
  count: () => number;
  /** Called when an attach run has finished (to read the case's events again). */
  onattached: () => void;
}

export interface AttachSource {
  kind: 'paste' | 'file';
  /** The file's name, for a file. */
  name?: string;
}

/** The plain sentence for a case that cannot take events, or null when it can. */
export function refusalFor(status: CaseStatus | null): string | null {
  if (status === 'CLOSED') return messageFor('CASE_IS_CLOSED');
  if (status === 'ARCHIVED') return 'This case is archived, so file events cannot be attached to it.';
  return null;
}

export class AttachState {
  readonly target: AttachTarget;
  phase = $state<AttachPhase>('input');
  /** The paste box. */
  text = $state('');
  source = $state<AttachSource | null>(null);
  parsed = $state.raw<ParsedEventIds | null>(null);
  preview = $state.raw<AttachPreview | null>(null);
  /** A sentence when the input cannot be used (closed case, unreadable file, nothing in it). */
  problem = $state<string | null>(null);
  progress = $state<{ done: number; total: number } | null>(null);
  results = $state.raw<AttachResult[]>([]);
  filter = $state<ResultStatus | 'all'>('all');

  counts = $derived.by(() => {
    const counts: Record<ResultStatus, number> = {
      attached: 0,
      'already-attached': 0,
      'not-found': 0,
      failed: 0,
    };
    for (const r of this.results) counts[r.status]++;
    return counts;
  });
  shownResults = $derived(
    this.filter === 'all' ? this.results : this.results.filter((r) => r.status === this.filter),
  );

  constructor(target: AttachTarget) {
    this.target = target;
  }

  /** The case cannot take events: say so, and read nothing. */
  #refused(): boolean {
    const refusal = refusalFor(this.target.status());
    if (refusal) this.problem = refusal;
    return refusal !== null;
  }

  /** Reads the paste box. */
  previewText(): void {
    this.#read(this.text, { kind: 'paste' });
  }

  /** Reads a dropped or chosen file. */
  async previewFile(file: File): Promise<void> {
    this.problem = null;
    if (this.#refused()) return;
    if (this.phase === 'attaching') return;
    if (file.size > MAX_FILE_BYTES) {
      this.problem =
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a file of event IDs can be at most ` +
        `${MAX_FILE_BYTES / 1024 / 1024} MB.`;
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch {
      this.problem = `${file.name} could not be read.`;
      return;
    }
    this.#read(content, { kind: 'file', name: file.name });
  }

  #read(content: string, source: AttachSource): void {
    this.problem = null;
    if (this.#refused() || this.phase === 'attaching') return;
    const parsed = parseEventIds(content, source.name === undefined ? {} : { fileName: source.name });
    this.source = source;
    this.parsed = parsed;
    this.preview = parsed.error
      ? null
      : previewAttach(parsed, { alreadyOnCase: this.target.knownIds(), currentCount: this.target.count() });
    this.phase = 'preview';
  }

  /** Sends the new IDs and collects one result per ID of the input. */
  async attach(): Promise<void> {
    const preview = this.preview;
    if (!preview || this.phase !== 'preview') return;
    this.problem = null;
    if (this.#refused()) return;
    const { caseNumber } = this.target;
    const notSent: AttachResult[] = [
      ...preview.alreadyAttached.map((eventId): AttachResult => ({
        eventId,
        status: 'already-attached',
        code: 'CASE_ALREADY_HAS_EVENT',
        message: `${messageFor('CASE_ALREADY_HAS_EVENT')} (Not sent.)`,
      })),
      ...preview.overCap.map((eventId): AttachResult => ({
        eventId,
        status: 'failed',
        code: 'TOO_MANY_EVENTS',
        message: `${messageFor('TOO_MANY_EVENTS')} (Not sent: the case has no room for it.)`,
      })),
    ];
    if (preview.toAttach.length === 0) {
      this.results = notSent;
      this.phase = 'results';
      return;
    }
    this.phase = 'attaching';
    this.progress = { done: 0, total: preview.toAttach.length };
    const unsubscribe = caseDesk().on('events.attachProgress', (p) => {
      if (p.caseNumber === caseNumber) this.progress = { done: p.done, total: p.total };
    });
    let sent: AttachResult[];
    try {
      sent = unwrap(await caseDesk().events.add({ number: caseNumber, eventIds: preview.toAttach }));
    } catch (error) {
      // The request as a whole failed (nothing per ID came back): every ID gets that sentence.
      const { code, message } = toApiError(error);
      sent = preview.toAttach.map(
        (eventId) => ({ eventId, status: 'failed', code, message }) as AttachResult,
      );
    } finally {
      unsubscribe();
    }
    this.results = [...sent, ...notSent];
    this.filter = 'all';
    this.phase = 'results';
    this.target.onattached();
  }

  /** Back to the paste box, keeping what was pasted. */
  back(): void {
    if (this.phase === 'attaching') return;
    this.phase = 'input';
    this.parsed = null;
    this.preview = null;
    this.problem = null;
  }

  /** A fresh start after results. */
  reset(): void {
    this.back();
    this.text = '';
    this.source = null;
    this.results = [];
    this.progress = null;
  }

  /** A one-line summary of the results, for the live region. */
  summary(): string {
    const c = this.counts;
    return RESULT_STATUSES.filter((s) => c[s] > 0)
      .map((s) => `${STATUS_LABELS[s]}: ${formatCount(c[s])}`)
      .join(', ');
  }
}
