// Loading, empty and error states, with the emulator misbehaving on purpose: every failure shows the
// plain sentence for its code and a way to try again; nothing is left half-drawn.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageFor } from '../../src-shared/domain/problems.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { expectCaseNumbers, openDemoWorkspace, shownCaseNumbers, waitForCase } from './ui.js';

let e2e: E2E;
let page: Page;
let emulator: RunningEmulator;

beforeAll(async () => {
  // No retries, so a queued fault reaches the UI at once.
  e2e = await startE2E({ session: { client: { retry: { limit: 0 } } } });
  page = e2e.page;
  await page.goto(e2e.harness.url);
  await openDemoWorkspace(page);
  const demo = e2e.harness.session.demoEmulator();
  if (!demo) throw new Error('the demo workspace has no emulator');
  emulator = demo;
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
});

describe('loading, empty and error states', () => {
  it('shows the list as busy while it refreshes, keeping the rows it has on screen', async () => {
    const shown = await shownCaseNumbers(page);
    emulator.queueFaults('latency');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('[role="grid"][aria-busy="true"]').waitFor();
    expect(await page.getByTestId('load-progress').textContent()).toMatch(/Refreshing/u);
    expect(await shownCaseNumbers(page)).toEqual(shown);
    await page.locator('[role="grid"][aria-busy="false"]').waitFor();
    await expectCaseNumbers(page, shown);
  });

  it('says why the list failed and recovers with "Try again"', async () => {
    const shown = await shownCaseNumbers(page);
    emulator.queueFaults('server-error');
    await page.getByRole('button', { name: 'Refresh' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'The cases could not be loaded' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(messageFor('SERVER_ERROR'));
    await e2e.screenshot('case-list-error');

    await banner.getByRole('button', { name: 'Try again' }).click();
    await banner.waitFor({ state: 'detached' });
    await expectCaseNumbers(page, shown);
  });

  it('says a case no longer exists when it was deleted after the list loaded', async () => {
    const [gone] = await shownCaseNumbers(page);
    if (gone === undefined) throw new Error('no rows shown');
    await e2e.harness.session.client().deleteCase(gone);
    await page.locator(`.cases [data-case="${gone}"] .cell.name`).click();
    await waitForCase(page, gone);
    const banner = page.getByRole('alert').filter({ hasText: 'This case could not be loaded' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(messageFor('NOT_FOUND'));
    expect(await page.locator('[data-field]').count()).toBe(0);
    await e2e.screenshot('case-detail-error');
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.locator(`.cases [data-case="${gone}"]`).waitFor({ state: 'detached' });
  });

  it('says when a case has no file events', async () => {
    const archived = await e2e.harness.session.client().getPage({ status: ['ARCHIVED'], pgSize: 1 });
    const target = archived.cases[0];
    if (!target) throw new Error('the demo has no archived case');
    await page.getByLabel('Search case names').fill(target.name);
    await page.locator(`.cases [data-case="${target.number}"] .cell.name`).click();
    await waitForCase(page, target.number);
    await page.getByText('No file events are attached to this case').waitFor();
    expect(await page.locator('table.events').count()).toBe(0);
  });
});
