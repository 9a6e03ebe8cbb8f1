// The export tray's buttons (Library, Exports) float over the bottom right corner of the window. No
// screen may leave content under them: scrolled to its end, each screen's content ends above the
// buttons — the case list's last rows and the case page's last events included.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openCase } from './case-page.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { caseGrid, openDemoWorkspace, waitForAllLoaded } from './ui.js';

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E();
  page = e2e.page;
  await page.goto(e2e.harness.url);
  await openDemoWorkspace(page);
  await waitForAllLoaded(page);
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
});

interface Clearance {
  /** Where the screen's content box ends (its border box less its bottom padding), in the viewport. */
  contentBottom: number;
  /** The top of the tray's buttons, in the viewport. */
  trayTop: number;
}

/**
 * Scrolls the page (and the case grid, when shown) to the end and measures the screen against the
 * tray. Page-side code as a string: these tests are type-checked without the DOM's types.
 */
const CLEARANCE_AT_END = `(async () => {
  const grid = document.querySelector('[role="grid"]');
  if (grid) grid.scrollTop = grid.scrollHeight;
  window.scrollTo(0, document.documentElement.scrollHeight);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const screen = document.querySelector('main > section');
  const buttons = document.querySelector('.tray .buttons');
  if (!screen || !buttons) throw new Error('no screen or no tray');
  const padding = parseFloat(getComputedStyle(screen).paddingBottom);
  return {
    contentBottom: screen.getBoundingClientRect().bottom - padding,
    trayTop: buttons.getBoundingClientRect().top,
  };
})()`;

function clearanceAtEnd(): Promise<Clearance> {
  return page.evaluate<Clearance>(CLEARANCE_AT_END);
}

it('ends the case list above the tray, so the last rows are never under its buttons', async () => {
  const { contentBottom, trayTop } = await clearanceAtEnd();
  const grid = await caseGrid(page).boundingBox();
  expect(grid).not.toBeNull();
  expect(grid!.y + grid!.height).toBeLessThanOrEqual(trayTop);
  expect(contentBottom).toBeLessThanOrEqual(trayTop);
  await e2e.screenshot('tray-clearance-list-end');
});

it('ends the case page, the new-case form and the library above the tray', async () => {
  // Case 1 is the list's last row, in view after the first test: back to the top, so that the row
  // openCase clicks is the one its search shows, not the old one the search is replacing.
  await caseGrid(page).evaluate((grid) => (grid.scrollTop = 0));
  await openCase(e2e, 1);
  // The case's events (the page's last section) have loaded: their table, or the sentence for none.
  await page
    .locator('[data-testid="events-scroller"]')
    .or(page.getByText('No file events are attached to this case'))
    .first()
    .waitFor();
  const onCase = await clearanceAtEnd();
  await e2e.screenshot('tray-clearance-case-end');
  expect(onCase.contentBottom).toBeLessThanOrEqual(onCase.trayTop);

  await page.getByRole('button', { name: 'Back to cases' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.locator('#case-heading').waitFor();
  const onCreate = await clearanceAtEnd();
  expect(onCreate.contentBottom).toBeLessThanOrEqual(onCreate.trayTop);

  await page.getByRole('button', { name: 'Library' }).click();
  await page.locator('#library-heading').waitFor();
  const onLibrary = await clearanceAtEnd();
  expect(onLibrary.contentBottom).toBeLessThanOrEqual(onLibrary.trayTop);
});
