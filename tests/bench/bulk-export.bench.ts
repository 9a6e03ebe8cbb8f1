// Issue 6: bulk exports, each against a reference measured in the same run.
//   1. 40 cases × ~25 MB full ZIPs at concurrency 3, as a ratio to curl fetching the same URLs at the
//      same concurrency (target <= 1.15x);
//   2. one ~2 GB ZIP: peak RSS of the exporting process (a child of its own) under 200 MB;
//   3. 1,000 small CSV exports: the per-item overhead beyond the transfer, i.e. (export time - curl
//      time) / 1,000 at the same concurrency (target under 20 ms per item).
// Sizes and rounds can be lowered with BENCH_BULK_MB, BENCH_BIG_MB, BENCH_SMALL_ITEMS, BENCH_ROUNDS.
// The exporting process runs as the app ships its main process: bundled, with plain `node`
// (helpers/node-bundle.ts).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import type { ExportKind } from '../../src-shared/domain/exports.js';
import { bundleForNode } from './helpers/node-bundle.js';
import { median, mb, report, timeChild } from './helpers/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BULK_MB = Number(process.env.BENCH_BULK_MB ?? 25);
const BIG_MB = Number(process.env.BENCH_BIG_MB ?? 2048);
const SMALL_ITEMS = Number(process.env.BENCH_SMALL_ITEMS ?? 1000);
const CONCURRENCY = 3;

const root = mkdtempSync(join(tmpdir(), 'case-desk-bench-export-'));
const exportJob = await bundleForNode(join(import.meta.dirname, 'helpers', 'export-job.ts'));

interface ExportRun {
  ms: number;
  bytes: number;
  done: number;
  failed: number;
  maxRssBytes: number;
}

try {
  await bulkZips();
  await bigZip();
  await smallExports();
} finally {
  rmSync(root, { recursive: true, force: true });
}

/** Cases with captured files (archived cases have none, so their ZIPs would be tiny). */
function casesWithFiles(emu: RunningEmulator, count: number): number[] {
  const numbers = [...emu.caseNumbers('OPEN'), ...emu.caseNumbers('CLOSED')].sort((a, b) => a - b);
  if (numbers.length < count) throw new Error(`the emulator has only ${numbers.length} cases with files`);
  return numbers.slice(0, count);
}

function urlOf(emu: RunningEmulator, n: number, kind: ExportKind): string {
  const path =
    kind === 'zip'
      ? `v1/cases/${n}/export/full?summary=true&fileEvents=true&files=true`
      : kind === 'pdf'
        ? `v1/cases/${n}/export`
        : `v1/cases/${n}/fileevent/export`;
  return `${emu.url}/${path}`;
}

