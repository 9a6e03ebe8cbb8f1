/**
 * `case-desk cases export` against the emulator: a selection or a list filter, the parts of a ZIP, a
 * manifest next to the files, a line per case (or a progress bar on a terminal), a summary, and exit
 * status 1 when any case failed.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseJson, runWith, startCliHarness, connectionEnv } from '../cli/helpers.js';
import type { CliHarness } from '../cli/helpers.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import {
  expectNothingPartial,
  expectTruthfulManifest,
  namesIn,
  readManifest,
  tempFolder,
} from './helpers.js';
import { zipEntries } from '../client/helpers/zip-entries.js';

let h: CliHarness;
let folder: string;
let removeFolder: () => Promise<void>;

beforeAll(async () => {
  h = await startCliHarness({ cases: 10, seed: 8, eventsPerCase: { min: 2, max: 4 } });
});
afterAll(() => h.close());
beforeEach(async () => {
  ({ folder, remove: removeFolder } = await tempFolder('cli-export'));
  h.emu.resetStats();
});
afterEach(() => removeFolder());

describe('case-desk cases export', () => {
  it('exports the listed cases, prints a line per case and a summary, and writes the manifest', async () => {
    const numbers = h.emu.caseNumbers().slice(0, 3);
    const r = await h.run([
      'cases',
      'export',
      '--cases',
      numbers.join(','),
      '--kind',
      'pdf',
      '--path',
      folder,
    ]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^\[\d\/3\] done {6}case \d+ {2}Case-\d+\.pdf {2}\d/u);
    expect(r.stdout).toBe(
      `Exported 3 of 3 cases to ${folder} (${r.stdout.match(/\(([^)]+)\)/u)?.[1]}).\n` +
        `Manifest: ${path.join(folder, 'case-desk-manifest.json')} and case-desk-manifest.csv\n`,
    );
    const manifest = await readManifest(folder);
    expect(manifest.json.items.map((item) => [item.caseNumber, item.caseName, item.file])).toEqual(
      numbers.map((n) => [n, h.emu.getCase(n)?.name, `Case-${n}.pdf`]),
    );
    await expectTruthfulManifest(folder, manifest);
  });

  it('exits 1 when a case failed, naming it; the manifest lists it as failed', async () => {
    const [n] = h.emu.caseNumbers();
    const r = await h.run(['cases', 'export', '--cases', `${n},99999`, '--kind', 'csv', '--path', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'failed    case 99999  NOT_FOUND: There is no case 99999: it may have been deleted.',
    );
    expect(r.stdout).toContain('Exported 1 of 2 cases');
    expect(r.stdout).toContain(
      '1 failed:\n  99999  NOT_FOUND  There is no case 99999: it may have been deleted.\n',
    );
    const manifest = await readManifest(folder);
    expect(manifest.json.items.map((item) => [item.caseNumber, item.status, item.errorCode])).toEqual([
      [n, 'done', null],
      [99999, 'failed', 'NOT_FOUND'],
    ]);
    await expectTruthfulManifest(folder, manifest);
  });

  it('takes any filter of cases list, and prints the rows as JSON with -f json', async () => {
    const open = h.emu.caseNumbers('OPEN');
    const r = await h.run([
      'cases',
      'export',
      '--status',
      'open',
      '--sort',
      'number:desc',
      '--kind',
      'csv',
      '--path',
      folder,
      '-f',
      'json',
      '--concurrency',
      '4',
    ]);
    expect(r.code).toBe(0);
    const out = parseJson<{
      state: string;
      counts: { done: number };
      manifest: { json: string };
      items: { caseNumber: number; sha256: string; file: string }[];
    }>(r.stdout);
    expect(out.state).toBe('finished');
    expect(out.items.map((item) => item.caseNumber)).toEqual([...open].sort((a, b) => b - a));
    expect(out.manifest.json).toBe(path.join(folder, 'case-desk-manifest.json'));
    const manifest = await readManifest(folder);
    expect(manifest.json.items.map((item) => item.sha256)).toEqual(out.items.map((item) => item.sha256));
    // --limit applies too.
    const limited = await h.run([
      'cases',
      'export',
      '--all',
      '--limit',
      '2',
      '--kind',
      'pdf',
      '--path',
      folder,
      '-f',
      'csv',
    ]);
    expect(limited.code).toBe(0);
    expect(limited.stdout.trim().split('\n')).toHaveLength(3);
    expect(limited.stdout.split('\n')[0]).toBe(
      'caseNumber,caseName,file,bytes,sha256,status,errorCode,error',
    );
  });

  it('puts only the chosen parts into each ZIP', async () => {
    const [n] = h.emu.caseNumbers('OPEN');
    const r = await h.run([
      'cases',
      'export',
      '--cases',
      String(n),
      '--summary',
      '--file-events',
      '--path',
      folder,
    ]);
    expect(r.code).toBe(0);
    expect((await zipEntries(path.join(folder, `Case-${n}.zip`))).sort()).toEqual(
      [`Case-${n}/Case-${n}-file-events.csv`, `Case-${n}/Case-${n}.pdf`].sort(),
    );
  });

  it('draws one updating progress line on a terminal, cleared at the end', async () => {
    const r = await h.run(['cases', 'export', '--cases', '1,2', '--kind', 'pdf', '--path', folder], {
      isTTY: true,
    });
    expect(r.code).toBe(0);
    expect(r.stderr.startsWith('\r[')).toBe(true);
    expect(r.stderr).toMatch(/\r\[#{0,24}-{0,24}\] \d\/2 cases {2}/u);
    expect(r.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(r.stderr).not.toContain('\n');
  });

  it('fails plainly for a folder that does not exist, before downloading anything', async () => {
    const missing = path.join(folder, 'nope');
    const r = await h.run(['cases', 'export', '--cases', '1', '--path', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: FOLDER_MISSING: The folder ${missing} no longer exists.\n`);
    expect(h.emu.stats.received['GET /v1/cases/{caseNumber}/export/full']).toBeUndefined();
  });

  it.each([
    [['cases', 'export', '--path', '.'], 'Choose the cases: --cases 1,2,3'],
    [['cases', 'export', '--cases', '1', '--status', 'OPEN'], 'either with --cases or with a filter'],
    [['cases', 'export', '--all', '--status', 'OPEN'], '--all exports every case'],
    [['cases', 'export', '--cases', '1,x'], '--cases takes case numbers'],
    [['cases', 'export', '--cases', '1', '--kind', 'pdf', '--summary'], 'choose the parts of a ZIP'],
    [['cases', 'export', '--cases', '1', '--sort', 'name'], '--sort and --page-size apply to a filter'],
    [['cases', 'export', '--cases', '1', '--concurrency', '9'], 'from 1 to 8'],
    [['cases', 'export', '--cases', '1', '--kind', 'exe'], 'Allowed choices are zip, pdf, csv'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await h.run(args, { cwd: folder });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(await namesIn(folder)).toEqual([]);
    expect(Object.keys(h.emu.stats.received).filter((k) => k.includes('export'))).toEqual([]);
  });
});

describe('under faults and hostile names', () => {
  it('still exports every case, exit 0, nothing partial', async () => {
    const emu = await startEmulator({
      cases: 10,
      seed: 12,
      faultRate: 0.25,
      hostileFilenames: true,
      tokenTtlSeconds: 2,
    });
    try {
      const target = path.join(folder, 'deep', 'er');
      await mkdir(target, { recursive: true });
      const r = await runWith(connectionEnv(emu), [
        'cases',
        'export',
        '--all',
        '--kind',
        'zip',
        '--path',
        target,
      ]);
      expect(r.stdout).toContain('Exported 10 of 10 cases');
      expect(r.code).toBe(0);
      expect(Object.values(emu.stats.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      await expectNothingPartial(target);
      await expectTruthfulManifest(target, await readManifest(target));
      // Nothing escaped the folder.
      expect(await namesIn(folder)).toEqual(['deep']);
      expect(await namesIn(path.join(folder, 'deep'))).toEqual(['er']);
    } finally {
      await emu.close();
    }
  });
});
