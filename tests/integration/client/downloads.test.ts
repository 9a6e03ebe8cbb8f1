/**
 * Downloads against the emulator: hostile Content-Disposition names, resets mid-body, and byte-exact
 * results under random faults (compared with the same URL fetched raw from a fault-free twin).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IncydrClient, SavedFile } from '../../../src-main/core/incydr/index.js';
import { HOSTILE_NAMES } from '../../../src-main/emulator/server.js';
import { MAX_FILE_NAME_BYTES, sanitizeFileName } from '../../../src-shared/filenames/index.js';
import { caseWith, clientFor, startTestEmulator, tempFolder } from './helpers/emulator.js';
import type { RunningEmulator } from './helpers/emulator.js';

// eslint-disable-next-line no-control-regex -- no control characters may survive
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/u;

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A downloadable (captured-file) event on an open case. */
async function downloadableEvent(emu: RunningEmulator): Promise<{ n: number; eventId: string }> {
  for (const n of emu.caseNumbers('OPEN')) {
    for (const eventId of emu.eventIdsOnCase(n)) {
      if ((await emu.eventFile(eventId))?.downloadable) return { n, eventId };
    }
  }
  throw new Error('the seed has no downloadable event');
}

let folder: string;
let removeFolder: () => Promise<void>;

beforeEach(async () => {
  ({ folder, remove: removeFolder } = await tempFolder('dl'));
});

afterEach(async () => {
  await removeFolder();
});

describe('hostile file names', () => {
  let emu: RunningEmulator;
  let client: IncydrClient;

  beforeAll(async () => {
    emu = await startTestEmulator({ cases: 6, seed: 99, hostileFilenames: true });
    client = clientFor(emu);
  });

  afterAll(async () => {
    await emu.close();
  });

  it('saves every form inside the folder under a safe name, never overwriting', async () => {
    // The folder sits three levels deep, so an escape upwards would show in its parents.
    const target = path.join(folder, 'a', 'b', 'c');
    await mkdir(target, { recursive: true });
    const n = caseWith(emu, 'OPEN');
    const { n: fileCase, eventId } = await downloadableEvent(emu);
    const existing = [`Case-${n}.pdf`, `Case-${n}.zip`, `Case-${n}-file-events.csv`];
    for (const name of existing) await writeFile(path.join(target, name), `precious ${name}`);

    const saved: SavedFile[] = [];
    const downloads = [
      () => client.downloadSummaryPdf(n, target),
      () => client.downloadFullCaseZip(n, target),
      () => client.downloadFileEventCsv(n, target),
      () => client.downloadFileForEvent(fileCase, eventId, target),
    ];
    const rounds = HOSTILE_NAMES.length + 2; // every form at least once, some twice
    for (let i = 0; i < rounds; i++) saved.push(await (downloads[i % downloads.length] ?? downloads[0])!());
    expect(emu.stats.hostileNamesServed).toBeGreaterThanOrEqual(HOSTILE_NAMES.length);

    for (const file of saved) {
      expect(path.dirname(file.path), file.fileName).toBe(target);
      expect(sanitizeFileName(file.fileName, 'fallback'), file.fileName).toBe(file.fileName);
      expect(file.fileName).not.toMatch(UNSAFE_CHARS);
      expect(Buffer.byteLength(file.fileName)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES + ' (99)'.length);
      expect(sha256(await readFile(file.path))).toBe(file.sha256);
    }
    // Distinct files, the precious ones untouched, nothing else in the folder (no .part files).
    expect(new Set(saved.map((f) => f.path)).size).toBe(saved.length);
    for (const name of existing)
      expect(await readFile(path.join(target, name), 'utf8')).toBe(`precious ${name}`);
    expect((await readdir(target)).sort()).toEqual([...existing, ...saved.map((f) => f.fileName)].sort());
    expect(await readdir(path.join(folder, 'a', 'b'))).toEqual(['c']);
    expect(await readdir(path.join(folder, 'a'))).toEqual(['b']);
    expect(await readdir(folder)).toEqual(['a']);
  });
});

