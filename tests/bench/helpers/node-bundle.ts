// A benchmark helper: bundles a helper script into one JavaScript file the way the app's main process
// is built (vite.config.ts, `main` mode: rolldown, the dependencies bundled in), to be run with plain
// `node`. The app never runs under tsx; a helper run through it measured the TypeScript loader as well
// as the client: ~45 MB more peak RSS for the loader's own thread and isolate, ~2.5 s more CPU per
// GB downloaded, and a heap just big enough for V8 to run a full mark-compact every ~16 MB (65 per
// GB) where the bundled client ran none.
import { basename, join } from 'node:path';
import { build } from 'vite';
import { configFor } from '../../../vite.config.js';

/**
 * Inside the project, so the few packages left external still resolve from its node_modules; not in
 * dist/, which electron-builder packages whole.
 */
const OUT_DIR = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.cache', 'case-desk-bench');

/** Bundles the TypeScript file `entry` into OUT_DIR/<name>.mjs and returns that file's path. */
export async function bundleForNode(entry: string): Promise<string> {
  const name = basename(entry).replace(/\.ts$/u, '');
  const main = configFor('main');
  await build({
    ...main,
    configFile: false,
    logLevel: 'warn',
    build: {
      ...main.build,
      ssr: entry,
      outDir: OUT_DIR,
      emptyOutDir: false,
      target: `node${process.versions.node.split('.')[0]}`,
      sourcemap: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
  });
  return join(OUT_DIR, `${name}.mjs`);
}
