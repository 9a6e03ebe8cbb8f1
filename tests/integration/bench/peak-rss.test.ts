// The benchmarks' peak-RSS measure counts the measured process's own memory, not its parent's.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const MB = 1024 * 1024;
const helper = join(import.meta.dirname, '..', '..', 'bench', 'helpers', 'peak-rss.ts');

it('reports a child its own peak, not the RSS its parent had when it started it', () => {
  // A parent holding 400 MB starts a small child that prints both measures.
  const child = `import(${JSON.stringify(helper)}).then((m) => console.log(JSON.stringify({ peak: m.peakRssBytes(), maxRss: process.resourceUsage().maxRSS * 1024 })))`;
  const parent = `
    const held = Buffer.alloc(400 * 2 ** 20, 1);
    const run = require('node:child_process').spawnSync(process.execPath, ['--import', 'tsx', '-e', ${JSON.stringify(child)}], { encoding: 'utf8' });
    process.stdout.write(run.stdout + run.stderr);
    if (held[0] !== 1) process.exitCode = 3;`;
  const run = spawnSync(process.execPath, ['-e', parent], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const { peak, maxRss } = JSON.parse(run.stdout) as { peak: number; maxRss: number };
  // The kernel's maxRSS carries the parent's 400 MB over; the child's own peak is far below it.
  expect(maxRss).toBeGreaterThan(400 * MB);
  expect(peak).toBeGreaterThan(10 * MB);
  expect(peak).toBeLessThan(250 * MB);
});
