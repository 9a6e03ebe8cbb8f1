import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_NAMES,
  hostileDisposition,
  normalDisposition,
} from '../../../src-main/emulator/hostile-names.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { raw, start, token } from './helpers.js';

let emu: RunningEmulator;
let auth: Record<string, string>;
let n: number;

beforeAll(async () => {
  emu = await start({ cases: 8, hostileFilenames: true });
  auth = { Authorization: `Bearer ${await token(emu)}` };
  n = emu.caseNumbers('OPEN')[0]!;
});
afterAll(() => emu.close());

/** Node hands header values over as latin1; this turns raw UTF-8 bytes back into text. */
const asUtf8 = (value: string): string => Buffer.from(value, 'latin1').toString('utf8');

describe('hostile Content-Disposition names', () => {
  it('cover every required form', () => {
    const headers = HOSTILE_NAMES.map((h) => asUtf8(h.header('Case-17', '.zip')));
    const has = (test: (h: string) => boolean): boolean => headers.some(test);
    expect(has((h) => h.includes('filename=../../'))).toBe(true);
    expect(has((h) => h.includes('..\\..\\'))).toBe(true);
    expect(has((h) => /filename=\/etc\//.test(h))).toBe(true);
    expect(has((h) => h.includes('C:\\Windows'))).toBe(true);
    expect(has((h) => h.endsWith('filename=CON'))).toBe(true);
    expect(has((h) => h.endsWith('filename=NUL.txt'))).toBe(true);
    expect(has((h) => h.endsWith('filename=com1.zip'))).toBe(true);
    expect(has((h) => h.includes('\u202E'))).toBe(true);
    expect(has((h) => h.includes('%E2%80%AE'))).toBe(true);
    expect(has((h) => /%0D%0A|%07|%1B|%00/.test(h))).toBe(true);
    expect(has((h) => /[\t\x85\x9b]/.test(Buffer.from(h).toString('latin1')))).toBe(true);
    expect(has((h) => Buffer.byteLength(h.replace(/^attachment; filename=/, '')) === 300)).toBe(true);
    expect(has((h) => /filename="[^"]*\\"/.test(h))).toBe(true);
    expect(has((h) => h.includes("filename*=UTF-8''") && !h.includes('filename='))).toBe(true);
    expect(has((h) => h.includes("filename*=UTF-8''") && h.includes('filename="'))).toBe(true);
    expect(has((h) => h === 'attachment; filename=')).toBe(true);
    expect(new Set(HOSTILE_NAMES.map((h) => h.kind)).size).toBe(HOSTILE_NAMES.length);
  });

  it('downloads cycle through the list, with valid bodies', async () => {
    emu.resetStats();
    const start = hostileDisposition(0, 'x', '.y').kind;
    expect(start).toBe(HOSTILE_NAMES[0]!.kind);
    const paths = [`/v1/cases/${n}/export`, `/v1/cases/${n}/export/full`, `/v1/cases/${n}/fileevent/export`];
    const expected = [`Case-${n}`, '.pdf', `Case-${n}`, '.zip', `Case-${n}-file-events`, '.csv'];
    for (let i = 0; i < HOSTILE_NAMES.length + 2; i++) {
      const k = i % paths.length;
      const r = await raw(`${emu.url}${paths[k]}`, auth);
      expect(r.status).toBe(200);
      expect(r.complete).toBe(true);
      expect(r.body.length).toBe(Number(r.headers['content-length']));
      const entry = HOSTILE_NAMES[i % HOSTILE_NAMES.length]!;
      expect(r.headers['content-disposition']).toBe(entry.header(expected[k * 2]!, expected[k * 2 + 1]!));
    }
    expect(emu.stats.hostileNamesServed).toBe(HOSTILE_NAMES.length + 2);
  });

  it('switches off at runtime', async () => {
    emu.setHostileFilenames(false);
    try {
      const r = await raw(`${emu.url}/v1/cases/${n}/export`, auth);
      expect(r.headers['content-disposition']).toBe(`attachment; filename=Case-${n}.pdf`);
    } finally {
      emu.setHostileFilenames(true);
    }
  });
});

describe('ordinary Content-Disposition names', () => {
  it('are unquoted for plain names and RFC 5987 encoded otherwise', () => {
    expect(normalDisposition('Case-17.zip')).toBe('attachment; filename=Case-17.zip');
    expect(normalDisposition('Account Plan - ACME.docx')).toBe(
      `attachment; filename="Account Plan - ACME.docx"; filename*=UTF-8''Account%20Plan%20-%20ACME.docx`,
    );
    expect(normalDisposition('Präsentation Q3.pptx')).toBe(
      `attachment; filename="Pr_sentation Q3.pptx"; filename*=UTF-8''Pr%C3%A4sentation%20Q3.pptx`,
    );
  });
});