async function token(emu: RunningEmulator): Promise<string> {
  const res = await fetch(`${emu.url}/v1/oauth`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString('base64')}`,
    },
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** curl fetching every URL into `folder`, CONCURRENCY at a time; wall time of the whole run. */
async function curlRun(
  emu: RunningEmulator,
  numbers: number[],
  kind: ExportKind,
  folder: string,
): Promise<number> {
  const config = join(root, 'curl.config');
  const lines = numbers.flatMap((n) => [
    `url = "${urlOf(emu, n, kind)}"`,
    `output = "${join(folder, `${n}.${kind}`)}"`,
  ]);
  writeFileSync(config, `${lines.join('\n')}\n`);
  const run = await timeChild('curl', [
    '-sS',
    '-f',
    '--no-progress-meter',
    '--parallel',
    '--parallel-max',
    String(CONCURRENCY),
    '-H',
    `Authorization: Bearer ${await token(emu)}`,
    '-K',
    config,
  ]);
  return run.ms;
}

async function exportRun(
  emu: RunningEmulator,
  numbers: number[],
  kind: ExportKind,
  folder: string,
): Promise<ExportRun> {
  const spec = join(root, 'spec.json');
  writeFileSync(
    spec,
    JSON.stringify({
      baseUrl: emu.url,
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      folder,
      kind,
      concurrency: CONCURRENCY,
      items: numbers.map((n) => ({ caseNumber: n, caseName: emu.getCase(n)?.name ?? '' })),
    }),
  );
  const run = await timeChild(process.execPath, [exportJob, spec]);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ExportRun;
  if (result.done !== numbers.length)
    throw new Error(`the export saved ${result.done} of ${numbers.length} cases`);
  return result;
}

/** curl into a fresh folder, removed afterwards. */
async function timedCurl(
  emu: RunningEmulator,
  numbers: number[],
  kind: ExportKind,
  name: string,
): Promise<number> {
  const folder = join(root, name);
  mkdirSync(folder);
  try {
    return await curlRun(emu, numbers, kind, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The export into a fresh folder, removed afterwards. */
async function timedExport(
  emu: RunningEmulator,
  numbers: number[],
  kind: ExportKind,
  name: string,
): Promise<ExportRun> {
  const folder = join(root, name);
  mkdirSync(folder);
  try {
    return await exportRun(emu, numbers, kind, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * After an untimed curl pass (the emulator builds and caches what it serves on first use), rounds of
 * curl and the export, alternating which goes first; medians of each.
 */
async function compare(
  emu: RunningEmulator,
  numbers: number[],
  kind: ExportKind,
): Promise<{ curlMs: number; exportMs: number; bytes: number; peakRss: number }> {
  await timedCurl(emu, numbers, kind, 'warm-up');
  const curlTimes: number[] = [];
  const exportTimes: number[] = [];
  let bytes = 0;
  let peakRss = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const curlFirst = round % 2 === 0;
    if (curlFirst) curlTimes.push(await timedCurl(emu, numbers, kind, `curl-${round}`));
    const result = await timedExport(emu, numbers, kind, `export-${round}`);
    if (!curlFirst) curlTimes.push(await timedCurl(emu, numbers, kind, `curl-${round}`));
    exportTimes.push(result.ms);
    bytes = result.bytes;
    peakRss = Math.max(peakRss, result.maxRssBytes);
    console.log(
      `  round ${round + 1}: curl ${curlTimes.at(-1)?.toFixed(0)} ms, export ${result.ms.toFixed(0)} ms`,
    );
  }
  return { curlMs: median(curlTimes), exportMs: median(exportTimes), bytes, peakRss };
}

async function bulkZips(): Promise<void> {
  console.log(
    `\n40 cases × ~${BULK_MB} MB full ZIPs, concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds`,
  );
  const emu = await startEmulator({ cases: 70, seed: 11, exportMb: BULK_MB });
  try {
    const r = await compare(emu, casesWithFiles(emu, 40), 'zip');
    const ratio = r.exportMs / r.curlMs;
    report('total size', mb(r.bytes));
    report('curl median', `${r.curlMs.toFixed(0)} ms`);
    report('export median', `${r.exportMs.toFixed(0)} ms`);
    report('export time / curl time', `${ratio.toFixed(2)}x`, '<= 1.15x', ratio <= 1.15);
    report('exporting process peak RSS', mb(r.peakRss));
  } finally {
    await emu.close();
  }
}

async function bigZip(): Promise<void> {
  console.log(`\none ~${BIG_MB} MB full ZIP`);
  const emu = await startEmulator({ cases: 6, seed: 7, exportMb: BIG_MB });
  try {
    const numbers = casesWithFiles(emu, 1);
    const curlMs = await timedCurl(emu, numbers, 'zip', 'big-curl');
    const result = await timedExport(emu, numbers, 'zip', 'big-export');
    report('ZIP size', mb(result.bytes));
    report('curl time (for reference)', `${curlMs.toFixed(0)} ms`);
    report('export time', `${result.ms.toFixed(0)} ms`);
    report(
      'exporting process peak RSS',
      mb(result.maxRssBytes),
      '< 200 MB',
      result.maxRssBytes < 200 * 1024 * 1024,
    );
  } finally {
    await emu.close();
  }
}

async function smallExports(): Promise<void> {
  console.log(
    `\n${SMALL_ITEMS} file-event CSV exports, concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds`,
  );
  const emu = await startEmulator({ cases: SMALL_ITEMS, seed: 5, eventsPerCase: { min: 1, max: 3 } });
  try {
    const numbers = emu.caseNumbers();
    const r = await compare(emu, numbers, 'csv');
    const perItem = (r.exportMs - r.curlMs) / numbers.length;
    report('total size', mb(r.bytes));
    report(
      'curl median',
      `${r.curlMs.toFixed(0)} ms (${(r.curlMs / numbers.length).toFixed(2)} ms per item)`,
    );
    report(
      'export median',
      `${r.exportMs.toFixed(0)} ms (${(r.exportMs / numbers.length).toFixed(2)} ms per item)`,
    );
    report('overhead per item beyond curl', `${perItem.toFixed(2)} ms`, '< 20 ms', perItem < 20);
  } finally {
    await emu.close();
  }
}
