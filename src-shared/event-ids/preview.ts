import { LIMITS } from '../domain/case.js';
import type { ParsedEventIds } from './types.js';

export interface PreviewAttachOptions {
  /** IDs already attached to the case. */
  alreadyOnCase: ReadonlySet<string>;
  /** How many events the case holds now (may exceed `alreadyOnCase.size` when that set is partial). */
  currentCount: number;
  /** Most events a case may hold. Default 10,000 (the API's limit). */
  cap?: number;
}

export interface AttachPreview {
  /** New IDs that fit under the cap, in input order. */
  toAttach: string[];
  /** IDs the case already has; attaching them again would be refused. */
  alreadyAttached: string[];
  /** New IDs beyond the cap, in input order. */
  overCap: string[];
  /** Repeats within the input (each ID is offered once). */
  duplicates: number;
  /** Entries that are not event IDs. */
  malformedCount: number;
  /** Free places on the case before this attach. */
  room: number;
  cap: number;
}

/** What attaching the parsed IDs to a case would do, before anything is sent. */
export function previewAttach(parsed: ParsedEventIds, options: PreviewAttachOptions): AttachPreview {
  const cap = options.cap ?? LIMITS.eventsPerCase;
  const room = Math.max(0, cap - options.currentCount);
  const toAttach: string[] = [];
  const alreadyAttached: string[] = [];
  const overCap: string[] = [];
  for (const id of parsed.ids) {
    if (options.alreadyOnCase.has(id)) alreadyAttached.push(id);
    else if (toAttach.length < room) toAttach.push(id);
    else overCap.push(id);
  }
  return {
    toAttach,
    alreadyAttached,
    overCap,
    duplicates: parsed.duplicates,
    malformedCount: parsed.malformedCount,
    room,
    cap,
  };
}
