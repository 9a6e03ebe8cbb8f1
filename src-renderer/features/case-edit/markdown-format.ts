/**
 * The findings editor's toolbar: each action rewrites the text around the selection the way the
 * investigator would type it, and says where the selection goes afterwards. Pure, so it is easy to check.
 */

export const FORMATS = ['bold', 'italic', 'code', 'heading', 'bullets', 'numbers', 'quote', 'link'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_LABELS: Record<Format, string> = {
  bold: 'Bold',
  italic: 'Italic',
  code: 'Code',
  heading: 'Heading',
  bullets: 'Bulleted list',
  numbers: 'Numbered list',
  quote: 'Quote',
  link: 'Link',
};

export interface Edit {
  text: string;
  start: number;
  end: number;
}

const WRAPS: Partial<Record<Format, [string, string, string]>> = {
  // marker before, marker after, placeholder when nothing is selected
  bold: ['**', '**', 'bold text'],
  italic: ['_', '_', 'italic text'],
  code: ['`', '`', 'code'],
};

const LINE_PREFIXES: Partial<Record<Format, (index: number) => string>> = {
  heading: () => '## ',
  bullets: () => '- ',
  numbers: (i) => `${i + 1}. `,
  quote: () => '> ',
};

export function applyFormat(text: string, start: number, end: number, format: Format): Edit {
  const selected = text.slice(start, end);
  const wrap = WRAPS[format];
  if (wrap) {
    const [before, after, placeholder] = wrap;
    const inner = selected === '' ? placeholder : selected;
    const next = text.slice(0, start) + before + inner + after + text.slice(end);
    return { text: next, start: start + before.length, end: start + before.length + inner.length };
  }
  if (format === 'link') {
    const label = selected === '' ? 'link text' : selected;
    const url = 'https://';
    const next = `${text.slice(0, start)}[${label}](${url})${text.slice(end)}`;
    // Select the URL, the part still to be typed.
    const urlStart = start + label.length + 3;
    return { text: next, start: urlStart, end: urlStart + url.length };
  }
  const prefix = LINE_PREFIXES[format];
  if (!prefix) return { text, start, end };
  // Whole lines: from the start of the first selected line to the end of the last.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const endBreak = text.indexOf('\n', end > start && text[end - 1] === '\n' ? end - 1 : end);
  const lineEnd = endBreak === -1 ? text.length : endBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const prefixed = lines.map((line, i) => prefix(i) + line).join('\n');
  const next = text.slice(0, lineStart) + prefixed + text.slice(lineEnd);
  // One line: the cursor goes to its end, ready to type; several: they stay selected.
  const cursor = lines.length === 1 ? lineStart + prefixed.length : lineStart;
  return { text: next, start: cursor, end: lineStart + prefixed.length };
}
