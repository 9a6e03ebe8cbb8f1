// Saved views of the case list in Chromium against the demo workspace: filters, sort and columns
// saved under a name (kept by main in the settings folder), applied, changed, replaced, deleted, and
// the last one used restored when the app starts again (a page reload).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseQuery } from '../../src-shared/domain/case.js';
import type { User } from '../../src-shared/domain/people.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import {
  caseGrid,
  eventually,
  expectCaseNumbers,
  listedCaseNumbers,
  openDemoWorkspace,
  sortState,
  waitForAllLoaded,
} from './ui.js';

const VIEW = 'Open and closed, by update';

let e2e: E2E;
let page: Page;
let analyst: User;

async function serverAll(query: CaseQuery): Promise<number[]> {
  const answer = await e2e.harness.session.client().getPage({ ...query, pgNum: 1, pgSize: 10_000 });
  return answer.cases.map((c) => c.number);
}

/** The headers shown, without the sort arrows (the first is the select-all column). */
async function headers(): Promise<string[]> {
  const texts = await page.locator('.cases [role="columnheader"]').allTextContents();
  return texts.map((t) => t.replace(/[▲▼↕]/gu, '').trim()).slice(1);
}

async function checked(name: string): Promise<boolean> {
  return page.getByRole('checkbox', { name, exact: true }).isChecked();
}

function viewSelect() {
  return page.getByLabel('View', { exact: true });
}

async function selectedViewName(): Promise<string> {
  return (await viewSelect().locator('option:checked').textContent())?.trim() ?? '';
}

/** What the list should show for the saved view: open and closed cases of the analyst, by update. */
function viewQuery(dir: 'asc' | 'desc'): CaseQuery {
  return { status: ['OPEN', 'CLOSED'], assignee: analyst.userId, srtKey: ['updatedAt'], srtDir: [dir] };
}

beforeAll(async () => {
  e2e = await startE2E();
  page = e2e.page;
  await page.goto(e2e.harness.url);
  await openDemoWorkspace(page);
  await waitForAllLoaded(page);
  const someone = (
    await e2e.harness.session.client().getPage({ status: ['OPEN'], isAssigned: true, pgSize: 1 })
  ).cases[0]!;
  analyst = e2e.harness.session
    .demoEmulator()!
    .users()
    .find((u) => u.userId === someone.assignee)!;
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
});

