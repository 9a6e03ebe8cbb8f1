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

  it('connect screen', async () => {
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('connect-dark');
  });

  it('case list', async () => {
    await openDemoWorkspace(page);
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('case-list-dark');
  });

  it('case detail with findings and file events', async () => {
    await page.locator('table.cases tbody tr button.open').first().click();
    await page.locator('table.events tbody tr').first().waitFor();
    expect(await seriousViolations()).toEqual([]);
    if (theme === 'dark') await e2e.screenshot('case-detail-dark');
    // Leave the next round on the connect screen.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
  });
});
