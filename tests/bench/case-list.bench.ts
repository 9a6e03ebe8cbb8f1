// Issue 5: the case list at 20,000 cases in the real UI: Chromium on the built renderer, through the
// browser harness (real handlers) running in its own process, connected to the emulator running in a
// third one as a tenant would be (helpers/list-harness.ts).
// (a) Time until the first rows show and until every case is loaded after a new query (a click on
//     a column header), against a raw paged fetch of the same pages from the same emulator with Node's
//     fetch in the same run (same query, same page size), alternating rounds; medians.
// (b) The longest main-thread task while scrolling the whole list top to bottom a screenful per
//     frame: PerformanceObserver 'longtask' entries (one task over 50 ms) and 'long-animation-frame'
//     entries (a frame whose tasks and rendering together kept the main thread over 50 ms); the longest
//     gap between animation frames is printed too. The whole list is scrolled several times (passes)
//     and the target is judged on the median pass, every pass printed: one pass's longest task is a
//     maximum over ~1,300 frames, and on two cores a frame now and then waits for a CPU rather than
//     working (seen in Chrome traces: the renderer's main thread on a CPU for 16 ms of a 44 ms frame,
//     the compositor and raster threads waiting too). As a reference, the browser's own cost to lay
//     out one screenful of changed text in a bare container.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PAGE_SIZE } from '../../src-renderer/features/cases/paging.js';
import { openCdpPage } from './helpers/cdp-page.js';
import type { CdpPage } from './helpers/cdp-page.js';
import { median, report } from './helpers/stats.js';
import { fetchToken } from './helpers/token.js';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SCROLL_PASSES = Number(process.env.BENCH_SCROLL_PASSES ?? 3);
// The timed load watches the grid go busy and come back; one page can come back within a frame.
if (!(CASES > PAGE_SIZE)) throw new Error(`BENCH_CASES must be more than one page (${PAGE_SIZE})`);
if (!(SCROLL_PASSES >= 1)) throw new Error('BENCH_SCROLL_PASSES must be at least 1');

interface Timing {
  firstMs: number;
  allMs: number;
}

interface HarnessInfo {
  url: string;
  emulatorUrl: string;
  clientId: string;
  clientSecret: string;
}

interface ScrollResult {
  steps: number;
  meanFrameMs: number;
  rows: number;
  longTasks: number;
  longestTaskMs: number;
  longFrames: number;
  longestFrameMs: number;
  longestFrameGapMs: number;
  /** From the first scroll step's frame to the last one's. */
  scrollMs: number;
  /** Each long task and long animation frame, `at` ms after the first step's frame. */
  long: { type: string; ms: number; at: number; wallClock: string }[];
}

/**
 * One load, timed in the page (plain JavaScript): a click on the Name header (a new query: the
 * direction flips), then once per frame: the first rows of the new query in the DOM while the grid is
 * busy, and the grid no longer busy with every case counted.
 */
const TIMED_LOAD = (total: number): string => `new Promise((resolve) => {
  const header = [...document.querySelectorAll('.cases [role="columnheader"]')].find((h) => h.textContent.includes('Name'));
  const dir = header.getAttribute('aria-sort') === 'ascending' ? 'desc' : 'asc';
  const started = performance.now();
  let first = 0;
  const tick = () => {
    const now = performance.now();
    const grid = document.querySelector('[role="grid"]');
    const busy = grid ? grid.getAttribute('aria-busy') : null;
    const shown = document.querySelector('.cases [data-case]');
    if (first === 0 && shown && busy === 'true') first = now;
    if (first !== 0 && busy === 'false' && grid.getAttribute('aria-rowcount') === '${total + 1}') {
      return resolve({ dir, firstMs: first - started, allMs: now - started });
    }
    requestAnimationFrame(tick);
  };
  header.querySelector('button').click();
  requestAnimationFrame(tick);
})`;

/**
 * Scrolls the grid from top to bottom, a screenful per frame, recording long tasks and long animation
 * frames (> 50 ms, as the browser reports them) and the longest gap between two frames. The gap comes
 * in whole display frames (16.7 ms): a 34 ms frame that misses two vsyncs shows as a 50 ms gap, so it
 * is printed but the target is judged on the browser's own measures of main-thread time.
 */
