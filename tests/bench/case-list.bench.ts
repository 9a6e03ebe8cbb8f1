// Issue 5: the case list at 20,000 cases in the real UI (Chromium through the browser harness,
// the demo emulator in this process).
// (a) Time until the first rows show and until every case is loaded after a new query (a click on
//     a column header), against a raw paged fetch of the same pages from the same emulator with Node's
//     fetch in the same run (same query, same page size), alternating rounds; medians.
// (b) The longest main-thread task while scrolling the whole list top to bottom a screenful at a time:
//     PerformanceObserver 'longtask' entries and the longest gap between animation frames.
import type { Page } from 'playwright-core';
import { PAGE_SIZE } from '../../src-renderer/features/cases/paging.js';
import { startE2E } from '../e2e/fixture.js';
import { median, report } from './helpers/stats.js';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Timing {
  firstMs: number;
  allMs: number;
}

async function fetchToken(base: string, id: string, secret: string): Promise<string> {
  const res = await fetch(`${base}/v1/oauth`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
  });
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

/** The same pages the list asks for, one after another, each parsed as JSON. */
async function rawFetch(base: string, token: string, key: string, dir: 'asc' | 'desc'): Promise<Timing> {
  const started = performance.now();
  let firstMs = 0;
  for (let pgNum = 1; ; pgNum++) {
    const url = `${base}/v1/cases?pgNum=${pgNum}&pgSize=${PAGE_SIZE}&srtKey=${key}&srtDir=${dir}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const page = (await res.json()) as { cases: unknown[]; totalCount: number };
    if (pgNum === 1) firstMs = performance.now() - started;
    if (page.cases.length < PAGE_SIZE || pgNum * PAGE_SIZE >= page.totalCount) break;
  }
  return { firstMs, allMs: performance.now() - started };
}

function sortDir(page: Page): Promise<string | null> {
  return page.locator('table.cases thead th', { hasText: 'Name' }).getAttribute('aria-sort');
}

/**
 * In-page timing of one load (plain JavaScript: a page function compiled by tsx would carry helpers
 * the page lacks). From the click to the first rows of the new query in the DOM while the grid is
 * still busy, and to the grid no longer busy, checked once per frame.
 */
const TIME_NEXT_LOAD = `window.__listTiming = new Promise((resolve) => {
  document.addEventListener('click', () => {
    const started = performance.now();
    let first = 0;
    const tick = () => {
      const now = performance.now();
      const grid = document.querySelector('[role="grid"]');
      const busy = grid ? grid.getAttribute('aria-busy') : null;
      const shown = document.querySelector('table.cases tbody tr[data-case]');
      if (first === 0 && shown && busy === 'true') first = now;
      if (first !== 0 && busy === 'false') return resolve({ firstMs: first - started, allMs: now - started });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, { capture: true, once: true });
}); undefined`;

/** Clicks the Name header (a new query) and times the load it starts. */
async function uiLoad(page: Page): Promise<Timing> {
  await page.evaluate(TIME_NEXT_LOAD);
  await page.locator('table.cases thead th', { hasText: 'Name' }).getByRole('button').click();
  const timing = (await page.evaluate('window.__listTiming')) as Timing;
  await waitForAll(page, CASES);
  return timing;
}

async function waitForAll(page: Page, total: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const grid = (
        globalThis as unknown as {
          document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
        }
      ).document.querySelector('[role="grid"]');
      return (
        grid?.getAttribute('aria-busy') === 'false' &&
        grid.getAttribute('aria-rowcount') === String(count + 1)
      );
    },
    total,
    { timeout: 120_000 },
  );
}

/**
 * Scrolls the grid from top to bottom, a screenful per frame, recording long tasks (> 50 ms, as the
 * browser reports them) and the longest gap between two frames.
 */
const SCROLL_WHOLE_LIST = `(async () => {
  const grid = document.querySelector('[role="grid"]');
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  grid.scrollTop = 0;
  await frame();
  await frame();
  let last = await frame();
  let longestGap = 0;
  let steps = 0;
  const seen = new Set();
  while (grid.scrollTop + grid.clientHeight < grid.scrollHeight) {
    grid.scrollTop += grid.clientHeight;
    steps++;
    const now = await frame();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    for (const row of grid.querySelectorAll('tbody tr[data-case]')) seen.add(row.id);
  }
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return {
    steps,
    rows: seen.size,
    longTasks: tasks.length,
    longestTaskMs: tasks.length > 0 ? Math.max(...tasks) : 0,
    longestFrameGapMs: longestGap,
  };
})()`;

interface ScrollResult {
  steps: number;
  rows: number;
  longTasks: number;
  longestTaskMs: number;
  longestFrameGapMs: number;
}

async function scrollWholeList(page: Page): Promise<ScrollResult> {
  return (await page.evaluate(SCROLL_WHOLE_LIST)) as ScrollResult;
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────────

const e2e = await startE2E({ session: { demo: { cases: CASES, seed: 42 } } });
const { page } = e2e;
try {
  await page.goto(e2e.harness.url);
  await page.getByRole('button', { name: 'Open demo workspace' }).click();
  await waitForAll(page, CASES);
  const emulator = e2e.harness.session.demoEmulator();
  if (!emulator) throw new Error('the demo workspace has no emulator');
  const token = await fetchToken(emulator.url, emulator.clientId, emulator.clientSecret);
  console.log(`${CASES.toLocaleString('en-US')} cases, pages of ${PAGE_SIZE}, ${ROUNDS} alternating rounds`);

  // A warm-up of both, so neither pays for first-time compilation in the measured rounds.
  await rawFetch(emulator.url, token, 'name', 'asc');
  await uiLoad(page);

  const raw: Timing[] = [];
  const ui: Timing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Each click on the Name header flips its direction: a new query every round.
    const dir = (await sortDir(page)) === 'ascending' ? 'desc' : 'asc';
    raw.push(await rawFetch(emulator.url, token, 'name', dir));
    ui.push(await uiLoad(page));
    console.log(
      `  round ${round + 1} (name ${dir}): raw first ${raw.at(-1)!.firstMs.toFixed(0)} ms, all ` +
        `${raw.at(-1)!.allMs.toFixed(0)} ms; UI first rows ${ui.at(-1)!.firstMs.toFixed(0)} ms, all ` +
        `${ui.at(-1)!.allMs.toFixed(0)} ms`,
    );
  }
  const rawFirst = median(raw.map((t) => t.firstMs));
  const rawAll = median(raw.map((t) => t.allMs));
  const uiFirst = median(ui.map((t) => t.firstMs));
  const uiAll = median(ui.map((t) => t.allMs));
  report('raw fetch: first page (median)', `${rawFirst.toFixed(0)} ms`);
  report('raw fetch: all pages (median)', `${rawAll.toFixed(0)} ms`);
  report('UI: first rows shown (median)', `${uiFirst.toFixed(0)} ms`);
  report('UI: all loaded (median)', `${uiAll.toFixed(0)} ms`);
  report('UI first rows / raw first page', `${(uiFirst / rawFirst).toFixed(2)}x`);
  report(
    'UI all loaded / raw all pages',
    `${(uiAll / rawAll).toFixed(2)}x`,
    '<= 1.5x',
    uiAll / rawAll <= 1.5,
  );

  const scroll = await scrollWholeList(page);
  report('scroll: screenfuls scrolled', `${scroll.steps} (${scroll.rows.toLocaleString('en-US')} rows)`);
  report('scroll: long tasks (> 50 ms)', String(scroll.longTasks));
  report('scroll: longest long task', `${scroll.longestTaskMs.toFixed(0)} ms`);
  report('scroll: longest gap between frames', `${scroll.longestFrameGapMs.toFixed(1)} ms`);
  const longest = Math.max(scroll.longestTaskMs, scroll.longestFrameGapMs);
  report('scroll: longest main-thread task', `${longest.toFixed(1)} ms`, '< 50 ms', longest < 50);
  if (e2e.problems.length > 0) throw new Error(`the page reported errors: ${JSON.stringify(e2e.problems)}`);
} finally {
  await e2e.close();
}
