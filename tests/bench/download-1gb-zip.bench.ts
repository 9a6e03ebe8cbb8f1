// Issue 2: download a ~1 GB full-case ZIP from the emulator with the client, against curl fetching the
// same URL in the same run. Prints the client's peak RSS and time / curl time (medians of alternating runs).
// For scale it also times Node's own http module fetching the same URL and discarding the body: what
// any Node client costs before it writes, hashes or syncs a byte.
// Both Node sides run as the app ships its main process: bundled into plain JavaScript (vite's `main`
// build) and started with `node`, not through tsx (see helpers/node-bundle.ts).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src-main/emulator/server.js';
import { bundleForNode } from './helpers/node-bundle.js';
import { median, mb, report, timeChild } from './helpers/stats.js';
import { fetchToken } from './helpers/token.js';

const SIZE_MB = Number(process.env.BENCH_ZIP_MB ?? 1024);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const emulator = await startEmulator({ cases: 12, seed: 7, exportMb: SIZE_MB });
const folder = mkdtempSync(join(tmpdir(), 'case-desk-bench-'));
try {
  const helpers = join(import.meta.dirname, 'helpers');
  const downloadZip = await bundleForNode(join(helpers, 'download-zip.ts'));
  const nodeHttpDiscard = await bundleForNode(join(helpers, 'node-http-discard.ts'));
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

  let peakRss = 0;
  let lastRss = 0;
  let bytes = 0;
  const token = (): Promise<string> => fetchToken(emulator.url, emulator.clientId, emulator.clientSecret);
  /** Each fetch of the URL, timed; returns milliseconds and the bytes it got. */
  const runners = {
    curl: async (): Promise<{ ms: number; bytes: number }> => {
      const curlFile = join(folder, 'curl.zip');
      const curl = await timeChild('curl', [
        '-sS',
        '-f',
        '-o',
        curlFile,
        '-w',
        '%{time_total} %{size_download}',
        '-H',
        `Authorization: Bearer ${await token()}`,
        url,
      ]);
      rmSync(curlFile);
      const [seconds, size] = curl.stdout.trim().split(' ').map(Number);
      return { ms: seconds! * 1000, bytes: size! };
    },
    'node http': async (): Promise<{ ms: number; bytes: number }> => {
      const floor = await timeChild(process.execPath, [nodeHttpDiscard, url, await token()]);
      return JSON.parse(floor.stdout.trim().split('\n').pop()!) as { ms: number; bytes: number };
    },
    client: async (): Promise<{ ms: number; bytes: number }> => {
      const out = join(folder, 'client');
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out);
      const run = await timeChild(process.execPath, [
        downloadZip,
        emulator.url,
        emulator.clientId,
        emulator.clientSecret,
        String(caseNumber),
        out,
      ]);
      rmSync(out, { recursive: true, force: true });
      const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
        ms: number;
        bytes: number;
        maxRssBytes: number;
      };
      lastRss = result.maxRssBytes;
      peakRss = Math.max(peakRss, lastRss);
      return result;
    },
  };
  type Runner = keyof typeof runners;
  const times: Record<Runner, number[]> = { curl: [], 'node http': [], client: [] };
  const order: Runner[] = ['curl', 'node http', 'client'];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Each round starts with the next one: no side always runs first, or always after the same one.
    const sequence = [...order.slice(round % 3), ...order.slice(0, round % 3)];
    const got: Partial<Record<Runner, number>> = {};
    for (const name of sequence) {
      const { ms, bytes: size } = await runners[name]();
      times[name].push(ms);
      got[name] = size;
    }
    bytes = got.curl!;
    if (got['node http'] !== bytes)
      throw new Error(`node http read ${got['node http']} bytes, curl ${bytes}`);
    if (got.client !== bytes) throw new Error(`client saved ${got.client} bytes, curl ${bytes}`);
    console.log(
      `  round ${round + 1} (${sequence.join(', ')}): ` +
        sequence.map((name) => `${name} ${times[name].at(-1)!.toFixed(0)} ms`).join(', ') +
        ` (client peak RSS ${mb(lastRss)})`,
    );
  }
  const { curl: curlMs, client: clientMs, 'node http': floorMs } = times;
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
