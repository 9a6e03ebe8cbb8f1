// axe-core on each screen, in the light and the dark theme: no serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { openDemoWorkspace } from './ui.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let e2e: E2E;
let page: Page;

/** Serious and critical axe violations on the page as it is now, one line each. */
async function seriousViolations(): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) does not apply.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: AxeViolation[] }> } }).axe
      .run({ resultTypes: ['violations'] })
      .then((result) => result.violations),
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    );
}

beforeAll(async () => {
  e2e = await startE2E();
  page = e2e.page;
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
});

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (theme) => {
  beforeAll(async () => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(e2e.harness.url);
  });

  it('connect screen (the profiles page with a first profile form)', async () => {
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('connect-dark');
  });

  it('case list', async () => {
    await openDemoWorkspace(page);
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('case-list-dark');
  });

  it('case list with its filters, a selection, the bulk, view, column and shortcut dialogs', async () => {
    await page.getByRole('button', { name: /More filters/u }).click();
    await page.getByRole('combobox', { name: 'Assignee', exact: true }).waitFor();
    const grid = page.getByRole('grid', { name: 'Cases' });
    await grid.focus();
    for (const key of ['Home', ' ', 'Shift+ArrowDown', 'Shift+ArrowDown']) await page.keyboard.press(key);
    await page.getByTestId('selection-count').waitFor();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('case-list-selection-dark');

    await page.getByRole('button', { name: 'Change status…' }).click();
    const status = page.getByRole('dialog', { name: /Change the status/u });
    await status.getByRole('radio', { name: 'Archived' }).check();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('case-list-bulk-status-dark');
    await status.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Columns' }).click();
    expect(await seriousViolations()).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Save view…' }).click();
    await page.getByRole('dialog', { name: 'Save view' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('dialog', { name: 'Save view' }).getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('case-list-shortcuts-dark');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });

    await grid.focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('selection-count').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /More filters/u }).click();
  });

  it('profile switcher and profiles page over the workspace', async () => {
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await page.locator('#profile-menu button').first().waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Manage profiles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage profiles' });
    await dialog.getByRole('button', { name: 'Add a profile' }).click();
    await dialog.getByLabel('Profile name').waitFor();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('profiles-dark');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('.cases [data-case]').first().waitFor();
  });

  it('export tray and export library', async () => {
    await page.getByRole('button', { name: /^Exports/ }).click();
    await page.locator('#export-tray').waitFor();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('export-tray-dark');
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('heading', { name: 'Export library' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('export-library-dark');
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.locator('.cases [data-case]').first().waitFor();
  });

  it('case detail with findings and file events', async () => {
    await page.locator('.cases [data-case] .cell.name').first().click();
    await page.locator('table.events tbody tr').first().waitFor();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('case-detail-dark');
    // Leave the next round on the connect screen.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
  });
});
