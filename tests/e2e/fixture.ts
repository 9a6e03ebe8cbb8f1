/**
 * The browser E2E fixture: builds the renderer (as the app ships it) when `dist/renderer` is older
 * than its sources, starts the test harness (the built UI + the real handlers over a loopback
 * WebSocket + a test platform), and drives Debian's Chromium through playwright-core with a fresh
 * profile. Every uncaught page error and console error is collected, so a test can fail on them.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness } from '../harness/index.js';
import type { Harness, HarnessOptions } from '../harness/index.js';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');
const RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');
/** Written once the fixture built `dist/renderer`; outside it, as electron-builder packs that folder. */
const RENDERER_STAMP = join(REPO_ROOT, 'dist', '.renderer-build');
const STAMP_TEXT = 'production\n';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What the page reported that it should not have: uncaught errors and console errors. */
export interface PageProblem {
  kind: 'pageerror' | 'console';
  text: string;
}

export interface E2E {
  harness: Harness;
  context: BrowserContext;
  page: Page;
  problems: PageProblem[];
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Saves `test-output/screenshots/<name>.png`. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), 0);
}

/**
 * Builds the renderer into `outDir` as the app ships it. NODE_ENV is set explicitly: vite makes a
 * Svelte development build whenever NODE_ENV is not `production`, and vitest sets it to `test`.
 */
export function buildRenderer(outDir: string): void {
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [
    vite,
    'build',
    '--mode',
    'production',
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ];
  const run = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error(`vite build of the renderer failed (exit ${run.status})`);
}

/**
 * Builds `dist/renderer` when it is missing, older than its sources, or was not built here as a
 * production build (the stamp: earlier fixtures made development builds, and `npm run build` writes
 * none, which costs one extra build).
 */
export function ensureRendererBuilt(): void {
  const built = join(RENDERER_DIR, 'index.html');
  const sources = ['src-renderer', 'src-shared', 'vite.config.ts'].map((p) => join(REPO_ROOT, p));
  const fresh =
    existsSync(built) &&
    existsSync(RENDERER_STAMP) &&
    readFileSync(RENDERER_STAMP, 'utf8') === STAMP_TEXT &&
    statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime));
  if (fresh) return;
  rmSync(RENDERER_STAMP, { force: true });
  buildRenderer(RENDERER_DIR);
  writeFileSync(RENDERER_STAMP, STAMP_TEXT);
}

export async function startE2E(options: HarnessOptions = {}): Promise<E2E> {
  ensureRendererBuilt();
  const harness = await startHarness({ rendererDir: RENDERER_DIR, ...options });
  const profile = mkdtempSync(join(tmpdir(), 'case-desk-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 820 },
      timeout: 60_000,
    });
  } catch (error) {
    await harness.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: PageProblem[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.message }));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push({ kind: 'console', text: message.text() });
  });
  page.on('request', (request) => requests.push(request.url()));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    harness,
    context,
    page,
    problems,
    requests,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      try {
        await context.close();
      } finally {
        await harness.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
