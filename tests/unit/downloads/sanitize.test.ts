import { describe, expect, it } from 'vitest';
import {
  fallbackFileName,
  MAX_FILE_NAME_BYTES,
  numberedFileName,
  sanitizeFileName,
  splitExtension,
  utf8Length,
} from '../../../src-shared/filenames/index.js';

const FB = 'Case-7.zip';
const clean = (raw: string | null | undefined): string => sanitizeFileName(raw, FB);

describe('sanitizeFileName', () => {
  it('keeps ordinary names', () => {
    expect(clean('Case-17.pdf')).toBe('Case-17.pdf');
    expect(clean('Résumé – final (2).docx')).toBe('Résumé – final (2).docx');
    expect(clean('数据.csv')).toBe('数据.csv');
  });

  it('takes the last path segment, for both separators', () => {
    expect(clean('../../etc/passwd')).toBe('passwd');
    expect(clean('..\\..\\Windows\\System32\\evil.exe')).toBe('evil.exe');
    expect(clean('/abs/path/x.zip')).toBe('x.zip');
    expect(clean('C:\\Users\\x\\report.pdf')).toBe('report.pdf');
    expect(clean('dir/')).toBe('dir');
    expect(clean('a/..')).toBe(FB);
    expect(clean('..')).toBe(FB);
    expect(clean('/')).toBe(FB);
  });

  it('strips control and bidi characters', () => {
    expect(clean('inv\u0000oice\u001f.pdf\u007f')).toBe('invoice.pdf');
    expect(clean('a\u0085b.txt')).toBe('ab.txt');
    expect(clean('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    for (const mark of [
      '\u200E',
      '\u200F',
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      expect(clean(`x${mark}y.txt`), mark.codePointAt(0)?.toString(16)).toBe('xy.txt');
    }
    expect(clean('\n\r\t')).toBe(FB);
  });

  it('replaces characters Windows forbids', () => {
    expect(clean('a<b>c:d"e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
    expect(clean('report: "final".pdf')).toBe('report_ _final_.pdf');
  });

  it('trims dots and spaces at both ends', () => {
    expect(clean('report.pdf. . ')).toBe('report.pdf');
    expect(clean('  spaced.txt  ')).toBe('spaced.txt');
    expect(clean('.hidden')).toBe('hidden');
    expect(clean('...')).toBe(FB);
  });

  it('renames Windows reserved names, with any extension and in any case', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹']) {
      expect(clean(name)).toBe(`_${name}`);
      expect(clean(`${name}.txt`)).toBe(`_${name}.txt`);
      expect(clean(`${name}.tar.gz`)).toBe(`_${name}.tar.gz`);
    }
    expect(clean('nul .txt')).toBe('_nul .txt');
    expect(clean('CONSOLE.txt')).toBe('CONSOLE.txt');
    expect(clean('COM0.txt')).toBe('COM0.txt');
    expect(clean('my CON.txt')).toBe('my CON.txt');
  });

  it('caps the length at 200 UTF-8 bytes, keeping the extension and whole characters', () => {
    const long = `${'a'.repeat(300)}.pdf`;
    const capped = clean(long);
    expect(utf8Length(capped)).toBe(MAX_FILE_NAME_BYTES);
    expect(capped.endsWith('.pdf')).toBe(true);

    const wide = `${'é'.repeat(150)}.zip`; // 2 bytes each
    const cappedWide = clean(wide);
    expect(utf8Length(cappedWide)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(cappedWide).toBe(`${'é'.repeat(98)}.zip`);

    const emoji = `${'😀'.repeat(80)}.txt`; // 4 bytes each, surrogate pairs in JS
    const cappedEmoji = clean(emoji);
    expect(cappedEmoji).toBe(`${'😀'.repeat(49)}.txt`);
    expect(cappedEmoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });

  it('treats an absurd extension as part of the name when capping', () => {
    const capped = clean(`x.${'b'.repeat(400)}`);
    expect(utf8Length(capped)).toBe(MAX_FILE_NAME_BYTES);
    expect(capped.startsWith('x.b')).toBe(true);
  });

  it('cannot turn into a reserved name by being cut', () => {
    expect(clean(`CON${' '.repeat(300)}x.txt`)).toBe('_CON.txt');
    expect(clean(`CON.${'x'.repeat(300)}`)).toMatch(/^_CON\./u);
  });

  it('falls back when nothing usable is left', () => {
    expect(clean(undefined)).toBe(FB);
    expect(clean(null)).toBe(FB);
    expect(clean('')).toBe(FB);
    expect(clean('   ')).toBe(FB);
    expect(clean('\u202E\u200F')).toBe(FB);
  });

  it('normalises to NFC', () => {
    expect(clean('cafe\u0301.txt')).toBe('caf\u00e9.txt');
  });
});

describe('fallbackFileName', () => {
  it('uses the SDK names', () => {
    expect(fallbackFileName('pdf', 17)).toBe('Case-17.pdf');
    expect(fallbackFileName('zip', 17)).toBe('Case-17.zip');
    expect(fallbackFileName('csv', 17)).toBe('Case-17-file-events.csv');
    expect(fallbackFileName('file', 17, '0_abc-1_2')).toBe('Case-17-0_abc-1_2-unknown-filename');
  });

  it('keeps hostile event IDs and odd numbers harmless', () => {
    expect(fallbackFileName('file', 3, '../..\\x')).toBe('Case-3-______x-unknown-filename');
    expect(fallbackFileName('file', 3, '')).toBe('Case-3-event-unknown-filename');
    expect(utf8Length(fallbackFileName('file', 3, 'e'.repeat(500)))).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(fallbackFileName('pdf', Number.NaN)).toBe('Case-unknown.pdf');
  });
});

describe('numberedFileName and splitExtension', () => {
  it('puts the counter before the extension', () => {
    expect(numberedFileName('report.zip', 0)).toBe('report.zip');
    expect(numberedFileName('report.zip', 1)).toBe('report (1).zip');
    expect(numberedFileName('archive.tar.gz', 2)).toBe('archive.tar (2).gz');
    expect(numberedFileName('README', 3)).toBe('README (3)');
  });

  it('splits only plausible extensions', () => {
    expect(splitExtension('a.pdf')).toEqual({ stem: 'a', ext: '.pdf' });
    expect(splitExtension('noext')).toEqual({ stem: 'noext', ext: '' });
    expect(splitExtension('trailing.')).toEqual({ stem: 'trailing.', ext: '' });
    expect(splitExtension('a.has space')).toEqual({ stem: 'a.has space', ext: '' });
  });
});