const SCROLL_WHOLE_LIST = `(async () => {
  const grid = document.querySelector('[role="grid"]');
  for (const type of ['longtask', 'long-animation-frame']) {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) throw new Error(type + ' is not supported');
  }
  const tasks = [];
  const frames = [];
  const long = [];
  let firstFrame = Infinity;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // Only what started once the scroll did (the page's earlier work ends in a frame seen here).
      if (entry.startTime >= firstFrame) {
        (entry.entryType === 'longtask' ? tasks : frames).push(entry.duration);
        // The wall-clock time too, to line it up with what else the machine was doing then.
        const wallClock = new Date(performance.timeOrigin + entry.startTime).toISOString().slice(11, 23);
        long.push({ type: entry.entryType, ms: entry.duration, at: entry.startTime - firstFrame, wallClock });
      }
    }
  });
  observer.observe({ type: 'longtask' });
  observer.observe({ type: 'long-animation-frame' });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  grid.scrollTop = 0;
  await frame();
  await frame();
  let last = await frame();
  firstFrame = last;
  let longestGap = 0;
  let steps = 0;
  const seen = new Set();
  for (const row of grid.querySelectorAll('[data-case]')) seen.add(row.dataset.case);
  while (grid.scrollTop + grid.clientHeight < grid.scrollHeight) {
    grid.scrollTop += grid.clientHeight;
    steps++;
    const now = await frame();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    for (const row of grid.querySelectorAll('[data-case]')) seen.add(row.dataset.case);
  }
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return {
    steps,
    meanFrameMs: (last - firstFrame) / steps,
    rows: seen.size,
    longTasks: tasks.length,
    longestTaskMs: tasks.length > 0 ? Math.max(...tasks) : 0,
    longFrames: frames.length,
    longestFrameMs: frames.length > 0 ? Math.max(...frames) : 0,
    longestFrameGapMs: longestGap,
    scrollMs: last - firstFrame,
    long,
  };
})()`;

/**
 * A reference for the scroll numbers: what this browser on this machine takes to lay out the text of
 * one screenful of rows (the rows in the DOM x the columns shown, each a plain nowrap div) when all of
 * it changes, in a bare container beside the app: no framework, no grid, no styles of ours.
 */
const BARE_TEXT_LAYOUT = `(() => {
  const grid = document.querySelector('[role="grid"]');
  const rows = grid.querySelectorAll('[data-case]').length;
  const columns = grid.querySelectorAll('[role="columnheader"]').length;
  const box = document.createElement('div');
  box.style.cssText = 'position:fixed;left:0;top:0;width:1200px;height:800px;contain:strict;visibility:hidden';
  const nodes = [];
  for (let i = 0; i < rows * columns; i++) {
    const cell = document.createElement('div');
    cell.style.cssText = 'height:20px;white-space:nowrap;overflow:hidden';
    cell.textContent = 'cell ' + i;
    box.append(cell);
    nodes.push(cell.firstChild);
  }
  document.body.append(box);
  void box.offsetHeight;
  const times = [];
  for (let round = 0; round < 100; round++) {
    for (let i = 0; i < nodes.length; i++) nodes[i].data = 'Review of case ' + i + ' round ' + round;
    const started = performance.now();
    void box.offsetHeight;
    times.push(performance.now() - started);
  }
  box.remove();
  times.sort((a, b) => a - b);
  return { cells: nodes.length, medianMs: times[50], maxMs: times[99] };
})()`;

