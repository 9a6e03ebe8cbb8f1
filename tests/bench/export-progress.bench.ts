// What one `exports.progress` event costs the main process for a job at the 50,000-case limit: building
// the payload and cloning it for IPC (v8.serialize, the structured clone Electron uses), the summary
// the window is sent against the whole job with its items (what was sent before), in the same run.
// No target in an issue; it shows why the items come a page at a time (`exports.items`).
import { serialize } from 'node:v8';
import { EXPORT_MAX_CASES } from '../../src-shared/domain/exports.js';
import { ExportJob } from '../../src-main/core/exports/index.js';
import { median, report } from './helpers/stats.js';

const ROUNDS = 15;
const job = ExportJob.create(
  {
    profileKey: 'bench',
    profileLabel: 'Bench',
    folder: '/tmp',
    kind: 'zip',
    items: Array.from({ length: EXPORT_MAX_CASES }, (_, i) => ({
      caseNumber: i + 1,
      caseName: `Exfiltration review ${i + 1} — a typical case name`,
      listed: true,
    })),
  },
  {
    client: () => {
      throw new Error('the bench never runs the job');
    },
  },
);

function cost(make: () => unknown): { ms: number; bytes: number } {
  const times: number[] = [];
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    bytes = serialize(make()).length;
    times.push(performance.now() - started);
  }
  return { ms: median(times), bytes };
}

const full = cost(() => job.snapshot());
const summary = cost(() => job.summary());
const page = cost(() => job.itemPage(0, 100));
console.log(`a job of ${EXPORT_MAX_CASES.toLocaleString('en-US')} cases, median of ${ROUNDS}`);
report(
  'whole job with items (reference)',
  `${full.ms.toFixed(2)} ms, ${full.bytes.toLocaleString('en-US')} bytes`,
);
report(
  'progress event (summary)',
  `${summary.ms.toFixed(2)} ms, ${summary.bytes.toLocaleString('en-US')} bytes`,
);
report('one page of 100 items', `${page.ms.toFixed(2)} ms, ${page.bytes.toLocaleString('en-US')} bytes`);
report('summary / whole job, time', `${(summary.ms / full.ms).toFixed(3)}x`);
