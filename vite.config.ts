import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Three builds, chosen by `--mode` (scripts/build.mjs runs all three; `npm run build`):
 * - default: the Svelte renderer -> dist/renderer
 * - `main`: the Electron main process -> dist/main/main.js (ESM, Node target)
 * - `preload`: the sandboxed preload -> dist/preload/preload.cjs (CommonJS, only `electron` external)
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const renderer: UserConfig = {
  root: 'src-renderer',
  base: './',
  plugins: [svelte()],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
};

const main: UserConfig = {
  root,
  publicDir: false,
  build: {
    ssr: 'src-main/electron/main.ts',
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node22', // Electron 45 ships Node 22
    sourcemap: true,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
  },
  ssr: {
    target: 'node',
    // Bundle the pure-JS dependencies. keytar and kerberos (a proxy's optional Negotiate auth) are
    // native and optional; pdfkit reads its font files from its own package folder at run time.
    noExternal: true,
    external: ['electron', 'keytar', 'kerberos', 'pdfkit', ...nodeBuiltins],
  },
};

const preload: UserConfig = {
  root,
  publicDir: false,
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'chrome140', // Electron 45's Chromium
    minify: false, // small, and readable when someone checks what the page can reach
    lib: { entry: 'src-main/electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rolldownOptions: { external: ['electron'] },
  },
};

export function configFor(mode: string): UserConfig {
  if (mode === 'main') return main;
  if (mode === 'preload') return preload;
  return renderer;
}

export default defineConfig(({ mode }) => configFor(mode));
