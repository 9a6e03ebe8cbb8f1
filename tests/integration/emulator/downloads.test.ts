import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFileEventPage, FileEventV2 } from '../../../src-shared/domain/index.js';
import { CSV_COLUMNS, csvField } from '../../../src-main/emulator/bodies/csv.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { api, bytes, problemOf, start } from './helpers.js';
import type { Api } from './helpers.js';
import { unzip } from './zip-reader.js';

let emu: RunningEmulator;
let a: Api;
let n: number;

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  emu = await start({ cases: 12 });
  a = await api(emu);
  n = emu.caseNumbers('OPEN').find((c) => emu.eventIdsOnCase(c).length >= 6)!;
});
afterAll(() => emu.close());

describe('GET /v1/cases/{n}/export (summary PDF)', () => {
  it('is a real PDF with exact length and an unquoted attachment name', async () => {
    const res = await a.get(`/v1/cases/${n}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=Case-${n}.pdf`);
    const body = await bytes(res);
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    // The document title carries the case; pdfkit writes non-ASCII titles as UTF-16BE.
    const utf16be = Buffer.from(`Case ${n}: `, 'utf16le').swap16();
    expect(body.includes(utf16be) || body.includes(Buffer.from(`(Case ${n}: `))).toBe(true);
  });

  it('honours language and gives identical bytes for the same case', async () => {
    const en1 = await bytes(await a.get(`/v1/cases/${n}/export`));
    const en2 = await bytes(await a.get(`/v1/cases/${n}/export`));
    const de = await bytes(await a.get(`/v1/cases/${n}/export?language=de`));
    expect(sha256(en1)).toBe(sha256(en2));
    expect(sha256(de)).not.toBe(sha256(en1));
  });

  it('404s for an unknown case', async () => {
    expect((await a.get('/v1/cases/9999/export')).status).toBe(404);
  });
});

