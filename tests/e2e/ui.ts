/** Small readers and actions on the Case Desk UI, shared by the browser tests. */
import type { Locator, Page } from 'playwright-core';
import { expect, vi } from 'vitest';

/** Retries an assertion until it holds (the UI answers asynchronously). */
export function eventually<T>(check: () => Promise<T> | T, timeout = 10_000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 50 });
}

export async function openDemoWorkspace(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open demo workspace' }).click();
  await page.locator('.cases [data-case]').first().waitFor();
}

/**
 * The case numbers of the rows in the DOM, top to bottom. The list is windowed: these are the rows
 * in view (and a few around them), not every case loaded.
 */
export async function shownCaseNumbers(page: Page): Promise<number[]> {
  return (await page
    .locator('.cases [data-case]')
    .evaluateAll((rows) =>
      rows.map((row) => Number((row as unknown as { dataset: { case: string } }).dataset.case)),
    )) as number[];
}

/**
 * Waits until the list, from its top, shows these case numbers in this order, as far as both go
 * (the DOM holds a window of rows; `expected` may be longer or shorter than it).
 */
export async function expectCaseNumbers(page: Page, expected: number[]): Promise<void> {
  await eventually(async () => {
    const shown = await shownCaseNumbers(page);
    expect(shown.length).toBeGreaterThan(0);
    const overlap = Math.min(shown.length, expected.length);
    expect(shown.slice(0, overlap)).toEqual(expected.slice(0, overlap));
    // Fewer expected than shown only when the list has no more rows than that.
    if (expected.length < shown.length) expect(shown).toEqual(expected);
  });
}

/** The case list's grid: it takes the focus and the arrow keys. */
export function caseGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Cases' });
}

/** Waits until the background load is finished and `total` cases (when given) are loaded. */
export async function waitForAllLoaded(page: Page, total?: number): Promise<void> {
  await eventually(async () => {
    expect(await caseGrid(page).getAttribute('aria-busy')).toBe('false');
    if (total !== undefined) {
      expect(await caseGrid(page).getAttribute('aria-rowcount')).toBe(String(total + 1));
    }
  }, 60_000);
}

/**
 * Every case number the list holds, top to bottom, read by scrolling the grid from top to bottom
 * (the windowed DOM never holds them all at once). Leaves the grid scrolled back to the top.
 */
export async function listedCaseNumbers(page: Page): Promise<number[]> {
  await waitForAllLoaded(page);
  return (await caseGrid(page).evaluate(async (grid) => {
    type El = {
      scrollTop: number;
      scrollHeight: number;
      clientHeight: number;
      querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }>;
    };
    const scroller = grid as unknown as El;
    // A frame, or a clear failure when the browser stops drawing (rows follow the scroll per frame).
    const frame = (): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the page stopped drawing frames')), 5000);
        (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(
          () => {
            clearTimeout(timer);
            resolve();
          },
        );
      });
    const byIndex = new Map<number, number>();
    for (let top = 0; ; top += Math.max(100, scroller.clientHeight - 80)) {
      scroller.scrollTop = top;
      await frame();
      await frame();
      for (const row of Array.from(scroller.querySelectorAll('[data-case]'))) {
        byIndex.set(Number(row.getAttribute('aria-rowindex')), Number(row.getAttribute('data-case')));
      }
      if (top + scroller.clientHeight >= scroller.scrollHeight) break;
    }
    scroller.scrollTop = 0;
    await frame();
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
  })) as number[];
}

/** `aria-sort` of a column header, found by its label. */
export function sortState(page: Page, label: string): Promise<string | null> {
  return page.locator('.cases [role="columnheader"]', { hasText: label }).getAttribute('aria-sort');
}

export async function clickColumn(page: Page, label: string): Promise<void> {
  await page.locator('.cases [role="columnheader"]', { hasText: label }).getByRole('button').click();
}

/** Number of `cases.page` requests the harness has dispatched so far. */
export function countCalls(calls: readonly { channel: unknown }[], channel: string): number {
  return calls.filter((call) => call.channel === channel).length;
}

/** A value read from the page's global scope (the repo's TypeScript has no DOM types). */
export function pageGlobal(page: Page, name: string): Promise<unknown> {
  return page.evaluate((key) => (globalThis as unknown as Record<string, unknown>)[key], name);
}

/** Waits for the detail screen of case `number` (its heading says "Case <number>"). */
export async function waitForCase(page: Page, number: number): Promise<void> {
  await eventually(async () =>
    expect(await page.locator('#case-heading .number').textContent({ timeout: 1000 })).toBe(`Case ${number}`),
  );
}

/** The id of the element that has focus. */
export function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { id?: string } | null } }).document
        .activeElement?.id,
  );
}
