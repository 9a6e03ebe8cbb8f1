/** What counts as an event ID. Incydr IDs look like `0_<uuid>_<digits>_<digits>_<digits>`. */

export const EVENT_ID_MAX_LENGTH = 200;

// Valid means: no character outside the set. Searching for one such character is twice as fast as
// matching the whole token against `^[...]+$`, which counts when 10,000 IDs cross the IPC boundary.
const INVALID_CHAR = /[^A-Za-z0-9_.:-]/;

/** Shows a character so that spaces, controls and invisible characters are readable in a message. */
function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code > 0x20 && code < 0x7f) return `"${ch}"`;
  if (code > 0xa0 && !/\p{C}|\p{Z}/u.test(ch)) return `"${ch}"`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `token` is not a valid event ID, or `undefined` when it is one. */
export function eventIdProblem(token: string): string | undefined {
  if (token.length === 0) return 'is empty';
  // Length first: a 10 MB token must not be scanned by a regex to be rejected.
  if (token.length > EVENT_ID_MAX_LENGTH) {
    return `is ${token.length} characters long; an event ID has at most ${EVENT_ID_MAX_LENGTH}`;
  }
  const bad = INVALID_CHAR.exec(token)?.[0];
  if (bad === undefined) return undefined;
  return `contains ${showChar(bad)}; an event ID has only letters, digits and _ . : -`;
}

export function isValidEventId(token: string): boolean {
  return token.length > 0 && token.length <= EVENT_ID_MAX_LENGTH && !INVALID_CHAR.test(token);
}
