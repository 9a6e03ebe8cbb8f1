/**
 * Safe local file names for downloads (design.md §5). The server's name is untrusted input: it may carry
 * paths, control or bidi characters, characters Windows refuses, reserved device names or absurd lengths.
 * Pure functions: no node built-ins, so the renderer may show the same names.
 */

/** The byte budget for a name; leaves room for ` (123)` and the `.<name>.<id>.part` temp name. */
export const MAX_FILE_NAME_BYTES = 200;

/** Extensions longer than this are treated as part of the name (they are not real extensions). */
const MAX_EXTENSION_BYTES = 24;

// C0, DEL and C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;
// Bidi marks, embeddings, overrides and isolates (they can disguise `exe.pdf` as `fdp.exe`); U+061C too.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*]/gu;
// Device names Windows reserves with any extension (COM¹ etc. are reserved too).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/iu;

export type DownloadKind = 'pdf' | 'zip' | 'csv' | 'file';

/** The names the official SDK uses when the server sends none (incydr-api.md §2.17). */
export function fallbackFileName(kind: DownloadKind, caseNumber: number, eventId?: string): string {
  const n = Number.isSafeInteger(caseNumber) ? String(caseNumber) : 'unknown';
  switch (kind) {
    case 'pdf':
      return `Case-${n}.pdf`;
    case 'zip':
      return `Case-${n}.zip`;
    case 'csv':
      return `Case-${n}-file-events.csv`;
    case 'file': {
      // Event IDs are opaque: keep only characters that are safe everywhere, and bound the length.
      const id = (eventId ?? '').replace(/[^A-Za-z0-9_-]/gu, '_').slice(0, 120) || 'event';
      return `Case-${n}-${id}-unknown-filename`;
    }
  }
}

/**
 * Turns an untrusted name into one safe to create in a folder on Windows, macOS and Linux.
 * Returns `fallback` when nothing usable is left.
 */
export function sanitizeFileName(raw: string | null | undefined, fallback: string): string {
  if (raw == null) return fallback;
  let name = raw.normalize('NFC');
  name = lastPathSegment(name);
  name = name.replace(CONTROL, '').replace(BIDI, '');
  name = name.replace(WINDOWS_FORBIDDEN, '_');
  name = trimEnds(name);
  name = capBytes(name, MAX_FILE_NAME_BYTES);
  if (name === '') return fallback;
  // After the cut, so a shortened name cannot become `CON.txt`; the prefix fits (extensions are short).
  if (isWindowsReserved(name)) name = `_${name}`;
  return name;
}

/** `report.zip` → `report (1).zip`; `README` → `README (1)`. */
export function numberedFileName(name: string, counter: number): string {
  if (counter <= 0) return name;
  const { stem, ext } = splitExtension(name);
  return `${stem} (${counter})${ext}`;
}

/** Splits off the last extension (with its dot) when it looks like one. */
export function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return { stem: name, ext: '' };
  const ext = name.slice(dot);
  if (utf8Length(ext) > MAX_EXTENSION_BYTES || /\s/u.test(ext)) return { stem: name, ext: '' };
  return { stem: name.slice(0, dot), ext };
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

// Both separators count, whatever the platform: a server may send `..\..\evil.exe`.
function lastPathSegment(name: string): string {
  const parts = name.split(/[\\/]/u).filter((part) => part.trim() !== '');
  return parts.at(-1) ?? '';
}

// Trailing dots and spaces are dropped by Windows; leading ones would hide the file (or mean `..`).
function trimEnds(name: string): string {
  return name.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

function isWindowsReserved(name: string): boolean {
  const base = name.split('.')[0] ?? '';
  return WINDOWS_RESERVED.test(base.trim());
}

/** Cuts whole code points from the stem until the name fits, keeping the extension. */
function capBytes(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const { stem, ext } = splitExtension(name);
  const budget = maxBytes - utf8Length(ext);
  let kept = '';
  let used = 0;
  for (const ch of stem) {
    const size = utf8Length(ch);
    if (used + size > budget) break;
    kept += ch;
    used += size;
  }
  kept = trimEnds(kept);
  return kept === '' ? '' : kept + ext;
}
