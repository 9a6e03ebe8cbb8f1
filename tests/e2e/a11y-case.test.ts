// axe-core on the case page in each of its states — read view, editor (with the stale-case comparison),
// the event drawer and its removal question, the attach preview and results, a closed case, the new-case
// form — in the light and the dark theme: no serious or critical violation.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import { seriousViolations } from './axe.js';
import { backToList, demoEmulator, openCase } from './case-page.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { openDemoWorkspace } from './ui.js';

let e2e: E2E;
let page: Page;
let emulator: RunningEmulator;

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

describe.each(['light', 'dark'] as const)('accessibility of the case page, %s theme', (theme) => {
  const shot = async (name: string) => {
    if (theme === 'dark') await e2e.screenshot(`${name}-dark`);
  };

  beforeAll(async () => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(e2e.harness.url);
    await openDemoWorkspace(page);
    emulator = demoEmulator(e2e);
  });

  afterAll(async () => {
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
  });

  it('case page with fields, findings, attach panel and events', async () => {
    await openCase(e2e, emulator.caseNumbers('OPEN')[0]!);
    await page.locator('table.events tbody tr[data-event]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('editor, with over-long fields and the stale-case comparison', async () => {
    const n = emulator.caseNumbers('OPEN')[0]!;
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('n'.repeat(60));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('form-problems').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Name', { exact: true }).fill(`A11y ${theme}`);
    await e2e.harness.session.client().updateCase(n, { description: `Changed meanwhile (${theme}).` });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('conflict').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot('case-edit-conflict');
    await page.getByRole('button', { name: "Discard mine, use server's" }).click();
    await page.locator('[data-field="number"]').waitFor();
  });

  it('event drawer and the removal question', async () => {
    await page.locator('table.events tbody tr[data-event]').first().getByRole('button').click();
    const drawer = page.getByTestId('event-drawer');
    await drawer.locator('section[data-group="file"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot('case-event-drawer');
    await drawer.getByRole('button', { name: 'Remove from case…' }).click();
    await page.getByRole('dialog', { name: 'Remove this event from the case?' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('attach preview and results', async () => {
    const ids = emulator.unattachedEventIds(theme === 'light' ? 3 : 6).slice(theme === 'light' ? 0 : 3);
    await page.getByLabel('Event IDs').fill([...ids, ids[0], 'not/an/id'].join('\n'));
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByTestId('attach-preview').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Attach 3 events' }).click();
    await page.getByTestId('attach-results').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot('attach-results');
  });

  it('a closed case, read-only', async () => {
    await openCase(e2e, emulator.caseNumbers('CLOSED')[0]!);
    await page.getByTestId('read-only').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot('case-closed');
    await page.getByRole('button', { name: 'Delete case…' }).click();
    await page.getByRole('dialog', { name: /^Delete case/u }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('the new-case form', async () => {
    await backToList(page);
    await page.getByRole('button', { name: 'New case', exact: true }).click();
    await page.getByRole('heading', { name: 'New case' }).waitFor();
    await page.getByRole('combobox', { name: 'Assignee' }).fill('a');
    await page.getByRole('combobox', { name: 'Assignee' }).press('ArrowDown');
    await page.locator('[role="listbox"] [role="option"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot('case-create');
    await page.keyboard.press('Escape');
    // Nothing was picked (Escape put the field back), so leaving asks nothing.
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.locator('#cases-heading').waitFor();
  });
});
