#!/usr/bin/env node
// `npm test`: everything CI runs, in order — types, lint, then each vitest project. Vitest writes
// JSON results per step; the last line printed sums them as "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = 'test-output';
rmSync(join(out, 'results'), { recursive: true, force: true });
mkdirSync(join(out, 'results'), { recursive: true });

/** @type {{ name: string, cmd: string[], results?: string }[]} */
const steps = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
  {
    name: 'svelte-check',
    cmd: ['npx', 'svelte-check', '--tsconfig', './src-renderer/tsconfig.json', '--fail-on-warnings'],
  },
  { name: 'lint', cmd: ['npx', 'eslint', '.'] },
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  // e2e builds the renderer and drives it in Debian Chromium through the test harness.
  ...['unit', 'integration', 'e2e'].map((project) => ({
    name: project,
    results: join(out, 'results', `${project}.json`),
    cmd: [
      'npx',
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(out, 'results', `${project}.json`)}`,
    ],
  })),
  // keytar against a real Secret Service: a private D-Bus session with an unlocked GNOME Keyring.
  {
    name: 'keychain',
    results: join(out, 'results', 'keychain.json'),
    cmd: [
      'scripts/with-keyring.sh',
      'npx',
      'vitest',
      'run',
      '--project',
      'keychain',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(out, 'results', 'keychain.json')}`,
    ],
  },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: process.env });
  console.log(`=== ${step.name}: exit ${run.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) failedSteps.push(step.name);
  if (step.results && existsSync(step.results)) {
    const r = JSON.parse(readFileSync(step.results, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  } else if (step.results) {
    failed += 1; // a test step that produced no results did not run: count it as a failure
  }
}

if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
