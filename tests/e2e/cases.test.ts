// The first screens end to end in Chromium, against the real handlers and the demo emulator: open the
// demo workspace, see the seeded cases, sort, filter by status, search by name, page, open a case.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseQuery } from '../../src-shared/domain/case.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import {
  clickColumn,
  countCalls,
  eventually,
  expectCaseNumbers,
  focusedId,
  openDemoWorkspace,
  shownCaseNumbers,
  sortState,
  waitForCase,
} from './ui.js';

let e2e: E2E;
let page: Page;

/** The server's answer to the query the list should be showing. */
async function serverNumbers(query: CaseQuery): Promise<number[]> {
  const result = await e2e.harness.session.client().getPage({ pgNum: 1, pgSize: 25, ...query });
  return result.cases.map((c) => c.number);
}

async function serverTotal(query: CaseQuery): Promise<number> {
  return (await e2e.harness.session.client().getPage({ ...query, pgSize: 1 })).totalCount;
}

beforeAll(async () => {
  e2e = await startE2E();
  page = e2e.page;
  await page.goto(e2e.harness.url);
});

afterEach(() => {
  // Any uncaught error or console error in the page fails the test that caused it.
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
});

describe('case list and case detail (demo workspace)', () => {
  it('starts on the connect screen and opens the demo workspace with its seeded cases', async () => {
    await page.getByRole('heading', { name: 'Case Desk' }).waitFor();
    const regions = await page.getByLabel('Region').locator('option').allTextContents();
    expect(regions).toHaveLength(11); // ten regions and "Custom URL…"
    expect(regions).toContain('US (api.us.code42.com)');
    expect(await page.getByLabel('API client secret').getAttribute('type')).toBe('password');
    await e2e.screenshot('connect');

    await openDemoWorkspace(page);
    const total = await serverTotal({});
    expect(total).toBeGreaterThan(100);
    await eventually(async () =>
      expect(await page.getByTestId('case-total').textContent()).toBe(
        `${total.toLocaleString('en-US')} cases`,
      ),
    );
    await expectCaseNumbers(page, await serverNumbers({ srtKey: ['number'], srtDir: ['desc'] }));
    expect(await sortState(page, 'Number')).toBe('descending');
    expect(await page.getByText('Demo workspace').isVisible()).toBe(true);
    await e2e.screenshot('case-list');
  });

  it('sorts by clicking column headers, in the order the server sorts', async () => {
    const before = await shownCaseNumbers(page);

    await clickColumn(page, 'Name');
    const byName = await serverNumbers({ srtKey: ['name'], srtDir: ['asc'] });
    expect(byName).not.toEqual(before);
    await expectCaseNumbers(page, byName);
    expect(await sortState(page, 'Name')).toBe('ascending');
    expect(await sortState(page, 'Number')).toBe('none');

    await clickColumn(page, 'Name');
    await expectCaseNumbers(page, await serverNumbers({ srtKey: ['name'], srtDir: ['desc'] }));
    expect(await sortState(page, 'Name')).toBe('descending');

    await clickColumn(page, 'Updated');
    await expectCaseNumbers(page, await serverNumbers({ srtKey: ['updatedAt'], srtDir: ['desc'] }));
    expect(await sortState(page, 'Updated')).toBe('descending');

    await clickColumn(page, 'Assignee');
    await expectCaseNumbers(page, await serverNumbers({ srtKey: ['assigneeUsername'], srtDir: ['asc'] }));
    expect(await sortState(page, 'Assignee')).toBe('ascending');

    await clickColumn(page, 'Number');
    await expectCaseNumbers(page, await serverNumbers({ srtKey: ['number'], srtDir: ['desc'] }));
  });

  it('filters by status on the server', async () => {
    const sort = { srtKey: ['number'], srtDir: ['desc'] } satisfies CaseQuery;
    await page.getByRole('checkbox', { name: 'Closed' }).check();
    await expectCaseNumbers(page, await serverNumbers({ ...sort, status: ['CLOSED'] }));
    const closed = await serverTotal({ status: ['CLOSED'] });
    expect(await page.getByTestId('case-total').textContent()).toBe(`${closed} cases`);
    const badges = await page.locator('table.cases tbody .badge').allTextContents();
    expect(new Set(badges.map((b) => b.trim()))).toEqual(new Set(['Closed']));

    await page.getByRole('checkbox', { name: 'Archived' }).check();
    await expectCaseNumbers(page, await serverNumbers({ ...sort, status: ['CLOSED', 'ARCHIVED'] }));
    const both = await page.locator('table.cases tbody .badge').allTextContents();
    expect(new Set(both.map((b) => b.trim()))).toEqual(new Set(['Closed', 'Archived']));
    await e2e.screenshot('case-list-filtered');

    await page.getByRole('checkbox', { name: 'Closed' }).uncheck();
    await page.getByRole('checkbox', { name: 'Archived' }).uncheck();
    await expectCaseNumbers(page, await serverNumbers(sort));
  });

  it('searches by name once typing pauses', async () => {
    const sort = { srtKey: ['number'], srtDir: ['desc'] } satisfies CaseQuery;
    const term = 'payroll';
    const expected = await serverNumbers({ ...sort, name: term });
    expect(expected.length).toBeGreaterThan(0);
    const callsBefore = countCalls(e2e.harness.calls, 'cases.page');

    await page.getByLabel('Search case names').pressSequentially(term, { delay: 30 });
    await expectCaseNumbers(page, expected);
    // Debounced: far fewer list requests than keystrokes.
    expect(countCalls(e2e.harness.calls, 'cases.page') - callsBefore).toBeLessThan(term.length);
    const names = await page.locator('table.cases tbody td.name').allTextContents();
    for (const name of names) expect(name.toLowerCase()).toContain(term);

    await page.getByLabel('Search case names').fill('no case is called this');
    await page.getByText('No cases match these filters').waitFor();
    await e2e.screenshot('case-list-empty');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expectCaseNumbers(page, await serverNumbers(sort));
    expect(await page.getByLabel('Search case names').inputValue()).toBe('');
  });

  it('pages forward and changes the page size on the server', async () => {
    const sort = { srtKey: ['number'], srtDir: ['desc'] } satisfies CaseQuery;
    const total = await serverTotal({});
    await page.getByRole('button', { name: 'Next' }).click();
    await expectCaseNumbers(page, await serverNumbers({ ...sort, pgNum: 2 }));
    await page.getByText(`Page 2 of ${Math.ceil(total / 25)}`).waitFor();

    await page.getByRole('button', { name: 'Last page' }).click();
    await expectCaseNumbers(page, await serverNumbers({ ...sort, pgNum: Math.ceil(total / 25) }));

    await page.getByLabel('Per page').selectOption('50');
    await expectCaseNumbers(page, await serverNumbers({ ...sort, pgSize: 50 }));
    await page.getByText(`Page 1 of ${Math.ceil(total / 50)}`).waitFor();
  });

  it('opens a case from its row and shows every field and its file events', async () => {
    const [first] = await shownCaseNumbers(page);
    if (first === undefined) throw new Error('no rows shown');
    const client = e2e.harness.session.client();
    const detail = await client.getCase(first);
    const events = await client.getFileEvents(first, { pgNum: 1, pgSize: 50 });

    // A click anywhere on the row (here: its status cell) opens the case.
    await page.locator(`table.cases tbody tr[data-case="${first}"] .badge`).click();
    await waitForCase(page, first);
    const field = (name: string) => page.locator(`[data-field="${name}"]`);
    await field('number').waitFor();
    expect(await field('number').textContent()).toBe(String(first));
    expect(await page.locator('#case-heading .name').textContent()).toBe(detail.name);
    expect((await field('status').textContent())?.trim().toUpperCase()).toBe(detail.status);
    expect((await field('subject').textContent())?.trim()).toBe(detail.subjectUsername ?? 'No subject');
    expect((await field('assignee').textContent())?.trim()).toBe(detail.assigneeUsername ?? 'Unassigned');
    expect((await field('createdBy').textContent())?.trim()).toBe(
      detail.createdByUsername ?? detail.createdByUserUid,
    );
    expect((await field('lastModifiedBy').textContent())?.trim()).toBe(
      detail.lastModifiedByUsername ?? detail.lastModifiedByUserUid,
    );
    expect((await field('description').textContent())?.trim()).toBe(detail.description ?? 'No description');
    // Dates in local time, the UTC instant on hover.
    const created = field('createdAt').locator('time');
    expect(await created.getAttribute('datetime')).toBe(detail.createdAt);
    expect(await created.getAttribute('title')).toBe(`${new Date(detail.createdAt).toISOString()} (UTC)`);

    await eventually(async () =>
      expect(await page.locator('table.events tbody tr').count()).toBe(events.events.length),
    );
    expect(events.events.length).toBeGreaterThan(0);
    const fileNames = await page.locator('table.events tbody td.file').allTextContents();
    expect(fileNames).toEqual(events.events.map((e) => e.fileName ?? '—'));
    expect(await page.locator('#events-heading .count').textContent()).toBe(String(events.totalCount));
    await e2e.screenshot('case-detail');

    // Back to the list: same page size, sort and page as before.
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await expectCaseNumbers(page, await serverNumbers({ srtKey: ['number'], srtDir: ['desc'], pgSize: 50 }));
  });

  it('opens a case from the keyboard', async () => {
    const numbers = await shownCaseNumbers(page);
    const second = numbers[1];
    if (second === undefined) throw new Error('fewer than two rows');
    await page.locator('table.cases tbody tr').first().getByRole('button').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitForCase(page, second);
    // Focus follows to the new screen's heading.
    expect(await focusedId(page)).toBe('case-heading');
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
  });
});