describe('GET /v1/cases/{n}/fileevent/export (CSV)', () => {
  it('has a header row and one row per attached event', async () => {
    const res = await a.get(`/v1/cases/${n}/fileevent/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=Case-${n}-file-events.csv`);
    const body = await bytes(res);
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    const parsed = Papa.parse<Record<string, string>>(body.toString('utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    const ids = emu.eventIdsOnCase(n);
    expect(parsed.data).toHaveLength(ids.length);
    expect(parsed.data.map((r) => r.eventId)).toEqual(ids);
    const detail = await a.json<FileEventV2>(`/v1/cases/${n}/fileevent/${ids[0]}`);
    expect(parsed.data[0]).toMatchObject({
      fileName: detail.file.name,
      sha256: detail.file.hash?.sha256,
      riskScore: String(detail.risk.score),
      action: detail.event.action,
    });
  });

  it('quotes fields as RFC 4180 wants', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('is just the header for a case without events', async () => {
    const archived = emu.caseNumbers('ARCHIVED')[0]!;
    const text = await (await a.get(`/v1/cases/${archived}/fileevent/export`)).text();
    expect(text).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('GET /v1/cases/{n}/export/full (ZIP)', () => {
  async function zipOf(query: string): Promise<{ res: Response; body: Buffer; names: string[] }> {
    const res = await a.get(`/v1/cases/${n}/export/full${query}`);
    const body = await bytes(res);
    const names = res.status === 200 ? (await unzip(body)).map((e) => e.name) : [];
    return { res, body, names };
  }

  it('holds summary, CSV and every captured file by default, stored uncompressed, exact length', async () => {
    const res = await a.get(`/v1/cases/${n}/export/full`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=Case-${n}.zip`);
    const body = await bytes(res);
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    const entries = await unzip(body);
    expect(entries.every((e) => e.compressionMethod === 0)).toBe(true);
    const page = await a.json<CaseFileEventPage>(`/v1/cases/${n}/fileevent`);
    const withFiles = page.events.filter((e) =>
      ['EXACT_FILE_AVAILABLE', 'RECENT_FILE_AVAILABLE'].includes(e.fileAvailability),
    );
    expect(withFiles.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.name).sort()).toEqual(
      [
        `Case-${n}/Case-${n}.pdf`,
        `Case-${n}/Case-${n}-file-events.csv`,
        ...withFiles.map((e) => `Case-${n}/source-files/${e.eventId}/${e.fileName}`),
      ].sort(),
    );
    for (const e of withFiles) {
      const entry = entries.find((x) => x.name.includes(e.eventId))!;
      const facts = await emu.eventFile(e.eventId);
      expect(entry.data.length).toBe(facts?.size);
      expect(sha256(entry.data)).toBe(facts?.sha256);
    }
    const pdf = entries.find((e) => e.name.endsWith('.pdf'))!;
    expect(pdf.data.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = entries.find((e) => e.name.endsWith('.csv'))!;
    expect(csv.data.toString('utf8').trimEnd().split('\r\n')).toHaveLength(page.totalCount + 1);
  });

  it('includes exactly the parts asked for (booleans in any case)', async () => {
    const pdf = `Case-${n}/Case-${n}.pdf`;
    const csv = `Case-${n}/Case-${n}-file-events.csv`;
    const only = async (q: string): Promise<string[]> => (await zipOf(q)).names;
    expect(await only('?summary=True&fileEvents=False&files=False')).toEqual([pdf]);
    expect(await only('?summary=false&fileEvents=TRUE&files=false')).toEqual([csv]);
    const files = await only('?summary=FALSE&fileEvents=false&files=true');
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f.startsWith(`Case-${n}/source-files/`))).toBe(true);
    const noFiles = await only('?files=False');
    expect(noFiles.sort()).toEqual([csv, pdf].sort());
  });

  it('400s when every part is false, or for a value that is not a boolean', async () => {
    const none = await a.get(`/v1/cases/${n}/export/full?summary=false&fileEvents=false&files=false`);
    expect(none.status).toBe(400);
    expect(await problemOf(none)).toMatchObject({ problem: 'INVALID_EXPORT_OPTIONS' });
    expect((await a.get(`/v1/cases/${n}/export/full?files=maybe`)).status).toBe(400);
    expect((await a.get('/v1/cases/9999/export/full')).status).toBe(404);
  });

  it('an archived case exports its summary and an empty CSV, no files', async () => {
    const archived = emu.caseNumbers('ARCHIVED')[0]!;
    const body = await bytes(await a.get(`/v1/cases/${archived}/export/full`));
    expect((await unzip(body)).map((e) => e.name).sort()).toEqual(
      [`Case-${archived}/Case-${archived}-file-events.csv`, `Case-${archived}/Case-${archived}.pdf`].sort(),
    );
  });

  it('is byte-identical across requests', async () => {
    const one = await bytes(await a.get(`/v1/cases/${n}/export/full`));
    const two = await bytes(await a.get(`/v1/cases/${n}/export/full`));
    expect(sha256(one)).toBe(sha256(two));
  });
});

describe('GET /v1/cases/{n}/fileevent/{eventId}/file (source file)', () => {
  it('streams the captured bytes for available files, matching the event hash and size', async () => {
    const page = await a.json<CaseFileEventPage>(`/v1/cases/${n}/fileevent`);
    const available = page.events.filter((e) =>
      ['EXACT_FILE_AVAILABLE', 'RECENT_FILE_AVAILABLE'].includes(e.fileAvailability),
    );
    for (const e of available) {
      const res = await a.get(`/v1/cases/${n}/fileevent/${e.eventId}/file`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      const disposition = res.headers.get('content-disposition') ?? '';
      if (/^[\w.-]+$/.test(e.fileName ?? '')) expect(disposition).toBe(`attachment; filename=${e.fileName}`);
      else expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(e.fileName ?? '')}`);
      const body = await bytes(res);
      const detail = await a.json<FileEventV2>(`/v1/cases/${n}/fileevent/${e.eventId}`);
      expect(Number(res.headers.get('content-length'))).toBe(body.length);
      expect(body.length).toBe(detail.file.sizeInBytes);
      expect(sha256(body)).toBe(detail.file.hash?.sha256);
    }
  });

  it('404s when no file was captured, or the event is not on the case', async () => {
    let unavailable: { c: number; id: string } | undefined;
    for (const c of emu.caseNumbers('OPEN')) {
      const page = await a.json<CaseFileEventPage>(`/v1/cases/${c}/fileevent`);
      const e = page.events.find(
        (x) => !['EXACT_FILE_AVAILABLE', 'RECENT_FILE_AVAILABLE'].includes(x.fileAvailability),
      );
      if (e) unavailable = { c, id: e.eventId };
      if (unavailable) break;
    }
    expect(unavailable).toBeDefined();
    expect((await a.get(`/v1/cases/${unavailable!.c}/fileevent/${unavailable!.id}/file`)).status).toBe(404);
    const stranger = emu.unattachedEventIds(1)[0]!;
    expect((await a.get(`/v1/cases/${n}/fileevent/${stranger}/file`)).status).toBe(404);
  });
});

describe('large exports stream', () => {
  it('a ~100 MB ZIP streams with exact Content-Length and without holding it in memory', async () => {
    const big = await start({ cases: 2, exportMb: 100, eventsPerCase: { min: 6, max: 6 } });
    try {
      const b = await api(big);
      const c = big.caseNumbers().find((x) => big.eventIdsOnCase(x).length > 0)!;
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      const res = await b.get(`/v1/cases/${c}/export/full?summary=false&fileEvents=false`);
      expect(res.status).toBe(200);
      const declared = Number(res.headers.get('content-length'));
      let received = 0;
      const reader = res.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.length;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      clearInterval(timer);
      expect(received).toBe(declared);
      expect(declared).toBeGreaterThan(70 * 1024 * 1024);
      expect(declared).toBeLessThan(101 * 1024 * 1024);
      // Both ends of the stream live in this process; neither may buffer the archive.
      // Measured growth is ~35–40 MB; holding the archive would add at least its 100 MB.
      expect(peak - baseline).toBeLessThan(80 * 1024 * 1024);
    } finally {
      await big.close();
    }
  });
});
