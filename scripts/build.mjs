#!/usr/bin/env node
// `npm run build`: the renderer, the Electron main process and the preload, each from its mode in
// vite.config.ts; then the renderer's gzipped JavaScript size against the 250 KB budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const RENDERER_DIR = 'dist/renderer';
const BUDGET_BYTES = 250 * 1024;

// The renderer is the default mode, so `npx vite build` alone still builds it.
for (const [name, mode] of [
  ['renderer', 'production'],
  ['main', 'main'],
  ['preload', 'preload'],
]) {
  console.log(`=== build ${name}`);
  await build({ configFile: 'vite.config.ts', mode, logLevel: 'warn' });
}

const scripts = listFiles(RENDERER_DIR).filter((file) => /\.m?js$/u.test(file));
let total = 0;
for (const file of scripts) {
  const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
  total += gzipped;
  console.log(`  ${relative(RENDERER_DIR, file)}: ${kb(gzipped)} gzipped`);
}
const verdict = total < BUDGET_BYTES ? 'within' : 'OVER';
console.log(`renderer JavaScript: ${kb(total)} gzipped (${verdict} the ${kb(BUDGET_BYTES)} budget)`);
if (total >= BUDGET_BYTES) process.exitCode = 1;

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
