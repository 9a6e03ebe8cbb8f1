// Bulk actions on a multi-selection in Chromium against the demo workspace: assign, change status
// (one confirmation, saying what cannot be undone), delete — each with a result per case (done,
// skipped and why, failed with the plain sentence) and "Retry failed".
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSlim } from '../../src-shared/domain/case.js';
import type { User } from '../../src-shared/domain/people.js';
import { messageFor } from '../../src-shared/domain/problems.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { caseGrid, eventually, openDemoWorkspace, shownCaseNumbers, waitForAllLoaded } from './ui.js';

let e2e: E2E;
let page: Page;
let emulator: RunningEmulator;

/** The first `count` cases the list shows (with the current filters), as the server has them. */
async function firstCases(count: number): Promise<CaseSlim[]> {
  const numbers = (await shownCaseNumbers(page)).slice(0, count);
  const client = e2e.harness.session.client();
  return Promise.all(numbers.map((n) => client.getCase(n)));
}

/** Selects the first `count` rows from the keyboard: Home, Space, Shift+Down… */
async function selectFirst(count: number): Promise<void> {
  await caseGrid(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  for (let i = 1; i < count; i++) await page.keyboard.press('Shift+ArrowDown');
  await eventually(async () =>
    expect(await page.getByTestId('selection-count').textContent()).toContain(
      `${count} ${count === 1 ? 'case' : 'cases'} selected`,
    ),
  );
}

async function showOnly(status: 'Open' | 'Closed' | 'Archived' | null): Promise<void> {
  for (const name of ['Open', 'Closed', 'Archived']) {
    const box = page.getByRole('checkbox', { name, exact: true });
    if ((await box.isChecked()) !== (name === status)) await box.click();
  }
  await waitForAllLoaded(page);
}

/** One row of the results panel: its result word and its sentence. */
async function result(number: number): Promise<{ state: string | null; why: string }> {
  const row = page.getByTestId('bulk-results').locator(`tr[data-case="${number}"]`);
  return {
    state: await row.getAttribute('data-state'),
    why: ((await row.locator('td.why').textContent()) ?? '').trim(),
  };
}

/** The results panel's summary line, e.g. "3 done · 1 failed · 0 skipped". */
async function counts(): Promise<string> {
  return ((await page.getByTestId('bulk-counts').textContent()) ?? '').replace(/\s+/gu, ' ').trim();
}

async function waitForRunEnd(): Promise<void> {
  await page.getByRole('button', { name: 'Close results' }).waitFor();
}

async function pickAssignee(user: User): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Assignee', exact: true });
  await input.fill(user.username.slice(0, 6));
  await page.locator('#bulk-assignee-list').getByRole('option', { name: user.username }).first().click();
  expect(await input.inputValue()).toBe(user.username);
}

/** A user who is the assignee of none of these cases. */
function outsider(cases: readonly CaseSlim[]): User {
  const taken = new Set(cases.map((c) => c.assignee));
  return emulator.users().find((u) => u.active && !u.blocked && !taken.has(u.userId))!;
}

beforeAll(async () => {
  // No retries, so a fault the test queues reaches the run as a failure.
  e2e = await startE2E({ session: { client: { retry: { limit: 0 } } } });
  page = e2e.page;
  await page.goto(e2e.harness.url);
  await openDemoWorkspace(page);
  await waitForAllLoaded(page);
  emulator = e2e.harness.session.demoEmulator()!;
});

afterEach(async () => {
  expect(e2e.problems).toEqual([]);
  if (await page.getByRole('button', { name: 'Close results' }).isVisible()) {
    await page.getByRole('button', { name: 'Close results' }).click();
  }
  await page.keyboard.press('Escape');
});

afterAll(async () => {
  await e2e?.close();
});

