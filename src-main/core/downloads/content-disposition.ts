/**
 * Reads the file name out of a `Content-Disposition` header (RFC 6266): `filename*` (RFC 5987,
 * `charset'lang'percent-encoded`) wins over `filename`, which may be quoted or not. Real servers send
 * junk too (unquoted names with spaces, unbalanced quotes, bad percent escapes), so this never throws:
 * it returns the best name it can find, or undefined. The result is still untrusted: sanitize it.
 */
export function filenameFromContentDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const params = parseParameters(repairUtf8(header));
  const extended = params.get('filename*');
  if (extended !== undefined) {
    const decoded = decodeExtendedValue(extended);
    if (decoded !== undefined && decoded !== '') return decoded;
  }
  const plain = params.get('filename');
  return plain === undefined || plain === '' ? undefined : plain;
}

/**
 * Node hands header values over as latin1 (one character per byte). Many servers put raw UTF-8 in a
 * plain `filename=`; when the bytes are valid UTF-8, read them as such (as browsers do). Otherwise
 * keep the latin1 text: stray bytes such as 0x85 or 0x9B then show up as C1 controls, which
 * sanitizing strips.
 */
function repairUtf8(header: string): string {
  const codes = Array.from(header, (ch) => ch.charCodeAt(0));
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return header;
  const bytes = Uint8Array.from(codes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return header;
  }
}

/** `key=value` pairs after the disposition type; keys lower-cased; the first occurrence wins. */
function parseParameters(header: string): Map<string, string> {
  const params = new Map<string, string>();
  let i = 0;
  const n = header.length;
  while (i < n) {
    // Key: up to `=` or `;`.
    const keyStart = i;
    while (i < n && header[i] !== '=' && header[i] !== ';') i++;
    // The last word before `=`, so `attachment filename=x` (a missing `;`) still yields `filename`.
    const key = (header.slice(keyStart, i).trim().split(/\s+/u).at(-1) ?? '').toLowerCase();
    if (i >= n || header[i] === ';') {
      i++; // a bare token such as `attachment`
      continue;
    }
    i++; // skip `=`
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
    let value: string;
    if (header[i] === '"') {
      // Quoted string; an unterminated quote runs to the end. Only `\"` and `\\` are read as escapes:
      // servers put Windows paths in quotes unescaped (`"C:\Users\x.pdf"`), and keeping those
      // backslashes lets sanitizing take the last path segment instead of gluing the path together.
      i++;
      let out = '';
      while (i < n && header[i] !== '"') {
        if (header[i] === '\\' && (header[i + 1] === '"' || header[i + 1] === '\\')) i++;
        out += header[i];
        i++;
      }
      i++; // closing quote
      while (i < n && header[i] !== ';') i++; // junk after the quote
      value = out;
    } else {
      const start = i;
      while (i < n && header[i] !== ';') i++;
      value = header.slice(start, i).trim();
    }
    i++; // skip `;`
    if (key !== '' && !params.has(key)) params.set(key, value);
  }
  return params;
}

/** `UTF-8''na%C3%AFve.pdf` → `naïve.pdf`; ISO-8859-1 too; undefined when it cannot be read. */
function decodeExtendedValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/su.exec(value);
  if (!match) return undefined;
  const charset = (match[1] ?? '').trim().toLowerCase();
  const encoded = match[2] ?? '';
  const bytes = percentDecode(encoded);
  if (bytes === undefined) return undefined;
  if (charset === 'utf-8' || charset === 'utf8' || charset === '') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
  if (charset === 'iso-8859-1' || charset === 'latin1') {
    return String.fromCharCode(...bytes);
  }
  return undefined;
}

function percentDecode(text: string): Uint8Array | undefined {
  const out: number[] = [];
  const encoder = new TextEncoder();
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (ch === '%') {
      const hex = (chars[i + 1] ?? '') + (chars[i + 2] ?? '');
      if (!/^[0-9a-fA-F]{2}$/u.test(hex)) return undefined;
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      // Non-ASCII characters are not allowed here; take their UTF-8 bytes rather than fail.
      out.push(...encoder.encode(ch));
    }
  }
  return Uint8Array.from(out);
}