describe('saved views', () => {
  it('saves the filters, the sort and the columns under a name', async () => {
    await page.getByRole('checkbox', { name: 'Open', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Closed', exact: true }).check();
    await page.getByRole('button', { name: /More filters/u }).click();
    const assignee = page.getByRole('combobox', { name: 'Assignee', exact: true });
    await assignee.fill(analyst.username.slice(0, 6));
    await page
      .locator('#filter-assignee-list')
      .getByRole('option', { name: analyst.username })
      .first()
      .click();
    await page.locator('.cases [role="columnheader"]', { hasText: 'Updated' }).getByRole('button').click();
    await eventually(async () => expect(await sortState(page, 'Updated')).toBe('descending'));
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.locator('#column-chooser').getByRole('checkbox', { name: 'Subject' }).uncheck();
    await page.getByRole('button', { name: 'Columns' }).click();
    await expectCaseNumbers(page, await serverAll(viewQuery('desc')));

    await page.getByRole('button', { name: 'Save view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('View name').fill(VIEW);
    await e2e.screenshot('saved-views-save-dialog');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => expect(await selectedViewName()).toBe(VIEW));

    // Kept by main, in the settings folder, for the demo workspace's profile.
    const list = await e2e.harness.context.views.list('demo');
    expect(list.views).toHaveLength(1);
    const [view] = list.views;
    expect(list.lastViewId).toBe(view!.id);
    expect(view).toMatchObject({
      name: VIEW,
      filters: {
        statuses: ['OPEN', 'CLOSED'],
        assignee: { id: analyst.userId, name: analyst.username },
        unassigned: false,
        subject: null,
        created: { from: null, to: null },
      },
      sort: { key: 'updatedAt', dir: 'desc' },
      columns: ['number', 'name', 'status', 'assigneeUsername', 'createdAt', 'updatedAt', 'archivalTime'],
    });
    const file = JSON.parse(await readFile(path.join(e2e.harness.dataDir, 'views.json'), 'utf8'));
    expect(file.profiles.demo.views[0].name).toBe(VIEW);
    await e2e.screenshot('saved-views-saved');
  });

  it('goes back to the default list, and applies the saved view again', async () => {
    await viewSelect().selectOption({ label: 'All cases (default)' });
    await eventually(async () => expect(await checked('Open')).toBe(false));
    expect(await checked('Closed')).toBe(false);
    expect(await page.getByRole('combobox', { name: 'Assignee', exact: true }).inputValue()).toBe('');
    expect(await sortState(page, 'Number')).toBe('descending');
    expect(await headers()).toContain('Subject');
    await expectCaseNumbers(page, await serverAll({ srtKey: ['number'], srtDir: ['desc'] }));
    expect((await e2e.harness.context.views.list('demo')).lastViewId).toBeNull();

    await viewSelect().selectOption({ label: VIEW });
    await eventually(async () => expect(await checked('Open')).toBe(true));
    expect(await checked('Closed')).toBe(true);
    expect(await checked('Archived')).toBe(false);
    expect(await page.getByRole('combobox', { name: 'Assignee', exact: true }).inputValue()).toBe(
      analyst.username,
    );
    expect(await sortState(page, 'Updated')).toBe('descending');
    expect(await headers()).not.toContain('Subject');
    const expected = await serverAll(viewQuery('desc'));
    await waitForAllLoaded(page, expected.length);
    expect(await listedCaseNumbers(page)).toEqual(expected);
  });

  it('marks the view as changed, and saves the change to it', async () => {
    await page.locator('.cases [role="columnheader"]', { hasText: 'Updated' }).getByRole('button').click();
    await eventually(async () => expect(await sortState(page, 'Updated')).toBe('ascending'));
    await page.getByTestId('view-modified').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('view-modified').waitFor({ state: 'detached' });
    const list = await e2e.harness.context.views.list('demo');
    expect(list.views[0]?.sort).toEqual({ key: 'updatedAt', dir: 'asc' });
    expect(await selectedViewName()).toBe(VIEW);
  });

  it('opens on the last view used when the app starts again', async () => {
    const before = e2e.harness.calls.length;
    await page.reload();
    await caseGrid(page).waitFor();
    await eventually(async () => expect(await selectedViewName()).toBe(VIEW));
    expect(await checked('Open')).toBe(true);
    expect(await checked('Closed')).toBe(true);
    expect(await sortState(page, 'Updated')).toBe('ascending');
    expect(await headers()).not.toContain('Subject');
    // The panel with the assignee opens by itself, since the view uses it.
    expect(await page.getByRole('combobox', { name: 'Assignee', exact: true }).inputValue()).toBe(
      analyst.username,
    );
    const expected = await serverAll(viewQuery('asc'));
    await waitForAllLoaded(page, expected.length);
    expect(await listedCaseNumbers(page)).toEqual(expected);
    // The view was read before anything loaded: no request for the unfiltered list went out.
    const calls = e2e.harness.calls.slice(before).map((c) => c.channel);
    expect(calls.indexOf('views.list')).toBeLessThan(calls.indexOf('cases.rows'));
    expect(calls.filter((c) => c === 'cases.rows')).toHaveLength(Math.ceil(expected.length / 2000));
    await e2e.screenshot('saved-views-restored');
  });

  it('says when a new view’s name is taken, and replaces that view when saved', async () => {
    await page.getByRole('checkbox', { name: 'Archived', exact: true }).check();
    await page.getByRole('button', { name: 'Save view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    const name = dialog.getByLabel('View name');
    expect(await name.inputValue()).toBe(VIEW);
    await name.fill('Everything of the analyst');
    expect(await dialog.getByText(/Saving replaces/u).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => expect(await selectedViewName()).toBe('Everything of the analyst'));
    expect((await e2e.harness.context.views.list('demo')).views).toHaveLength(2);

    await page.getByRole('checkbox', { name: 'Closed', exact: true }).uncheck();
    await page.getByRole('button', { name: 'Save view…' }).click();
    await name.fill(VIEW.toUpperCase());
    await dialog.getByText(`Saving replaces the saved view “${VIEW}”.`).waitFor();
    await dialog.getByRole('button', { name: 'Replace view' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const list = await e2e.harness.context.views.list('demo');
    expect(list.views.map((v) => v.name).sort()).toEqual(
      ['Everything of the analyst', VIEW.toUpperCase()].sort(),
    );
    expect(list.views.find((v) => v.name === VIEW.toUpperCase())?.filters.statuses).toEqual([
      'OPEN',
      'ARCHIVED',
    ]);
  });

  it('deletes a view after asking, and starts on the default list after that', async () => {
    await viewSelect().selectOption({ label: VIEW.toUpperCase() });
    await page.getByRole('button', { name: 'Delete view' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete the view “${VIEW.toUpperCase()}”?` });
    await confirm.waitFor();
    expect(await confirm.getByText('No case is changed.').isVisible()).toBe(true);
    await e2e.screenshot('saved-views-delete');
    await confirm.getByRole('button', { name: 'Delete view' }).click();
    await confirm.waitFor({ state: 'hidden' });
    // The list still shows what the view did, now as filters no view holds.
    await eventually(async () => expect(await selectedViewName()).toBe('Unsaved filters'));
    expect(await checked('Archived')).toBe(true);
    const list = await e2e.harness.context.views.list('demo');
    expect(list.views.map((v) => v.name)).toEqual(['Everything of the analyst']);
    expect(list.lastViewId).toBeNull();

    await page.reload();
    await caseGrid(page).waitFor();
    expect(await selectedViewName()).toBe('All cases (default)');
    expect(await checked('Open')).toBe(false);
    await expectCaseNumbers(page, await serverAll({ srtKey: ['number'], srtDir: ['desc'] }));
  });
});