describe('resets mid-body', () => {
  let emu: RunningEmulator;
  let client: IncydrClient;

  beforeAll(async () => {
    emu = await startTestEmulator({ cases: 4, seed: 5, exportMb: 1 });
    client = clientFor(emu, { retry: { limit: 3, baseDelayMs: 5 } });
    await client.authenticate();
  });

  afterAll(async () => {
    await emu.close();
  });

  it('a reset mid-body is retried from scratch: one whole file, no part file', async () => {
    const n = caseWith(emu, 'OPEN');
    emu.queueFaults('reset', 'wrong-length');
    const saved = await client.downloadFullCaseZip(n, folder);
    expect(emu.stats.faults.reset).toBeGreaterThanOrEqual(1);
    expect(await readdir(folder)).toEqual([saved.fileName]);
    expect(sha256(await readFile(saved.path))).toBe(saved.sha256);
    expect(saved.bytes).toBeGreaterThan(512 * 1024);
  });

  it('resets on every attempt leave neither a part file nor a partial file', async () => {
    const n = caseWith(emu, 'OPEN');
    emu.queueFaults('reset', 'reset', 'wrong-length', 'reset');
    await expect(client.downloadFullCaseZip(n, folder)).rejects.toMatchObject({
      code: expect.stringMatching(/^(NETWORK|LENGTH_MISMATCH)$/u),
    });
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('bytes under faults', () => {
  let faulty: RunningEmulator;
  let clean: RunningEmulator;
  let client: IncydrClient;

  beforeAll(async () => {
    [faulty, clean] = await Promise.all([
      startTestEmulator({ cases: 5, seed: 321, exportMb: 1, faultRate: 0.3 }),
      startTestEmulator({ cases: 5, seed: 321, exportMb: 1 }),
    ]);
    client = clientFor(faulty, { retry: { limit: 8, baseDelayMs: 5 } });
  });

  afterAll(async () => {
    await Promise.all([faulty.close(), clean.close()]);
  });

  /** The same URL fetched raw (no client code) from the fault-free twin. */
  async function rawSha(url: string): Promise<string> {
    const basic = Buffer.from(`${clean.clientId}:${clean.clientSecret}`).toString('base64');
    const auth = await fetch(`${clean.url}/v1/oauth`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
    });
    const { access_token: token } = (await auth.json()) as { access_token: string };
    const res = await fetch(`${clean.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return sha256(Buffer.from(await res.arrayBuffer()));
  }

  it('each download has the SHA-256 of the fault-free original', async () => {
    const n = caseWith(faulty, 'OPEN');
    const { n: fileCase, eventId } = await downloadableEvent(faulty);
    const cases: [() => Promise<SavedFile>, string][] = [
      [
        () => client.downloadFullCaseZip(n, folder),
        `/v1/cases/${n}/export/full?summary=true&fileEvents=true&files=true`,
      ],
      [() => client.downloadSummaryPdf(n, folder), `/v1/cases/${n}/export`],
      [() => client.downloadFileEventCsv(n, folder), `/v1/cases/${n}/fileevent/export`],
      [
        () => client.downloadFileForEvent(fileCase, eventId, folder),
        `/v1/cases/${fileCase}/fileevent/${encodeURIComponent(eventId)}/file`,
      ],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [download, url] of cases) {
        const saved = await download();
        expect(saved.sha256, url).toBe(await rawSha(url));
        expect(sha256(await readFile(saved.path)), url).toBe(saved.sha256);
      }
    }
    expect((await faulty.eventFile(eventId))?.sha256).toBe(await rawSha(cases[3]?.[1] ?? ''));
    expect((await readdir(folder)).filter((name) => name.endsWith('.part'))).toEqual([]);
    expect(await readdir(folder)).toHaveLength(8);
  });
});
