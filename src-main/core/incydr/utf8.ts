/**
 * Reads a UTF-8 response body into a string: the same text as `body.toString('utf8')`, faster.
 * Node 20's UTF-8 decoder takes ~5 ms per MB as soon as a body holds one non-ASCII character (a page
 * of 2,000 cases whose names carry an em dash), three times what ICU's transcoder and a copy take;
 * a body that is all ASCII is the same text read as Latin-1, which is a plain copy. Invalid UTF-8
 * still goes through toString, so its bad bytes become U+FFFD exactly as before.
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';

/** `transcode` needs ICU; Node and Electron ship with it, a Node built without Intl does not. */
const HAS_ICU = typeof process.versions.icu === 'string';

export function decodeUtf8(body: Buffer): string {
  if (isAscii(body)) return body.toString('latin1');
  if (HAS_ICU && isUtf8(body)) return transcode(body, 'utf8', 'ucs2').toString('ucs2');
  return body.toString('utf8');
}
