/**
 * Streamed downloads against a scripted server: names from hostile headers, resets mid-body (retried
 * from scratch, nothing half-written left), wrong Content-Length, cancel, HTTP errors and folders.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncydrClient } from '../../../src-main/core/incydr/index.js';
import { CLIENT_ID, CLIENT_SECRET, json, startScriptedServer } from './helpers/scripted-server.js';
import type { ScriptedServer } from './helpers/scripted-server.js';

let server: ScriptedServer;
let folder: string;

beforeEach(async () => {
  server = await startScriptedServer();
  folder = await mkdtemp(path.join(tmpdir(), 'case-desk-dl-'));
});

afterEach(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

const client = (limit = 3): IncydrClient =>
  new IncydrClient({
    baseUrl: server.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    retry: { limit, baseDelayMs: 5 },
  });

const payload = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => (i * 31) % 256));
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Sends headers and `cut` bytes of the body, then resets the connection. */
function sendPartly(res: ServerResponse, cut: number, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-length': String(payload.length),
    'content-type': 'application/zip',
    ...headers,
  });
  res.write(payload.subarray(0, cut), () => setTimeout(() => res.socket?.destroy(), 10));
}

function sendAll(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-length': String(payload.length),
    'content-type': 'application/zip',
    ...headers,
  });
  res.end(payload);
}

