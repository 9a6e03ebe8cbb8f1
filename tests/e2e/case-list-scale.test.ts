// The case list at scale in Chromium, against a demo workspace of 6,000 cases: every matching case
// loaded in the background (first page at once, progress, a new query replacing the old load), a
// windowed grid, every server-side filter (people picked by name) and every sort key, checked
// against the server's own answers; the column chooser.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseQuery, SortKey } from '../../src-shared/domain/case.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import { dayEnd, dayStart } from '../../src-renderer/features/cases/list-query.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import {
  caseGrid,
  clickColumn,
  eventually,
  expectCaseNumbers,
  listedCaseNumbers,
  openDemoWorkspace,
  shownCaseNumbers,
  sortState,
  waitForAllLoaded,
} from './ui.js';

const CASES = 6000;

let e2e: E2E;
let page: Page;
let emulator: RunningEmulator;

/** Every case number the server lists for this query, in its order. */
async function serverAll(query: CaseQuery): Promise<number[]> {
  const page = await e2e.harness.session.client().getPage({ ...query, pgNum: 1, pgSize: 10_000 });
  return page.cases.map((c) => c.number);
}

/** `YYYY-MM-DD` of an instant in local time (what a date input shows). */
function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The rows at the end of the list, after scrolling the grid to its bottom. */
async function tailCaseNumbers(): Promise<number[]> {
  await caseGrid(page).evaluate((grid) => {
    const scroller = grid as unknown as { scrollTop: number; scrollHeight: number };
    scroller.scrollTop = scroller.scrollHeight;
  });
  await page.waitForTimeout(100);
  const shown = await shownCaseNumbers(page);
  await caseGrid(page).evaluate((grid) => {
    (grid as unknown as { scrollTop: number }).scrollTop = 0;
  });
  return shown;
}

/** Types into a person picker and picks the option named exactly `name`. */
async function choosePerson(label: string, typed: string, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(typed);
  const options = page.locator(`#${await input.getAttribute('aria-controls')}`).getByRole('option');
  const option = options.filter({ has: page.locator('.name', { hasText: name }) });
  await eventually(async () => expect(await option.count()).toBeGreaterThan(0));
  await option.first().click();
  expect(await input.inputValue()).toBe(name);
}

beforeAll(async () => {
  e2e = await startE2E({ session: { demo: { cases: CASES, seed: 11 } } });
  page = e2e.page;
  await page.goto(e2e.harness.url);
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
});

