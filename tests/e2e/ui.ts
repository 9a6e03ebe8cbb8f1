/** Small readers and actions on the Case Desk UI, shared by the browser tests. */
import type { Page } from 'playwright-core';
import { expect, vi } from 'vitest';

/** Retries an assertion until it holds (the UI answers asynchronously). */
export function eventually<T>(check: () => Promise<T> | T, timeout = 10_000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 50 });
}

export async function openDemoWorkspace(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open demo workspace' }).click();
  await page.locator('table.cases tbody tr').first().waitFor();
}

/** The case numbers of the rows shown, top to bottom. */
export async function shownCaseNumbers(page: Page): Promise<number[]> {
  const cells = await page.locator('table.cases tbody td.number').allTextContents();
  return cells.map((text) => Number(text.trim()));
}

/** Waits until the list shows exactly these case numbers, in this order. */
export async function expectCaseNumbers(page: Page, expected: number[]): Promise<void> {
  await eventually(async () => expect(await shownCaseNumbers(page)).toEqual(expected));
}

/** `aria-sort` of a column header, found by its label. */
export function sortState(page: Page, label: string): Promise<string | null> {
  return page.locator('table.cases thead th', { hasText: label }).getAttribute('aria-sort');
}

export async function clickColumn(page: Page, label: string): Promise<void> {
  await page.locator('table.cases thead th', { hasText: label }).getByRole('button').click();
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
