// Response bodies are decoded by a faster path than toString('utf8'); the text must be the same.
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src-main/core/incydr/utf8.js';

const same = (bytes: Buffer): void => expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));

describe('decodeUtf8', () => {
  it('reads ASCII, two-, three- and four-byte characters as toString does', () => {
    for (const text of [
      '',
      '{"name":"plain"}',
      'Zoë Ångström',
      'Exfiltration — j.doe',
      '日本語',
      'file 📁 🔒',
    ]) {
      same(Buffer.from(text, 'utf8'));
      expect(decodeUtf8(Buffer.from(text, 'utf8'))).toBe(text);
    }
  });

  it('keeps a byte-order mark as toString does', () => {
    same(Buffer.from('\uFEFF{"a":1}', 'utf8'));
  });

  it('turns invalid bytes into U+FFFD as toString does', () => {
    for (const bytes of [
      [0x61, 0xff, 0x62], // a byte that never starts a character
      [0x61, 0xe2, 0x80], // a three-byte character cut short at the end
      [0xe2, 0x28, 0xa1], // a bad continuation byte
      [0xc0, 0xaf], // an overlong slash
      [0xed, 0xa0, 0x80], // a UTF-16 surrogate written as UTF-8
    ]) {
      same(Buffer.from(bytes));
      expect(decodeUtf8(Buffer.from(bytes))).toContain('\uFFFD');
    }
  });

  it('reads a megabyte of mixed text the same, wherever the non-ASCII characters fall', () => {
    const pieces = ['a', 'case ', '"', '\\n', 'é', '—', '中', '😀', '\u00a0', '{"k":[1,2]}'];
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let text = '';
    while (text.length < 1_000_000) text += pieces[next() % pieces.length]!;
    same(Buffer.from(text, 'utf8'));
  });
});