describe('loading every matching case', () => {
  it('shows the first page at once and loads the rest in the background, with progress', async () => {
    await openDemoWorkspace(page);
    const demo = e2e.harness.session.demoEmulator();
    if (!demo) throw new Error('no demo emulator');
    emulator = demo;
    await waitForAllLoaded(page, CASES);

    // Slow pages, so the progress can be seen between them.
    const open = await serverAll({ status: ['OPEN'], srtKey: ['number'], srtDir: ['desc'] });
    expect(open.length).toBeGreaterThan(2000);
    emulator.queueFaults(...Array.from({ length: Math.ceil(open.length / 2000) }, () => 'latency' as const));
    const before = e2e.harness.calls.length;
    await page.getByRole('checkbox', { name: 'Open', exact: true }).click();
    const progress = page.getByTestId('load-progress');
    await eventually(async () => {
      expect(await progress.textContent()).toMatch(/Loaded 2,000 of [\d,]+/u);
      // The rows of the first page are on screen while the rest load.
      expect((await shownCaseNumbers(page)).length).toBeGreaterThan(10);
      expect(await caseGrid(page).getAttribute('aria-busy')).toBe('true');
    });
    await e2e.screenshot('case-list-loading');

    await waitForAllLoaded(page, open.length);
    expect(await progress.textContent()).toBe(`All ${open.length.toLocaleString('en-US')} cases loaded`);
    // Large pages: a few requests, not one per screenful.
    const pages = e2e.harness.calls.slice(before).filter((c) => c.channel === 'cases.rows').length;
    expect(pages).toBe(Math.ceil(open.length / 2000));
    expect(await listedCaseNumbers(page)).toEqual(open);
  });

  it('keeps only a window of rows in the DOM, with the grid’s row count and indexes', async () => {
    await page.getByRole('checkbox', { name: 'Open', exact: true }).uncheck();
    await waitForAllLoaded(page, CASES);
    const grid = caseGrid(page);
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(CASES + 1));
    expect(await page.locator('.cases [data-case]').count()).toBeLessThan(80);
    const all = await serverAll({ srtKey: ['number'], srtDir: ['desc'] });
    expect(await tailCaseNumbers()).toEqual(all.slice(-(await tailCaseNumbers()).length));
    const last = page.locator(`.cases [data-case="${all.at(-1)}"]`);
    await grid.evaluate((g) => {
      const s = g as unknown as { scrollTop: number; scrollHeight: number };
      s.scrollTop = s.scrollHeight;
    });
    expect(await last.getAttribute('aria-rowindex')).toBe(String(CASES + 1));
    await grid.evaluate((g) => {
      (g as unknown as { scrollTop: number }).scrollTop = 0;
    });
  });

  it('gives a tooltip to the row under the pointer only, never one of a case it showed before', async () => {
    const names = page.locator('.cases .case-row .cell.name');
    const hovered = names.nth(3);
    await hovered.hover();
    await eventually(async () =>
      expect(await hovered.getAttribute('title')).toBe((await hovered.textContent())?.trim()),
    );
    // The row elements are reused as the list scrolls: under a still pointer each keeps only its own
    // case's tooltip (or none).
    for (const rows of [1, 5, 40]) {
      await caseGrid(page).evaluate((g, by) => {
        (g as unknown as { scrollTop: number }).scrollTop += by * 34;
      }, rows);
      const titled = await names.evaluateAll((cells) =>
        cells
          .filter((c) => c.hasAttribute('title'))
          .map((c) => ({ title: c.getAttribute('title'), text: c.textContent?.trim() })),
      );
      expect(titled.length).toBeLessThanOrEqual(1);
      for (const cell of titled) expect(cell.title).toBe(cell.text);
    }
    await page.mouse.move(0, 0);
    await eventually(async () => expect(await page.locator('.cases .case-row [title]').count()).toBe(0));
    await caseGrid(page).evaluate((g) => {
      (g as unknown as { scrollTop: number }).scrollTop = 0;
    });
  });

  it('lets a new query replace a load still running: the old answers never show', async () => {
    emulator.queueFaults('latency', 'latency', 'latency', 'latency');
    await page.getByRole('checkbox', { name: 'Archived', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Archived', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: 'Closed', exact: true }).check();
    const closed = await serverAll({ status: ['CLOSED'], srtKey: ['number'], srtDir: ['desc'] });
    await waitForAllLoaded(page, closed.length);
    expect(await listedCaseNumbers(page)).toEqual(closed);
    const badges = await page.locator('.cases [data-case] .badge').allTextContents();
    expect(new Set(badges.map((b) => b.trim()))).toEqual(new Set(['Closed']));
    await page.getByRole('checkbox', { name: 'Closed', exact: true }).uncheck();
    await waitForAllLoaded(page, CASES);
  });
});

describe('filters, as the server applies them', () => {
  it('filters by two statuses and a created-date range', async () => {
    const byCreated = await e2e.harness.session.client().getPage({ srtKey: ['createdAt'], srtDir: ['asc'] });
    const from = localDay(byCreated.cases[Math.floor(CASES / 3)]!.createdAt);
    const to = localDay(byCreated.cases[Math.floor((2 * CASES) / 3)]!.createdAt);

    await page.getByRole('checkbox', { name: 'Open', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Archived', exact: true }).check();
    await page.getByRole('button', { name: /More filters/u }).click();
    await page.getByLabel('Created from').fill(from);
    await page.getByLabel('Created to').fill(to);

    const expected = await serverAll({
      status: ['OPEN', 'ARCHIVED'],
      createdAt: { start: dayStart(from)!, end: dayEnd(to)! },
      srtKey: ['number'],
      srtDir: ['desc'],
    });
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.length).toBeLessThan(CASES / 2);
    await waitForAllLoaded(page, expected.length);
    expect(await page.getByTestId('case-total').textContent()).toBe(
      `${expected.length.toLocaleString('en-US')} cases`,
    );
    expect(await listedCaseNumbers(page)).toEqual(expected);
    const badges = await page.locator('.cases [data-case] .badge').allTextContents();
    for (const badge of badges) expect(['Open', 'Archived']).toContain(badge.trim());
    await e2e.screenshot('case-list-two-statuses-and-dates');
  });

  it('says when a date range ends before it starts, and sends nothing', async () => {
    await page.getByLabel('Updated from').fill('2030-02-01');
    await page.getByText('No cases match these filters').waitFor();
    const calls = e2e.harness.calls.length;
    await page.getByLabel('Updated to').fill('2030-01-01');
    await page.getByText('The end date is before the start date.').waitFor();
    expect(await page.getByLabel('Updated to').getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(400);
    expect(e2e.harness.calls.slice(calls).filter((c) => c.channel === 'cases.rows')).toEqual([]);
    await page.getByLabel('Updated from').fill('');
    await page.getByLabel('Updated to').fill('');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await waitForAllLoaded(page, CASES);
  });

  it('picks the assignee, the subject and the last modifier by name, never by ID', async () => {
    const emu = e2e.harness.session.demoEmulator()!;
    const sort = { srtKey: ['number'], srtDir: ['desc'] } satisfies CaseQuery;
    const sample = (await e2e.harness.session.client().getPage({ isAssigned: true, pgSize: 1 })).cases[0]!;
    const user = emu.users().find((u) => u.userId === sample.assignee)!;

    // Part of the name finds the user; the field then shows the username, the filter uses the ID.
    await choosePerson('Assignee', user.lastName!.slice(0, 4), user.username);
    const byAssignee = await serverAll({ ...sort, assignee: user.userId });
    await waitForAllLoaded(page, byAssignee.length);
    expect(await listedCaseNumbers(page)).toEqual(byAssignee);
    expect(await page.getByText(user.userId).count()).toBe(0);
    const cells = await page.locator('.cases [data-case] .cell.assigneeUsername').allTextContents();
    expect(new Set(cells.map((c) => c.trim()))).toEqual(new Set([user.username]));
    await e2e.screenshot('case-list-assignee-picked');

    // "Unassigned only" replaces the assignee (isAssigned=false).
    await page.getByRole('checkbox', { name: 'Unassigned only' }).check();
    expect(await page.getByRole('combobox', { name: 'Assignee', exact: true }).isDisabled()).toBe(true);
    const unassigned = await serverAll({ ...sort, isAssigned: false });
    await waitForAllLoaded(page, unassigned.length);
    expect(await listedCaseNumbers(page)).toEqual(unassigned);
    await page.getByRole('checkbox', { name: 'Unassigned only' }).uncheck();
    await waitForAllLoaded(page, CASES);

    // Subjects come from the actors search, on the start of the name, once typing pauses.
    const subjectId = sample.subject!;
    const actor = emu.actors().find((a) => a.actorId === subjectId)!;
    const searchesBefore = e2e.harness.calls.filter((c) => c.channel === 'actors.search').length;
    await page
      .getByRole('combobox', { name: 'Subject', exact: true })
      .pressSequentially(actor.name.slice(0, 6), {
        delay: 20,
      });
    const option = page.locator('#filter-subject-list').getByRole('option', { name: actor.name });
    await option.first().click();
    const searches = e2e.harness.calls.filter((c) => c.channel === 'actors.search').length - searchesBefore;
    expect(searches).toBeGreaterThan(0);
    expect(searches).toBeLessThan(6);
    const bySubject = await serverAll({ ...sort, subject: subjectId });
    await waitForAllLoaded(page, bySubject.length);
    expect(await listedCaseNumbers(page)).toEqual(bySubject);
    await page.getByRole('button', { name: 'Clear subject' }).click();

    // Last modified by: a user picker too.
    const modifier = emu.users().find((u) => u.userId === sample.lastModifiedByUserUid) ?? emu.users()[0]!;
    await choosePerson('Last modified by', modifier.username.slice(0, 5), modifier.username);
    const byModifier = await serverAll({ ...sort, lastModifiedBy: modifier.userId });
    await waitForAllLoaded(page, byModifier.length);
    expect(await listedCaseNumbers(page)).toEqual(byModifier);

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await waitForAllLoaded(page, CASES);
    expect(await page.getByRole('combobox', { name: 'Assignee', exact: true }).inputValue()).toBe('');
  });
});

describe('sorting and columns', () => {
  const SORTS: { label: string; key: SortKey }[] = [
    { label: 'Number', key: 'number' },
    { label: 'Name', key: 'name' },
    { label: 'Status', key: 'status' },
    { label: 'Assignee', key: 'assigneeUsername' },
    { label: 'Subject', key: 'subjectUsername' },
    { label: 'Created', key: 'createdAt' },
    { label: 'Updated', key: 'updatedAt' },
    { label: 'Archival', key: 'archivalTime' },
  ];

  it.each(SORTS)(
    'sorts by $key in both directions, top and bottom as the server sorts',
    async ({ label, key }) => {
      for (let click = 0; click < 2; click++) {
        const wasDir = await sortState(page, label);
        await clickColumn(page, label);
        await eventually(async () => {
          const state = await sortState(page, label);
          expect(state === 'ascending' || state === 'descending').toBe(true);
          expect(state).not.toBe(wasDir);
        });
        const dir = (await sortState(page, label)) === 'ascending' ? 'asc' : 'desc';
        const expected = await serverAll({ srtKey: [key], srtDir: [dir] });
        await waitForAllLoaded(page, CASES);
        await expectCaseNumbers(page, expected);
        const tail = await tailCaseNumbers();
        expect(tail).toEqual(expected.slice(-tail.length));
      }
      if (key === 'archivalTime') await e2e.screenshot('case-list-sorted-archival');
    },
  );

  it('shows the columns chosen, Number and Name always', async () => {
    // The sort the last test left: Archival, in the direction its header shows.
    const dir = (await sortState(page, 'Archival')) === 'ascending' ? 'asc' : 'desc';
    await page.getByRole('button', { name: 'Columns' }).click();
    const chooser = page.locator('#column-chooser');
    expect(await chooser.getByRole('checkbox', { name: 'Number' }).isDisabled()).toBe(true);
    expect(await chooser.getByRole('checkbox', { name: 'Name' }).isDisabled()).toBe(true);
    await chooser.getByRole('checkbox', { name: 'Subject' }).uncheck();
    await chooser.getByRole('checkbox', { name: 'Updated' }).uncheck();
    await chooser.getByRole('checkbox', { name: 'Last modified by' }).check();
    await page.keyboard.press('Escape');
    await chooser.waitFor({ state: 'hidden' });

    const headers = (await page.locator('.cases [role="columnheader"]').allTextContents()).map((t) =>
      t.replace(/[▲▼↕]/gu, '').trim(),
    );
    expect(headers).toEqual([
      '',
      'Number',
      'Name',
      'Status',
      'Assignee',
      'Created',
      'Archival',
      'Last modified by',
    ]);
    expect(await caseGrid(page).getAttribute('aria-colcount')).toBe('8');
    const first = (await shownCaseNumbers(page))[0]!;
    const detail = await e2e.harness.session.client().getCase(first);
    expect(
      (
        await page.locator(`.cases [data-case="${first}"] .cell.lastModifiedByUsername`).textContent()
      )?.trim(),
    ).toBe(detail.lastModifiedByUsername ?? '—');
    // The archival date is shown as a date, its instant on hover.
    await page.getByRole('checkbox', { name: 'Archived', exact: true }).click();
    const archived = await serverAll({ status: ['ARCHIVED'], srtKey: ['archivalTime'], srtDir: [dir] });
    await waitForAllLoaded(page, archived.length);
    await expectCaseNumbers(page, archived);
    const archivedCase = await e2e.harness.session.client().getCase(archived[0]!);
    const cell = page.locator(`.cases [data-case="${archived[0]}"] .cell.archivalTime`);
    expect(await cell.locator('time').getAttribute('datetime')).toBe(archivedCase.archivalTime);
    // The day is shown; the full local time and the UTC instant on hover (only then: a scroll step
    // changes no tooltips).
    expect(await cell.getAttribute('title')).toBeNull();
    await cell.hover();
    await eventually(async () =>
      expect(await cell.getAttribute('title')).toContain(
        `${new Date(archivedCase.archivalTime!).toISOString()} (UTC)`,
      ),
    );
    await e2e.screenshot('case-list-columns');
  });
});
