import { describe, expect, it } from 'vitest';
import { filenameFromContentDisposition as parse } from '../../../src-main/core/downloads/content-disposition.js';

describe('filenameFromContentDisposition', () => {
  it('reads unquoted and quoted filenames', () => {
    expect(parse('attachment; filename=Case-17.pdf')).toBe('Case-17.pdf');
    expect(parse('attachment; filename="Case 17.pdf"')).toBe('Case 17.pdf');
    expect(parse('attachment;filename="a;b.pdf"; size=3')).toBe('a;b.pdf');
    expect(parse('ATTACHMENT; FILENAME = "x.zip"')).toBe('x.zip');
    expect(parse('attachment; filename="say \\"hi\\".txt"')).toBe('say "hi".txt');
    expect(parse('attachment; filename="a\\\\b.txt"')).toBe('a\\b.txt');
    // Unescaped Windows paths in quotes keep their backslashes (sanitize then takes the last segment).
    expect(parse('attachment; filename="C:\\Windows\\x.pdf"')).toBe('C:\\Windows\\x.pdf');
  });

  it('prefers filename* (RFC 5987) over filename, in either order', () => {
    expect(parse(`attachment; filename="naive.pdf"; filename*=UTF-8''na%C3%AFve.pdf`)).toBe('naïve.pdf');
    expect(parse(`attachment; filename*=utf-8'en'%E2%82%AC%20rates.csv; filename=rates.csv`)).toBe(
      '€ rates.csv',
    );
    expect(parse(`attachment; filename*=ISO-8859-1''caf%E9.txt`)).toBe('café.txt');
    expect(parse(`attachment; filename*="UTF-8''quoted%20star.zip"`)).toBe('quoted star.zip');
  });

  it('falls back to filename when filename* cannot be decoded', () => {
    expect(parse(`attachment; filename*=UTF-8''bad%ZZ.pdf; filename=good.pdf`)).toBe('good.pdf');
    expect(parse(`attachment; filename*=UTF-8''%FF%FE.pdf; filename=good.pdf`)).toBe('good.pdf');
    expect(parse(`attachment; filename*=KOI8-R''%C1.txt; filename=good.txt`)).toBe('good.txt');
    expect(parse(`attachment; filename*=no-quotes-at-all; filename=good.txt`)).toBe('good.txt');
  });

  it('tolerates junk: unquoted spaces, unbalanced quotes, missing semicolons, no type', () => {
    expect(parse('attachment; filename=Case 17 summary.pdf')).toBe('Case 17 summary.pdf');
    expect(parse('attachment; filename="unterminated.pdf')).toBe('unterminated.pdf');
    expect(parse('attachment filename=x.pdf')).toBe('x.pdf');
    expect(parse('filename=bare.csv')).toBe('bare.csv');
    expect(parse('attachment; filename="a.pdf" trailing junk; other=1')).toBe('a.pdf');
    expect(parse('attachment; filename=../../etc/passwd')).toBe('../../etc/passwd'); // sanitize's job
  });

  it('returns undefined when there is no usable name', () => {
    expect(parse(undefined)).toBeUndefined();
    expect(parse('')).toBeUndefined();
    expect(parse('inline')).toBeUndefined();
    expect(parse('attachment; filename=')).toBeUndefined();
    expect(parse('attachment; filename=""')).toBeUndefined();
    expect(parse(';;;=;=')).toBeUndefined();
  });
});

describe('raw UTF-8 in header values', () => {
  // Node gives header values as latin1: one character per byte.
  const asHeader = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

  it('reads raw UTF-8 bytes as UTF-8, as browsers do', () => {
    expect(parse(asHeader('attachment; filename=案件-17.zip'))).toBe('案件-17.zip');
    expect(parse(asHeader('attachment; filename="Case-17\u202Epiz.exe"'))).toBe('Case-17\u202Epiz.exe');
  });

  it('keeps latin1 text that is not valid UTF-8', () => {
    expect(parse('attachment; filename="caf\u00e9.txt"')).toBe('caf\u00e9.txt');
    expect(parse('attachment; filename="a\t\u009b31m\u0085.zip"')).toBe('a\t\u009b31m\u0085.zip');
  });
});
