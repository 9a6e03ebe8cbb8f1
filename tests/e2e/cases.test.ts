// The first screens end to end in Chromium, against the real handlers and the demo emulator: open the
// demo workspace, see the seeded cases, sort, filter by status, search by name, scroll, open a case.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseQuery } from '../../src-shared/domain/case.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import {
  caseGrid,
  clickColumn,
  countCalls,
  eventually,
  expectCaseNumbers,
  focusedId,
  listedCaseNumbers,
  openDemoWorkspace,
  shownCaseNumbers,
  sortState,
  waitForCase,
} from './ui.js';

let e2e: E2E;
let page: Page;

/** The server's answer to the query the list should be showing. */
async function serverNumbers(query: CaseQuery): Promise<number[]> {
  // More than the windowed list holds in the DOM, so the comparison covers every row shown.
  const result = await e2e.harness.session.client().getPage({ pgNum: 1, pgSize: 100, ...query });
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
    expect(regions).toContain('United States (US1) — api.us.code42.com');
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
    const badges = await page.locator('.cases [data-case] .badge').allTextContents();
    expect(new Set(badges.map((b) => b.trim()))).toEqual(new Set(['Closed']));

    await page.getByRole('checkbox', { name: 'Archived' }).check();
    await expectCaseNumbers(page, await serverNumbers({ ...sort, status: ['CLOSED', 'ARCHIVED'] }));
    const both = await page.locator('.cases [data-case] .badge').allTextContents();
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
    const callsBefore = countCalls(e2e.harness.calls, 'cases.rows');

    await page.getByLabel('Search case names').pressSequentially(term, { delay: 30 });
    await expectCaseNumbers(page, expected);
    // Debounced: far fewer list requests than keystrokes.
    expect(countCalls(e2e.harness.calls, 'cases.rows') - callsBefore).toBeLessThan(term.length);
    const names = await page.locator('.cases [data-case] .cell.name').allTextContents();
    for (const name of names) expect(name.toLowerCase()).toContain(term);

    await page.getByLabel('Search case names').fill('no case is called this');
    await page.getByText('No cases match these filters').waitFor();
    await e2e.screenshot('case-list-empty');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expectCaseNumbers(page, await serverNumbers(sort));
    expect(await page.getByLabel('Search case names').inputValue()).toBe('');
  });

  it('loads every case, not a page: scrolling to the end shows the last one', async () => {
    const sort = { srtKey: ['number'], srtDir: ['desc'] } satisfies CaseQuery;
    const total = await serverTotal({});
    const all = await serverNumbers({ ...sort, pgSize: total });
    expect(await listedCaseNumbers(page)).toEqual(all);
    await caseGrid(page).evaluate((grid) => {
      const scroller = grid as unknown as { scrollTop: number; scrollHeight: number };
      scroller.scrollTop = scroller.scrollHeight;
    });
    await page.locator(`.cases [data-case="${all.at(-1)}"]`).waitFor();
    expect(await page.locator(`.cases [data-case="${all.at(-1)}"]`).getAttribute('aria-rowindex')).toBe(
      String(total + 1),
    );
    await caseGrid(page).evaluate((grid) => {
      (grid as unknown as { scrollTop: number }).scrollTop = 0;
    });
    await expectCaseNumbers(page, all);
  });

  it('opens a case from its row and shows every field and its file events', async () => {
    const [first] = await shownCaseNumbers(page);
    if (first === undefined) throw new Error('no rows shown');
    const client = e2e.harness.session.client();
    const detail = await client.getCase(first);
    const events = await client.getFileEvents(first, { pgNum: 1, pgSize: 50 });

    // A click anywhere on the row (here: its status cell) opens the case.
    await page.locator(`.cases [data-case="${first}"] .badge`).click();
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

    // The events table is windowed: it counts every event, and the rows in the DOM are the first ones.
    await eventually(async () =>
      expect(await page.locator('table.events').getAttribute('aria-rowcount')).toBe(
        String(events.totalCount + 1),
      ),
    );
    expect(events.events.length).toBeGreaterThan(0);
    const fileNames = await page.locator('table.events tbody tr[data-event] td.file').allTextContents();
    expect(fileNames.length).toBeLessThanOrEqual(events.events.length);
    expect(fileNames.length).toBeGreaterThan(0);
    expect(fileNames).toEqual(
      events.events.slice(0, fileNames.length).map((e) => e.fileName ?? '(no file name)'),
    );
    expect(await page.locator('#events-heading .count').textContent()).toBe(String(events.totalCount));
    await e2e.screenshot('case-detail');

    // Back to the list: the same sort as before.
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await expectCaseNumbers(page, await serverNumbers({ srtKey: ['number'], srtDir: ['desc'], pgSize: 50 }));
  });

  it('opens a case from the keyboard', async () => {
    const numbers = await shownCaseNumbers(page);
    const second = numbers[1];
    if (second === undefined) throw new Error('fewer than two rows');
    // The grid takes the focus on its first row; the arrow moves to the second.
    await caseGrid(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitForCase(page, second);
    // Focus follows to the new screen's heading.
    expect(await focusedId(page)).toBe('case-heading');
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
  });
});
