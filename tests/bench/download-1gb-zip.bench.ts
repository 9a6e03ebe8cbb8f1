// Issue 2: download a ~1 GB full-case ZIP from the emulator with the client, against curl fetching the
// same URL in the same run. Prints the client's peak RSS and time / curl time (medians of alternating runs).
// For scale it also times Node's own http module fetching the same URL and discarding the body: what
// any Node client costs before it writes, hashes or syncs a byte.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src-main/emulator/server.js';
import { median, mb, report, timeChild } from './helpers/stats.js';
import { fetchToken } from './helpers/token.js';

const SIZE_MB = Number(process.env.BENCH_ZIP_MB ?? 1024);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const emulator = await startEmulator({ cases: 12, seed: 7, exportMb: SIZE_MB });
const folder = mkdtempSync(join(tmpdir(), 'case-desk-bench-'));
try {
  const caseNumber = emulator.caseNumbers('OPEN')[0];
  if (caseNumber === undefined) throw new Error('the emulator has no open case');
  const url = `${emulator.url}/v1/cases/${caseNumber}/export/full?summary=true&fileEvents=true&files=true`;
  console.log(`case ${caseNumber}, ~${SIZE_MB} MB ZIP, ${ROUNDS} alternating rounds`);

  // One untimed fetch first: the emulator's first export of a case also hashes its captured files
  // (for the file-events CSV) and keeps the hashes, so it is ~30% slower; without this, the first timed
  // round gave that cost to curl, which runs first, and made the ratio look better than it is.
  const warmUp = await timeChild('curl', [
    '-sS',
    '-f',
    '-o',
    '/dev/null',
    '-H',
    `Authorization: Bearer ${await fetchToken(emulator.url, emulator.clientId, emulator.clientSecret)}`,
    url,
  ]);
  console.log(`  warm-up fetch (not counted): ${warmUp.ms.toFixed(0)} ms`);

  const curlMs: number[] = [];
  const clientMs: number[] = [];
  const floorMs: number[] = [];
  let peakRss = 0;
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const curlFile = join(folder, 'curl.zip');
    const curl = await timeChild('curl', [
      '-sS',
      '-f',
      '-o',
      curlFile,
      '-w',
      '%{time_total} %{size_download}',
      '-H',
      `Authorization: Bearer ${await fetchToken(emulator.url, emulator.clientId, emulator.clientSecret)}`,
      url,
    ]);
    const [curlSeconds, curlBytes] = curl.stdout.trim().split(' ').map(Number);
    curlMs.push(curlSeconds! * 1000);
    rmSync(curlFile);

    const floor = await timeChild('npx', [
      'tsx',
      join(import.meta.dirname, 'helpers', 'node-http-discard.ts'),
      url,
      await fetchToken(emulator.url, emulator.clientId, emulator.clientSecret),
    ]);
    const floorRun = JSON.parse(floor.stdout.trim().split('\n').pop()!) as { ms: number; bytes: number };
    if (floorRun.bytes !== curlBytes)
      throw new Error(`node http read ${floorRun.bytes} bytes, curl ${curlBytes}`);
    floorMs.push(floorRun.ms);

    const out = join(folder, `client-${round}`);
    rmSync(out, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(out));
    const run = await timeChild('npx', [
      'tsx',
      join(import.meta.dirname, 'helpers', 'download-zip.ts'),
      emulator.url,
      emulator.clientId,
      emulator.clientSecret,
      String(caseNumber),
      out,
    ]);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      ms: number;
      bytes: number;
      maxRssBytes: number;
    };
    if (result.bytes !== curlBytes) throw new Error(`client saved ${result.bytes} bytes, curl ${curlBytes}`);
    clientMs.push(result.ms);
    peakRss = Math.max(peakRss, result.maxRssBytes);
    bytes = result.bytes;
    rmSync(out, { recursive: true, force: true });
    console.log(
      `  round ${round + 1}: curl ${curlMs.at(-1)!.toFixed(0)} ms, node http ${floorRun.ms.toFixed(0)} ms, ` +
        `client ${result.ms.toFixed(0)} ms`,
    );
  }
  const ratio = median(clientMs) / median(curlMs);
  report('ZIP size', mb(bytes));
  report('curl median', `${median(curlMs).toFixed(0)} ms`);
  report('client median', `${median(clientMs).toFixed(0)} ms`);
  report('node http, body discarded (median)', `${median(floorMs).toFixed(0)} ms`);
  report('client time / curl time', `${ratio.toFixed(2)}x`, '<= 1.2x', ratio <= 1.2);
  report('  node http (discarding) / curl, for scale', `${(median(floorMs) / median(curlMs)).toFixed(2)}x`);
  report('client peak RSS', mb(peakRss), '< 150 MB', peakRss < 150 * 1024 * 1024);
} finally {
  rmSync(folder, { recursive: true, force: true });
  await emulator.close();
}