describe('bulk assign', () => {
  it('assigns the selected cases to someone picked by name, skipping closed ones and saying why', async () => {
    // A mix of statuses at the top of the list (newest first).
    await showOnly(null);
    const cases = await firstCases(8);
    const statuses = new Set(cases.map((c) => c.status));
    expect(statuses.has('OPEN')).toBe(true);
    expect(statuses.size).toBeGreaterThan(1);
    const user = outsider(cases);
    await selectFirst(cases.length);

    await page.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: `Assign ${cases.length} cases` });
    await dialog.waitFor();
    await pickAssignee(user);
    const open = cases.filter((c) => c.status === 'OPEN');
    const locked = cases.filter((c) => c.status !== 'OPEN');
    await dialog
      .getByText(`${open.length} ${open.length === 1 ? 'case' : 'cases'} will be changed`)
      .waitFor();
    await e2e.screenshot('bulk-assign-dialog');
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForRunEnd();

    expect(await counts()).toContain(`${open.length} done · 0 failed · ${locked.length} skipped`);
    await page.getByLabel('Show').selectOption('all');
    for (const c of open) {
      expect(await result(c.number)).toEqual({ state: 'done', why: '' });
      expect((await e2e.harness.session.client().getCase(c.number)).assignee).toBe(user.userId);
      // The row shows the new assignee at once.
      expect(
        (await page.locator(`.cases [data-case="${c.number}"] .cell.assigneeUsername`).textContent())?.trim(),
      ).toBe(user.username);
    }
    for (const c of locked) {
      const code = c.status === 'CLOSED' ? 'NO_EDITS_ONCE_CLOSED' : 'NO_EDITS_ONCE_ARCHIVED';
      expect(await result(c.number)).toEqual({ state: 'skipped', why: messageFor(code) });
      expect((await e2e.harness.session.client().getCase(c.number)).assignee).toBe(c.assignee);
    }
    await e2e.screenshot('bulk-assign-results');
  });
});