describe('downloads', () => {
  it('streams the ZIP to the folder under the server name, with size and SHA-256', async () => {
    server.on('GET /v1/cases/17/export/full', (_req, res) =>
      sendAll(res, { 'content-disposition': 'attachment; filename=Case-17.zip' }),
    );
    const progress: number[] = [];
    const saved = await client().downloadFullCaseZip(17, folder, {
      onProgress: (p) => progress.push(p.bytes),
    });
    expect(saved).toEqual({
      path: path.join(folder, 'Case-17.zip'),
      fileName: 'Case-17.zip',
      bytes: payload.length,
      sha256: sha(payload),
    });
    expect(await readFile(saved.path)).toEqual(payload);
    expect(progress.at(-1)).toBe(payload.length);
    expect(server.seen.at(-1)?.url).toBe('/v1/cases/17/export/full?summary=true&fileEvents=true&files=true');
  });

  it('sends the export options and language', async () => {
    server.on('GET /v1/cases/17/export/full', (_req, res) => sendAll(res));
    server.on('GET /v1/cases/17/export', (_req, res) => sendAll(res));
    const c = client();
    await c.downloadFullCaseZip(17, folder, {
      files: false,
      summary: true,
      fileEvents: false,
      language: 'de',
    });
    expect(server.seen.at(-1)?.url).toBe(
      '/v1/cases/17/export/full?summary=true&fileEvents=false&files=false&language=de',
    );
    await c.downloadSummaryPdf(17, folder, { language: 'fr' });
    expect(server.seen.at(-1)?.url).toBe('/v1/cases/17/export?language=fr');
    await c.downloadSummaryPdf(17, folder);
    expect(server.seen.at(-1)?.url).toBe('/v1/cases/17/export');
    expect((await readdir(folder)).sort()).toEqual(['Case-17 (1).pdf', 'Case-17.pdf', 'Case-17.zip']);
  });

  it('uses the SDK fallback names when the header is missing or useless', async () => {
    server.on('GET /v1/cases/3/export', (_req, res) => sendAll(res));
    server.on('GET /v1/cases/3/export/full', (_req, res) =>
      sendAll(res, { 'content-disposition': 'attachment; filename="..."' }),
    );
    server.on('GET /v1/cases/3/fileevent/export', (_req, res) =>
      sendAll(res, { 'content-disposition': 'inline' }),
    );
    server.on('GET /v1/cases/3/fileevent/0_a-b_1/file', (_req, res) => sendAll(res));
    const c = client();
    expect((await c.downloadSummaryPdf(3, folder)).fileName).toBe('Case-3.pdf');
    expect((await c.downloadFullCaseZip(3, folder)).fileName).toBe('Case-3.zip');
    expect((await c.downloadFileEventCsv(3, folder)).fileName).toBe('Case-3-file-events.csv');
    expect((await c.downloadFileForEvent(3, '0_a-b_1', folder)).fileName).toBe(
      'Case-3-0_a-b_1-unknown-filename',
    );
  });

  it('keeps hostile names inside the folder and never overwrites', async () => {
    const hostile = [
      'attachment; filename="../../../../tmp/evil.sh"',
      'attachment; filename="..\\\\..\\\\Windows\\\\evil.exe"',
      "attachment; filename*=UTF-8''%2E%2E%2F%2E%2E%2Fescape.txt",
      'attachment; filename="CON.txt"',
      // Raw UTF-8 bytes in the header (Node sends a latin1 string byte for byte).
      Buffer.from('attachment; filename="invoice\u202Efdp.exe"', 'utf8').toString('latin1'),
      "attachment; filename*=UTF-8''a%01%0D%0Ab.zip",
      `attachment; filename="${'x'.repeat(400)}.zip"`,
      'attachment; filename="existing.pdf"',
    ];
    await writeFile(path.join(folder, 'existing.pdf'), 'keep me');
    let i = 0;
    // Chunked: Node 20's writeHead refuses bytes 0x80–0xFF in a header value that follows a lower-case
    // `content-length` key (it lets them through otherwise).
    server.on('GET /v1/cases/5/export', (_req, res) => {
      res.writeHead(200, { 'content-disposition': hostile[i++] ?? '' });
      res.end(payload);
    });
    const c = client();
    const names: string[] = [];
    for (let n = 0; n < hostile.length; n++) names.push((await c.downloadSummaryPdf(5, folder)).fileName);
    expect(names.slice(0, 6)).toEqual([
      'evil.sh',
      'evil.exe',
      'escape.txt',
      '_CON.txt',
      'invoicefdp.exe',
      'ab.zip',
    ]);
    expect(names[6]).toMatch(/^x+\.zip$/u);
    expect(Buffer.byteLength(names[6] ?? '')).toBeLessThanOrEqual(200);
    expect(names[7]).toBe('existing (1).pdf');
    expect(await readFile(path.join(folder, 'existing.pdf'), 'utf8')).toBe('keep me');
    const listing = await readdir(folder);
    expect(listing.sort()).toEqual([...names, 'existing.pdf'].sort());
  });

  it('retries a reset mid-body from scratch and leaves no part file', async () => {
    let n = 0;
    server.on('GET /v1/cases/6/fileevent/export', (_req, res) => {
      if (++n <= 2)
        return sendPartly(res, 100_000, { 'content-disposition': 'attachment; filename=events.csv' });
      sendAll(res, { 'content-disposition': 'attachment; filename=events.csv' });
    });
    const saved = await client().downloadFileEventCsv(6, folder);
    expect(n).toBe(3);
    expect(saved.sha256).toBe(sha(payload));
    expect(await readdir(folder)).toEqual(['events.csv']);
  });

  it('gives up after the retry limit with nothing left behind', async () => {
    server.on('GET /v1/cases/6/fileevent/export', (_req, res) => sendPartly(res, 50_000));
    const error = await client(2)
      .downloadFileEventCsv(6, folder)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK' });
    expect(server.count('GET /v1/cases/6/fileevent/export')).toBe(3);
    expect(await readdir(folder)).toEqual([]);
  });

  it('treats a body shorter than Content-Length as a failed download', async () => {
    server.on('GET /v1/cases/6/export', (_req, res) => {
      res.writeHead(200, { 'content-length': String(payload.length + 10) });
      // All the bytes it has, then the connection closes: 10 announced bytes never come.
      res.write(payload, () => res.socket?.end());
    });
    const error = await client(1)
      .downloadSummaryPdf(6, folder)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: expect.stringMatching(/^(LENGTH_MISMATCH|NETWORK)$/u) });
    expect(server.count('GET /v1/cases/6/export')).toBe(2);
    expect(await readdir(folder)).toEqual([]);
  });

  it('maps HTTP errors and problem codes of downloads, re-authenticating on 401', async () => {
    let n = 0;
    server.on('GET /v1/cases/7/export', (_req, res) => (++n === 1 ? json(res, 401, {}) : sendAll(res)));
    server.on('GET /v1/cases/8/export', (_req, res) => json(res, 404, {}));
    server.on('GET /v1/cases/8/export/full', (_req, res) =>
      json(res, 400, { problem: 'INVALID_EXPORT_OPTIONS' }),
    );
    const c = client();
    expect((await c.downloadSummaryPdf(7, folder)).bytes).toBe(payload.length);
    expect(server.count('POST /v1/oauth')).toBe(2);
    await expect(c.downloadSummaryPdf(8, folder)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(
      c.downloadFullCaseZip(8, folder, { summary: false, fileEvents: false, files: false }),
    ).rejects.toMatchObject({
      code: 'INVALID_EXPORT_OPTIONS',
    });
    expect(await readdir(folder)).toEqual(['Case-7.pdf']);
  });

  it('cancels cleanly mid-body', async () => {
    server.on('GET /v1/cases/9/export/full', (_req, res) => {
      res.writeHead(200, { 'content-length': String(payload.length * 100) });
      res.write(payload); // and then nothing: the client cancels
    });
    const controller = new AbortController();
    const pending = client().downloadFullCaseZip(9, folder, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes > 0) controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(server.count('GET /v1/cases/9/export/full')).toBe(1);
    expect(await readdir(folder)).toEqual([]);
  });

  it('fails with FOLDER_MISSING, naming the folder, before asking the server', async () => {
    const missing = path.join(folder, 'not-there');
    const error = await client()
      .downloadSummaryPdf(1, missing)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FOLDER_MISSING' });
    expect((error as Error).message).toContain(missing);
    expect(server.count('GET /v1/cases/1/export')).toBe(0);
  });
});