/** Starts the harness in its own process and reads where it listens. */
async function startHarnessProcess(): Promise<{ info: HarnessInfo; stop: () => Promise<void> }> {
  const child = spawn(
    'npx',
    ['tsx', join(import.meta.dirname, 'helpers', 'list-harness.ts'), String(CASES)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const info = await new Promise<HarnessInfo>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the harness exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as HarnessInfo);
    });
  });
  return {
    info,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
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

const LOADED = (total: number): string => `(() => { const g = document.querySelector('[role="grid"]');
  return !!g && g.getAttribute('aria-busy') === 'false' && g.getAttribute('aria-rowcount') === '${total + 1}'; })()`;

async function waitForAll(page: CdpPage, total: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await page.evaluate<boolean>(LOADED(total)))) {
    if (Date.now() > deadline) throw new Error(`the list did not load ${total} cases`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// ── the run ───────────────────────────────────────────────────────────────────────────────────────

const harness = await startHarnessProcess();
const { info } = harness;
const page = await openCdpPage(info.url);
try {
  // The page loads the app (connected already) and then every case.
  await waitForAll(page, CASES);
  await page.evaluate(
    `window.__problems = []; addEventListener('error', (e) => __problems.push(e.message));`,
  );
  const token = await fetchToken(info.emulatorUrl, info.clientId, info.clientSecret);
  console.log(`${CASES.toLocaleString('en-US')} cases, pages of ${PAGE_SIZE}, ${ROUNDS} alternating rounds`);

  // A warm-up of both, so neither pays for first-time compilation in the measured rounds.
  await rawFetch(info.emulatorUrl, token, 'name', 'asc');
  await page.evaluate(TIMED_LOAD(CASES));

  const raw: Timing[] = [];
  const ui: Timing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const load = await page.evaluate<Timing & { dir: 'asc' | 'desc' }>(TIMED_LOAD(CASES));
    ui.push(load);
    raw.push(await rawFetch(info.emulatorUrl, token, 'name', load.dir));
    console.log(
      `  round ${round + 1} (name ${load.dir}): UI first rows ${load.firstMs.toFixed(0)} ms, all ` +
        `${load.allMs.toFixed(0)} ms; raw first ${raw.at(-1)!.firstMs.toFixed(0)} ms, all ` +
        `${raw.at(-1)!.allMs.toFixed(0)} ms`,
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
  // The machine is shared: the ratio within each round is steadier than the ratio of medians.
  const perRound = median(ui.map((t, i) => t.allMs / raw[i]!.allMs));
  report('  (median of the per-round ratios)', `${perRound.toFixed(2)}x`);

  // Before the scroll: the list is at the top, with a full window of rows in the DOM.
  const bare = await page.evaluate<{ cells: number; medianMs: number; maxMs: number }>(BARE_TEXT_LAYOUT);
  report(
    `reference: bare text layout, ${bare.cells} cells`,
    `${bare.medianMs.toFixed(1)} ms median, ${bare.maxMs.toFixed(1)} ms max`,
  );
  const longestPerPass: number[] = [];
  for (let pass = 1; pass <= SCROLL_PASSES; pass++) {
    const scroll = await page.evaluate<ScrollResult>(SCROLL_WHOLE_LIST);
    const longest = Math.max(scroll.longestTaskMs, scroll.longestFrameMs);
    longestPerPass.push(longest);
    console.log(
      `  scroll pass ${pass}: ${scroll.steps} screenfuls (${scroll.rows.toLocaleString('en-US')} rows ` +
        `seen), ${scroll.meanFrameMs.toFixed(1)} ms per screenful; long tasks ${scroll.longTasks} ` +
        `(longest ${scroll.longestTaskMs.toFixed(0)} ms), long animation frames ${scroll.longFrames} ` +
        `(longest ${scroll.longestFrameMs.toFixed(0)} ms), longest gap between frames ` +
        `${scroll.longestFrameGapMs.toFixed(1)} ms; longest main-thread task ${longest.toFixed(1)} ms`,
    );
    if (scroll.rows !== CASES) throw new Error(`pass ${pass} saw ${scroll.rows} rows, not ${CASES}`);
    for (const entry of scroll.long) {
      console.log(
        `    ${entry.type} ${entry.ms.toFixed(0)} ms at ${entry.at.toFixed(0)} ms of the ` +
          `${scroll.scrollMs.toFixed(0)} ms scroll (${entry.wallClock} UTC)`,
      );
    }
  }
  report('scroll: passes over the whole list', String(SCROLL_PASSES));
  report('scroll: longest main-thread task, any pass', `${Math.max(...longestPerPass).toFixed(1)} ms`);
  const medianLongest = median(longestPerPass);
  report(
    'scroll: longest main-thread task (median pass)',
    `${medianLongest.toFixed(1)} ms`,
    '< 50 ms',
    medianLongest < 50,
  );
  const problems = await page.evaluate<string[]>('window.__problems');
  if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`);
} finally {
  await page.close();
  await harness.stop();
}
