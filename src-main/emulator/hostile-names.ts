/**
 * Hostile `Content-Disposition` values (`--hostile-filenames`): every download gets the next form in
 * this list, in a cycle. A client must save each one under a safe name inside the chosen folder.
 *
 * Header values travel as bytes: Node only lets through tab, 0x20–0x7E and 0x80–0xFF, so non-ASCII names
 * are sent as raw UTF-8 bytes (as many servers do), and other control characters appear in their
 * percent-encoded `filename*` form, where a careless decoder meets them.
 */

export interface HostileName {
  kind: string;
  /** The header value for a download whose normal name is `${base}${ext}` (e.g. `Case-17`, `.zip`). */
  header: (base: string, ext: string) => string;
}

/** UTF-8 text as a header value string (one char per byte), so Node sends the raw UTF-8 bytes. */
export function utf8Header(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** RFC 5987 percent-encoding of UTF-8 bytes. */
export function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function reversed(ext: string): string {
  return [...ext.replace(/^\./, '')].reverse().join('');
}

export const HOSTILE_NAMES: readonly HostileName[] = [
  { kind: 'posix-traversal', header: (b, e) => `attachment; filename=../../../../tmp/${b}${e}` },
  {
    kind: 'windows-traversal',
    header: (b, e) => `attachment; filename=..\\..\\..\\Windows\\System32\\${b}${e}`,
  },
  {
    kind: 'encoded-traversal',
    header: (b, e) => `attachment; filename*=UTF-8''..%2F..%2F..%2F.ssh%2F${b}${e}`,
  },
  { kind: 'posix-absolute', header: (b, e) => `attachment; filename=/etc/cron.d/${b}${e}` },
  { kind: 'windows-absolute', header: (b, e) => `attachment; filename="C:\\Windows\\System32\\${b}${e}"` },
  { kind: 'unc-path', header: (b, e) => `attachment; filename=\\\\evil.example\\share\\${b}${e}` },
  { kind: 'reserved-con', header: () => 'attachment; filename=CON' },
  { kind: 'reserved-nul-ext', header: () => 'attachment; filename=NUL.txt' },
  { kind: 'reserved-com1', header: (_b, e) => `attachment; filename=com1${e}` },
  {
    kind: 'bidi-override',
    header: (b) => utf8Header(`attachment; filename=${b}\u202E${reversed('.exe')}.zip`),
  },
  {
    kind: 'bidi-override-encoded',
    header: (b, e) => `attachment; filename*=UTF-8''${rfc5987(`${b}\u202E${reversed(e)}.exe`)}`,
  },
  {
    kind: 'control-chars-encoded',
    header: (b, e) => `attachment; filename*=UTF-8''${b}%0D%0AX-Injected%3A%201%07%1B%5B31m%00${e}`,
  },
  { kind: 'control-chars-raw', header: (b, e) => `attachment; filename="${b}\t\x9b31m\x85${e}"` },
  { kind: 'long-300-bytes', header: (_b, e) => `attachment; filename=${'A'.repeat(300 - e.length)}${e}` },
  {
    kind: 'long-300-bytes-utf8',
    header: (_b, e) => `attachment; filename*=UTF-8''${rfc5987(`${'é'.repeat(150 - e.length)}${e}`)}`,
  },
  { kind: 'embedded-quotes', header: (b, e) => `attachment; filename="${b} \\"final\\" \\"v2\\"${e}"` },
  { kind: 'unbalanced-quote', header: (b, e) => `attachment; filename="${b}${e}` },
  { kind: 'rfc5987-only', header: (b, e) => `attachment; filename*=UTF-8''${rfc5987(`案件-${b}${e}`)}` },
  {
    kind: 'rfc5987-with-plain',
    header: (b, e) => `attachment; filename="fallback${e}"; filename*=UTF-8''${rfc5987(`${b} résumé${e}`)}`,
  },
  {
    kind: 'plain-after-rfc5987',
    header: (b, e) =>
      `attachment; filename*=utf-8'en'${rfc5987(`${b}-ünïcode${e}`)}; filename=${b}-plain${e}`,
  },
  { kind: 'trailing-dots-spaces', header: (b, e) => `attachment; filename="${b}${e} . . "` },
  { kind: 'dot-only', header: () => 'attachment; filename=..' },
  { kind: 'empty', header: () => 'attachment; filename=' },
  { kind: 'empty-quoted', header: () => 'attachment; filename=""' },
];

/** Cycles through the list: the n-th hostile download gets `HOSTILE_NAMES[n % length]`. */
export function hostileDisposition(n: number, base: string, ext: string): { kind: string; header: string } {
  const entry = HOSTILE_NAMES[n % HOSTILE_NAMES.length] ?? HOSTILE_NAMES[0];
  if (!entry) throw new Error('no hostile names');
  return { kind: entry.kind, header: entry.header(base, ext) };
}

/**
 * The ordinary header: unquoted for plain names (`attachment; filename=Case-17.pdf`, as the SDK
 * wants), quoted with an RFC 5987 twin for names with spaces or non-ASCII characters.
 */
export function normalDisposition(fileName: string): string {
  if (/^[A-Za-z0-9._-]+$/.test(fileName)) return `attachment; filename=${fileName}`;
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
