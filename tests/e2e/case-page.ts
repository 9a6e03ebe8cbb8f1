/** Helpers for the case page's browser tests: open a case, pick people, drop files, read the server. */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { CaseDetail } from '../../src-shared/domain/case.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { eventually, openDemoWorkspace, waitForCase } from './ui.js';

export function demoEmulator(e2e: E2E): RunningEmulator {
  const emulator = e2e.harness.session.demoEmulator();
  if (!emulator) throw new Error('the demo workspace is not open');
  return emulator;
}

export interface DemoCasePage {
  e2e: E2E;
  page: Page;
  emulator: RunningEmulator;
}

/**
 * The hooks of a file of case-page tests: Chromium on the demo workspace, opened once (`ready` gets
 * it); after each test no page error and back on the list; closed at the end.
 */
export function useDemoCasePage(ready: (demo: DemoCasePage) => void): void {
  let e2e: E2E | undefined;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.page.goto(e2e.harness.url);
    await openDemoWorkspace(e2e.page);
    ready({ e2e, page: e2e.page, emulator: demoEmulator(e2e) });
  });
  afterEach(async () => {
    expect(e2e?.problems).toEqual([]);
    if (e2e) await backToList(e2e.page).catch(() => undefined);
  });
  afterAll(async () => {
    await e2e?.close();
  });
}

/** The case as the server has it now (through the harness's own client, not the page). */
export function serverCase(e2e: E2E, number: number): Promise<CaseDetail> {
  return e2e.harness.session.client().getCase(number);
}

/** Opens case `number` from the list: searches its name, clicks its row. */
export async function openCase(e2e: E2E, number: number): Promise<void> {
  const { page } = e2e;
  const { name } = await serverCase(e2e, number);
  if (!(await page.locator('#cases-heading').isVisible())) {
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.locator('#cases-heading').waitFor();
  }
  await page.getByLabel('Search case names').fill(name);
  const row = page.locator(`.cases [data-case="${number}"]`);
  await row.waitFor();
  await row.locator('.cell.name').click();
  await waitForCase(page, number);
  await page.locator('[data-field="number"], [data-testid="read-only"]').first().waitFor();
}

/** Back on the list, with the search cleared. */
export async function backToList(page: Page): Promise<void> {
  const back = page.getByRole('button', { name: 'Back to cases' });
  if (await back.isVisible()) await back.click();
  await page.locator('#cases-heading').waitFor();
  await page.getByLabel('Search case names').fill('');
}

/** Types into a person picker and picks the option with exactly this name. */
export async function pickPerson(page: Page, label: string, type: string, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(type);
  const list = page.locator(`#${await input.getAttribute('aria-controls')}`);
  const option = list.getByRole('option').filter({ has: page.locator('.name', { hasText: name }) });
  await eventually(async () => expect(await option.count()).toBeGreaterThan(0));
  await option.first().click();
  await eventually(async () => expect(await input.inputValue()).toBe(name));
}

/**
 * Drops a file on `target` the way a browser does: dragenter, dragover and drop, each carrying a
 * DataTransfer with the file. Resolves with whether the page cancelled dragover and drop (a cancelled
 * drop is one the browser never opens itself).
 */
export async function dropFile(
  target: Locator,
  file: { name: string; type: string; content: string },
): Promise<{ dragoverCancelled: boolean; dropCancelled: boolean }> {
  return target.evaluate((element, f) => {
    // The repo's TypeScript has no DOM types: name the few page globals used here.
    const dom = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: string[], name: string, options: { type: string }) => unknown;
      DragEvent: new (type: string, init: object) => unknown;
    };
    const transfer = new dom.DataTransfer();
    transfer.items.add(new dom.File([f.content], f.name, { type: f.type }));
    const target = element as unknown as { dispatchEvent(event: unknown): boolean };
    const fire = (type: string): boolean =>
      !target.dispatchEvent(
        new dom.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
    fire('dragenter');
    const dragoverCancelled = fire('dragover');
    const dropCancelled = fire('drop');
    return { dragoverCancelled, dropCancelled };
  }, file);
}

/** Calls made to a channel through the harness so far. */
export function callsTo(e2e: E2E, channel: string): number {
  return e2e.harness.calls.filter((c) => c.channel === channel).length;
}
