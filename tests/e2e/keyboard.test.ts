// The case list from the keyboard alone, in Chromium against the demo workspace: move (arrows, Page
// Up/Down, Home, End), open (Enter), select (Space, Shift+arrows, Ctrl+A, Esc), search (/), new case
// (N), and the shortcut sheet (?) as an accessible dialog.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { caseGrid, eventually, focusedId, openDemoWorkspace, waitForAllLoaded, waitForCase } from './ui.js';

let e2e: E2E;
let page: Page;
/** Every case number, in the list's order (number, newest first). */
let all: number[];

/** The case the grid's keyboard is on (its aria-activedescendant). */
async function activeCase(): Promise<number | null> {
  const id = await caseGrid(page).getAttribute('aria-activedescendant');
  return id ? Number(id.replace('case-row-', '')) : null;
}

async function selectedCases(): Promise<number[]> {
  return (await page
    .locator('.cases [data-case][aria-selected="true"]')
    .evaluateAll((rows) =>
      rows.map((row) => Number((row as unknown as { dataset: { case: string } }).dataset.case)),
    )) as number[];
}

/** Whether the row is inside the grid's visible area (not just in the DOM). */
async function rowInView(number: number): Promise<boolean> {
  const row = await page.locator(`.cases [data-case="${number}"]`).boundingBox();
  const grid = await caseGrid(page).boundingBox();
  if (!row || !grid) return false;
  return row.y >= grid.y && row.y + row.height <= grid.y + grid.height + 1;
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

beforeAll(async () => {
  e2e = await startE2E();
  page = e2e.page;
  await page.goto(e2e.harness.url);
  await openDemoWorkspace(page);
  await waitForAllLoaded(page);
  const client = e2e.harness.session.client();
  const total = (await client.getPage({ pgSize: 1 })).totalCount;
  all = (await client.getPage({ srtKey: ['number'], srtDir: ['desc'], pgSize: total })).cases.map(
    (c) => c.number,
  );
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
});

describe('moving and opening', () => {
  it('moves with the arrows, Page Up/Down, Home and End, keeping the active row in view', async () => {
    await caseGrid(page).focus();
    // The grid takes the focus on its first row.
    await eventually(async () => expect(await activeCase()).toBe(all[0]));
    await press('ArrowDown', 'ArrowDown');
    expect(await activeCase()).toBe(all[2]);
    await press('ArrowUp');
    expect(await activeCase()).toBe(all[1]);

    await press('PageDown');
    const afterPage = await activeCase();
    const index = all.indexOf(afterPage!);
    expect(index).toBeGreaterThan(8);
    expect(await rowInView(afterPage!)).toBe(true);
    await press('PageUp');
    expect(await activeCase()).toBe(all[1]);

    await press('End');
    await eventually(async () => expect(await activeCase()).toBe(all.at(-1)));
    expect(await rowInView(all.at(-1)!)).toBe(true);
    expect(await page.locator(`.cases [data-case="${all.at(-1)}"]`).getAttribute('aria-rowindex')).toBe(
      String(all.length + 1),
    );
    await press('ArrowDown');
    expect(await activeCase()).toBe(all.at(-1));
    await press('Home');
    await eventually(async () => expect(await activeCase()).toBe(all[0]));
    expect(await rowInView(all[0]!)).toBe(true);
    // The focus never left the grid.
    expect(
      await caseGrid(page).evaluate(
        (g) =>
          g === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      ),
    ).toBe(true);
    await press('ArrowDown', 'ArrowDown', 'ArrowDown');
    await e2e.screenshot('keyboard-active-row');
  });

  it('opens the active case with Enter, and comes back to the same list', async () => {
    await caseGrid(page).focus();
    await press('Home', 'ArrowDown');
    await press('Enter');
    await waitForCase(page, all[1]!);
    expect(await focusedId(page)).toBe('case-heading');
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await waitForAllLoaded(page, all.length);
  });
});

describe('selecting', () => {
  it('selects with Space, extends with Shift+arrows, all with Ctrl+A, none with Esc', async () => {
    await caseGrid(page).focus();
    await press('Home', ' ');
    expect(await selectedCases()).toEqual([all[0]]);
    await page.getByTestId('selection-count').waitFor();
    expect(await page.getByTestId('selection-count').textContent()).toContain('1 case selected');

    await press('ArrowDown', 'ArrowDown', ' ');
    expect(await selectedCases()).toEqual([all[0], all[2]]);
    await press('Shift+ArrowDown', 'Shift+ArrowDown');
    expect(await selectedCases()).toEqual([all[0], all[2], all[3], all[4]]);
    await press('Shift+ArrowUp');
    expect(await selectedCases()).toEqual([all[0], all[2], all[3]]);
    expect(await page.getByTestId('selection-count').textContent()).toContain('3 cases selected');
    // Space again unselects the active row.
    await press(' ');
    expect(await selectedCases()).toEqual([all[0], all[2]]);
    await e2e.screenshot('keyboard-selection');

    await press('Control+a');
    await eventually(async () =>
      expect(await page.getByTestId('selection-count').textContent()).toContain(
        `${all.length} cases selected`,
      ),
    );
    expect(await page.getByRole('checkbox', { name: /Select all/u }).isChecked()).toBe(true);

    await press('Escape');
    await page.getByTestId('selection-count').waitFor({ state: 'detached' });
    expect(await selectedCases()).toEqual([]);
  });

  it('selects a range with Shift+click on the row checkboxes', async () => {
    await page.getByRole('checkbox', { name: `Select case ${all[1]}` }).click();
    await page.getByRole('checkbox', { name: `Select case ${all[4]}` }).click({ modifiers: ['Shift'] });
    expect(await selectedCases()).toEqual([all[1], all[2], all[3], all[4]]);
    await page.getByRole('button', { name: 'Clear selection' }).click();
    expect(await selectedCases()).toEqual([]);
  });
});

describe('page-wide shortcuts', () => {
  it('focuses the search with /, where keys are typed, not taken as shortcuts', async () => {
    await caseGrid(page).focus();
    await press('/');
    expect(await focusedId(page)).toBe('case-search');
    await page.keyboard.type('n?');
    expect(await page.getByLabel('Search case names').inputValue()).toBe('n?');
    expect(await page.getByRole('heading', { name: 'New case' }).count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByLabel('Search case names').fill('');
    await waitForAllLoaded(page, all.length);
  });

  it('shows the shortcuts with ?, as a dialog that Escape closes, giving the focus back', async () => {
    await caseGrid(page).focus();
    await press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    expect(await sheet.getByText('Open the case').isVisible()).toBe(true);
    expect(await sheet.getByText('Select every loaded case').isVisible()).toBe(true);
    // The focus is inside the dialog, on its Close button.
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document
            .activeElement?.textContent,
      ),
    ).toBe('Close');
    await e2e.screenshot('keyboard-shortcut-sheet');
    await press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    expect(
      await caseGrid(page).evaluate(
        (g) =>
          g === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      ),
    ).toBe(true);

    // The "?" button in the toolbar opens it too.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await sheet.waitFor();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await sheet.waitFor({ state: 'hidden' });
  });

  it('opens the new case form with N', async () => {
    await caseGrid(page).focus();
    await press('n');
    await page.getByRole('heading', { name: 'New case' }).waitFor();
    expect(await focusedId(page)).toBe('case-heading');
    await page.getByRole('button', { name: /Back to cases/u }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
  });
});
