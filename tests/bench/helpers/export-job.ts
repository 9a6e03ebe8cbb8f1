// Child process of bulk-export.bench.ts: runs one bulk export job with the real client and prints
// {ms, bytes, done, failed, maxRssBytes} as JSON. Runs alone (bundled, with plain node) so its time and
// peak RSS are its own.
import { readFileSync } from 'node:fs';
import { ExportJob } from '../../../src-main/core/exports/index.js';
import { IncydrClient } from '../../../src-main/core/incydr/index.js';
import type { ExportKind } from '../../../src-shared/domain/exports.js';
import { peakRssBytes } from './peak-rss.js';

interface Spec {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  folder: string;
  kind: ExportKind;
  concurrency: number;
  items: { caseNumber: number; caseName: string }[];
}

const specFile = process.argv[2];
if (!specFile) {
  console.error('usage: export-job SPEC.json');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as Spec;
const client = new IncydrClient({
  baseUrl: spec.baseUrl,
  clientId: spec.clientId,
  clientSecret: spec.clientSecret,
});
await client.authenticate(); // as curl gets its token before it starts
const job = ExportJob.create(
  {
    profileKey: 'bench',
    profileLabel: 'Bench',
    folder: spec.folder,
    kind: spec.kind,
    concurrency: spec.concurrency,
    items: spec.items.map((item) => ({ ...item, listed: true })),
  },
  { client },
);
const started = performance.now();
job.start();
await job.whenIdle();
const ms = performance.now() - started;
const view = job.snapshot();
console.log(
  JSON.stringify({
    ms,
    bytes: view.progress.bytes,
    done: view.counts.done,
    failed: view.counts.failed,
    maxRssBytes: peakRssBytes(),
  }),
);