describe('bulk status change', () => {
  it('offers only users a case can be given to: nobody deactivated or blocked', async () => {
    await showOnly(null);
    await selectFirst(2);
    await page.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign 2 cases' });
    await dialog.waitFor();
    const input = page.getByRole('combobox', { name: 'Assignee', exact: true });
    const list = page.locator('#bulk-assignee-list');
    const assignable = emulator.users().find((u) => u.active && !u.blocked)!;
    const unassignable = emulator.users().filter((u) => !u.active || u.blocked);
    expect(unassignable.length).toBeGreaterThan(0);
    for (const user of unassignable) {
      // Someone assignable first, so the "No matches" below is the answer for this user, not a leftover.
      await input.fill(assignable.username);
      await list.getByRole('option', { name: assignable.username }).first().waitFor();
      await input.fill(user.username);
      await list.getByText('No matches').waitFor();
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('closes the selected cases after one confirmation that says it cannot be undone', async () => {
    await showOnly('Open');
    const cases = await firstCases(3);
    await selectFirst(3);
    await page.getByRole('button', { name: 'Change status…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the status of 3 cases' });
    await dialog.waitFor();

    await dialog.getByRole('radio', { name: 'Archived' }).check();
    await dialog.getByText("permanently deletes the cases' file events and captured files").waitFor();
    await dialog.getByRole('radio', { name: 'Closed' }).check();
    await dialog.getByText('Closing cannot be undone.').waitFor();
    expect(await dialog.getByText('A closed case can never be reopened or edited again.').isVisible()).toBe(
      true,
    );
    await e2e.screenshot('bulk-status-dialog');

    const updatesBefore = e2e.harness.calls.filter((c) => c.channel === 'cases.update').length;
    await dialog.getByRole('button', { name: 'Close 3 cases' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForRunEnd();
    // One question for all three: no other dialog came up while they ran.
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(e2e.harness.platform.confirms).toEqual([]);
    expect(e2e.harness.calls.filter((c) => c.channel === 'cases.update').length - updatesBefore).toBe(3);

    expect(await counts()).toContain('3 done · 0 failed · 0 skipped');
    for (const c of cases) {
      expect((await e2e.harness.session.client().getCase(c.number)).status).toBe('CLOSED');
      expect(await page.locator(`.cases [data-case="${c.number}"] .badge`).textContent()).toBe('Closed');
    }
  });

  it('skips cases already in that status and closed cases that cannot be reopened', async () => {
    await showOnly('Closed');
    const cases = await firstCases(2);
    await selectFirst(2);
    await page.getByRole('button', { name: 'Change status…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the status of 2 cases' });
    await dialog.getByRole('radio', { name: 'Open' }).check();
    await dialog.getByText('Nothing to do: none of the 2 cases can be changed this way.').waitFor();
    await dialog.getByText('2 cases: A closed case cannot be reopened.').waitFor();
    await dialog.getByRole('button', { name: 'Nothing to change' }).click();
    await waitForRunEnd();
    expect(await counts()).toContain('0 done · 0 failed · 2 skipped');
    for (const c of cases) {
      expect(await result(c.number)).toEqual({ state: 'skipped', why: 'A closed case cannot be reopened.' });
    }
  });
});

describe('failures and retry', () => {
  it('says why a case failed, and "Retry failed" runs only the failed ones again', async () => {
    await showOnly('Open');
    const cases = await firstCases(4);
    const user = outsider(cases);
    await selectFirst(4);
    await page.getByRole('button', { name: 'Assign…' }).click();
    await pickAssignee(user);
    // The next request to the server fails: one case's run fails with its plain sentence.
    emulator.queueFaults('server-error');
    await page.getByRole('dialog').getByRole('button', { name: 'Assign', exact: true }).click();
    await waitForRunEnd();
    expect(await counts()).toContain('3 done · 1 failed · 0 skipped');
    const failedRow = page.getByTestId('bulk-results').locator('tr[data-state="failed"]');
    expect(await failedRow.count()).toBe(1);
    expect((await failedRow.locator('td.why').textContent())?.trim()).toBe(messageFor('SERVER_ERROR'));
    const failed = Number(await failedRow.getAttribute('data-case'));
    expect((await e2e.harness.session.client().getCase(failed)).assignee).not.toBe(user.userId);
    await e2e.screenshot('bulk-retry-failed');

    const updatesBefore = e2e.harness.calls.filter((c) => c.channel === 'cases.update').length;
    await page.getByRole('button', { name: 'Retry failed (1)' }).click();
    await waitForRunEnd();
    expect(await counts()).toContain('4 done · 0 failed · 0 skipped');
    expect(e2e.harness.calls.filter((c) => c.channel === 'cases.update').length - updatesBefore).toBe(1);
    for (const c of cases) {
      expect((await e2e.harness.session.client().getCase(c.number)).assignee).toBe(user.userId);
    }
  });

  it('fails a case closed on the server after the list loaded, with the server’s reason, again on retry', async () => {
    await showOnly('Open');
    const cases = await firstCases(3);
    const [victim] = cases;
    const client = e2e.harness.session.client();
    // Someone else closes it meanwhile; the list still says open.
    await client.replaceCase(victim!.number, {
      name: victim!.name,
      description: null,
      findings: null,
      subject: victim!.subject,
      assignee: victim!.assignee,
      status: 'CLOSED',
    });
    const user = outsider(cases);
    await selectFirst(3);
    await page.getByRole('button', { name: 'Assign…' }).click();
    await pickAssignee(user);
    await page.getByRole('dialog').getByRole('button', { name: 'Assign', exact: true }).click();
    await waitForRunEnd();
    expect(await counts()).toContain('2 done · 1 failed · 0 skipped');
    expect(await result(victim!.number)).toEqual({
      state: 'failed',
      why: messageFor('NO_EDITS_ONCE_CLOSED'),
    });

    await page.getByRole('button', { name: 'Retry failed (1)' }).click();
    await waitForRunEnd();
    expect(await result(victim!.number)).toEqual({
      state: 'failed',
      why: messageFor('NO_EDITS_ONCE_CLOSED'),
    });
    expect(await counts()).toContain('2 done · 1 failed · 0 skipped');
  });
});

describe('bulk delete', () => {
  it('deletes the selected cases after confirming, and they leave the list', async () => {
    await showOnly(null);
    const total = Number(await caseGrid(page).getAttribute('aria-rowcount')) - 1;
    const cases = await firstCases(2);
    await selectFirst(2);
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 cases?' });
    await dialog.getByText('Deleting cannot be undone.').waitFor();
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await e2e.harness.session.client().getCase(cases[0]!.number)).number).toBe(cases[0]!.number);

    await page.getByRole('button', { name: 'Delete…' }).click();
    await dialog.getByRole('button', { name: 'Delete 2 cases' }).click();
    await waitForRunEnd();
    expect(await counts()).toContain('2 done · 0 failed · 0 skipped');
    for (const c of cases) {
      await expect(e2e.harness.session.client().getCase(c.number)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await page.locator(`.cases [data-case="${c.number}"]`).waitFor({ state: 'detached' });
    }
    expect(await caseGrid(page).getAttribute('aria-rowcount')).toBe(String(total - 2 + 1));
    await page.getByTestId('selection-count').waitFor({ state: 'detached' });
  });
});
