/**
 * Server and file text reaches the terminal only through here: control characters (ESC would let a
 * case name move the cursor or retitle the window), bidi overrides and zero-width characters are
 * written as `\uXXXX`. Newlines and tabs are kept only where the caller allows them.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const UNSAFE_KEEP_LINES = /(?![\n\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

function escape(ch: string): string {
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function safeText(text: string, options: { keepLines?: boolean } = {}): string {
  return text.replace(options.keepLines ? UNSAFE_KEEP_LINES : UNSAFE, escape);
}

/** One table cell: newlines shown as `⏎`, tabs as a space, the rest as above. */
export function safeCell(text: string): string {
  return safeText(text.replace(/\r\n|\r|\n/g, '⏎').replace(/\t/g, ' '));
}
