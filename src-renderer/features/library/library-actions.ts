/**
 * Show in folder / Open for a saved file. Main acts only on files its library recorded, by entry
 * handle; a single download is found by the path main reported for it.
 */
import { caseDesk, unwrap } from '../../lib/api.js';

export async function revealEntry(entryId: string): Promise<void> {
  unwrap(await caseDesk().library.reveal({ entryId }));
}

export async function openEntry(entryId: string): Promise<void> {
  unwrap(await caseDesk().library.open({ entryId }));
}

/** The library entry main recorded for a file it saved at `path`, or null. */
export async function entryIdForPath(path: string): Promise<string | null> {
  const { entries } = unwrap(await caseDesk().library.list({}));
  return entries.find((entry) => entry.path === path)?.entryId ?? null;
}
