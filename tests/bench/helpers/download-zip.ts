// Child process of download-1gb-zip.bench.ts: downloads one full-case ZIP with the real client and
// prints {ms, bytes, sha256, maxRssBytes} as JSON. Runs alone (bundled, with plain node) so its peak RSS
// is the client's own.
import { IncydrClient } from '../../../src-main/core/incydr/index.js';
import { peakRssBytes } from './peak-rss.js';

const [baseUrl, clientId, clientSecret, caseNumber, folder] = process.argv.slice(2);
if (!baseUrl || !clientId || !clientSecret || !caseNumber || !folder) {
  console.error('usage: download-zip URL CLIENT_ID SECRET CASE FOLDER');
  process.exit(2);
}
const client = new IncydrClient({ baseUrl, clientId, clientSecret });
const started = performance.now();
const saved = await client.downloadFullCaseZip(Number(caseNumber), folder);
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms,
    bytes: saved.bytes,
    sha256: saved.sha256,
    maxRssBytes: peakRssBytes(),
  }),
);
