/**
 * A bulk export of 50 cases against the emulator's fault modes at once — 20% of requests misbehave
 * (429 with Retry-After, 5xx, resets mid-body, wrong Content-Length, latency), every download carries
 * a hostile file name, tokens live 2 seconds and are revoked mid-job — finishes with every file
 * byte-identical to what a fault-free emulator of the same seed serves, a truthful manifest, the
 * files in the library, and no part file left.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportJobStore } from '../../../src-main/core/exports/index.js';
import { ExportLibrary } from '../../../src-main/core/library/index.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import {
  clientFor,
  expectNothingPartial,
  expectTruthfulManifest,
  exportPath,
  jobFor,
  rawSha256,
  readManifest,
  tempFolder,
} from './helpers.js';

const SEED = { cases: 50, seed: 61, exportMb: 0.25 };

let faulty: RunningEmulator;
let clean: RunningEmulator;
let folder: string;
let dataDir: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  faulty = await startEmulator({ ...SEED, faultRate: 0.2, hostileFilenames: true, tokenTtlSeconds: 2 });
  clean = await startEmulator(SEED);
  for (const prefix of ['faults', 'faults-data']) {
    const temp = await tempFolder(prefix);
    cleanups.push(temp.remove);
    if (prefix === 'faults') folder = temp.folder;
    else dataDir = temp.folder;
  }
});

afterAll(async () => {
  await Promise.all([faulty.close(), clean.close(), ...cleanups.map((c) => c())]);
});

describe('a bulk export of 50 cases under a 20% fault rate', () => {
  it('saves every case byte-identical to the fault-free emulator, with a truthful manifest', async () => {
    const numbers = faulty.caseNumbers();
    expect(numbers).toHaveLength(50);
    const store = new ExportJobStore(dataDir);
    const library = new ExportLibrary(dataDir);
    const job = jobFor(
      clientFor(faulty),
      folder,
      numbers,
      { store, concurrency: 4 },
      {
        onSaved: async (saved) => {
          await library.add({ ...saved, eventId: null });
        },
      },
    );
    let revokedTokens = false;
    const revoked = job.onItemEnded(() => {
      // A third of the way in, every token stops working (as if the server expired them early).
      if (!revokedTokens && job.snapshot().counts.done >= 17) {
        revokedTokens = true;
        faulty.revokeTokens();
      }
    });
    job.start();
    await job.whenIdle();
    revoked();

    const view = job.snapshot();
    expect(view.state).toBe('finished');
    expect(view.items.filter((item) => item.state !== 'done')).toEqual([]);
    // The faults really happened, and the names really were hostile.
    const faults = Object.values(faulty.stats.faults).reduce((a, b) => a + b, 0);
    expect(faults).toBeGreaterThan(10);
    expect(faulty.stats.faults.reset + faulty.stats.faults['wrong-length']).toBeGreaterThan(0);
    expect(faulty.stats.hostileNamesServed).toBeGreaterThanOrEqual(50);
    expect(revokedTokens).toBe(true);
    expect(faulty.stats.tokensIssued).toBeGreaterThan(1);

    // Every file is what the fault-free twin serves for that case, byte for byte.
    for (const item of view.items) {
      const expected = await rawSha256(clean, exportPath(item.caseNumber, 'zip', null));
      expect({ case: item.caseNumber, sha256: item.sha256, bytes: item.bytes }).toEqual({
        case: item.caseNumber,
        ...expected,
      });
      expect(item.caseName).toBe(clean.getCase(item.caseNumber)?.name);
    }

    const manifest = await readManifest(folder);
    expect(manifest.json.jobId).toBe(job.jobId);
    expect(manifest.json.jobState).toBe('finished');
    expect(manifest.json.counts['done']).toBe(50);
    expect(manifest.json.items.map((item) => item.caseNumber)).toEqual(numbers);
    await expectTruthfulManifest(folder, manifest);
    await expectNothingPartial(folder);
    expect(view.manifest?.jsonPath).toBe(path.join(folder, 'case-desk-manifest.json'));

    // The job's saved state and the library say the same.
    const saved = await store.load(job.jobId);
    expect(saved?.state).toBe('finished');
    expect(saved?.items.map((item) => item.sha256)).toEqual(view.items.map((item) => item.sha256));
    await library.flush();
    const entries = await new ExportLibrary(dataDir).list('test');
    expect(entries).toHaveLength(50);
    expect(new Set(entries.map((e) => e.sha256))).toEqual(new Set(view.items.map((item) => item.sha256)));
    expect(entries.every((e) => e.jobId === job.jobId && path.dirname(e.path) === folder)).toBe(true);
  });
});
