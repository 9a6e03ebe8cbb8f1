// Editing cases end to end in Chromium against the demo workspace: every field (checked on the server),
// the findings editor's live preview, the stale-case warning with its comparison, the length counters
// that stop a save, closing and archiving with their confirmations, creating and deleting.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src-shared/domain/case.js';
import { messageFor } from '../../src-shared/domain/problems.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import { backToList, callsTo, openCase, pickPerson, serverCase, useDemoCasePage } from './case-page.js';
import type { E2E } from './fixture.js';
import { eventually, focusedId, waitForCase } from './ui.js';

let e2e: E2E;
let page: Page;
let emulator: RunningEmulator;
/** Open cases not used by another test yet. */
let openCases: number[];

function nextOpenCase(): number {
  const n = openCases.shift();
  if (n === undefined) throw new Error('the demo has run out of open cases');
  return n;
}

useDemoCasePage((demo) => {
  ({ e2e, page, emulator } = demo);
  openCases = emulator.caseNumbers('OPEN').reverse();
});

const field = (name: string) => page.locator(`[data-field="${name}"]`);

/** Someone other than the case's current subject / assignee, to pick in the editor. */
function otherActor(currentId: string | null) {
  const actor = emulator.actors().find((a) => a.actorId !== currentId && a.parentActorId === null);
  if (!actor) throw new Error('no actor to pick');
  return actor;
}
function otherUser(currentId: string | null) {
  const user = emulator.users().find((u) => u.userId !== currentId && u.active && !u.blocked);
  if (!user) throw new Error('no user to pick');
  return user;
}

describe('editing a case', () => {
  it('edits every field, with a live findings preview, and the server has each change', async () => {
    const n = nextOpenCase();
    const before = await serverCase(e2e, n);
    await openCase(e2e, n);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();

    const name = `Edited ${n} — payroll export`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page
      .getByLabel('Description', { exact: true })
      .fill('Copied payroll files to a personal cloud drive.');

    // Findings: typed markdown shows in the preview at once, sanitised (raw HTML stays text).
    const findings = page.getByRole('textbox', { name: 'Findings', exact: true });
    await findings.fill(
      '# Summary\n\nThe subject uploaded **payroll.xlsx**.\n\n<script>window.__x=1</script>',
    );
    const preview = page.getByTestId('findings-preview');
    await eventually(async () => expect(await preview.locator('strong').textContent()).toBe('payroll.xlsx'));
    expect(await preview.locator('h1').textContent()).toBe('Summary');
    expect(await preview.locator('script').count()).toBe(0);
    expect(await preview.textContent()).toContain('<script>window.__x=1</script>');
    // The toolbar wraps the selection.
    await findings.press('End');
    await findings.pressSequentially('\nSee ');
    await page.getByRole('button', { name: 'Italic' }).click();
    await page.keyboard.type('the timeline');
    expect(await findings.inputValue()).toMatch(/See _the timeline_$/u);
    await eventually(async () => expect(await preview.locator('em').textContent()).toBe('the timeline'));

    const actor = otherActor(before.subject);
    await pickPerson(page, 'Subject', actor.name.slice(0, -1), actor.name);
    const user = otherUser(before.assignee);
    await pickPerson(page, 'Assignee', user.username.slice(0, 4), user.username);
    await e2e.screenshot('case-edit-form');

    await page.getByRole('button', { name: 'Save changes' }).click();
    await field('number').waitFor();

    const after = await serverCase(e2e, n);
    expect(after.name).toBe(name);
    expect(after.description).toBe('Copied payroll files to a personal cloud drive.');
    expect(after.findings).toBe(
      '# Summary\n\nThe subject uploaded **payroll.xlsx**.\n\n<script>window.__x=1</script>\nSee _the timeline_',
    );
    expect(after.subject).toBe(actor.actorId);
    expect(after.assignee).toBe(user.userId);
    expect(after.status).toBe('OPEN');
    expect(await page.locator('#case-heading .name').textContent()).toBe(name);
    expect((await field('subject').textContent())?.trim()).toBe(actor.name);
    expect((await field('assignee').textContent())?.trim()).toBe(user.username);
    expect(await page.getByTestId('findings').locator('em').textContent()).toBe('the timeline');
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).__x)).toBeUndefined();

    // Clearing: the subject and the description go back to none.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Clear subject' }).click();
    await page.getByLabel('Description', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await field('number').waitFor();
    const cleared = await serverCase(e2e, n);
    expect(cleared.subject).toBeNull();
    expect(cleared.description).toBeNull();
    expect(cleared.name).toBe(name);
    expect((await field('subject').textContent())?.trim()).toBe('No subject');
  });

  it('warns when the case changed on the server, compares, and overwrites with mine', async () => {
    const n = nextOpenCase();
    const client = e2e.harness.session.client();
    await openCase(e2e, n);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page
      .getByLabel('Description', { exact: true })
      .fill('My description, typed while someone else edited.');

    // Meanwhile a colleague changes the findings and the assignee.
    const original = await serverCase(e2e, n);
    const colleague = otherUser(original.assignee);
    await client.updateCase(n, { findings: 'Colleague findings.', assignee: colleague.userId });

    const updatesBefore = callsTo(e2e, 'cases.update');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.getByRole('heading').textContent()).toBe(messageFor('CASE_CHANGED'));
    const row = (f: string) => conflict.locator(`tr[data-compare="${f}"]`);
    expect(await row('description').locator('td.mine').textContent()).toContain(
      'My description, typed while',
    );
    expect(await row('description').locator('td.who').textContent()).toBe('You changed it');
    expect(await row('findings').locator('td.server textarea').inputValue()).toBe('Colleague findings.');
    expect(await row('findings').locator('td.who').textContent()).toBe('Changed on the server');
    expect(await row('assignee').locator('td.server').textContent()).toContain(colleague.username);
    expect(await row('name').locator('td.who').textContent()).toBe('Same on both');
    // Nothing typed is lost: the form still holds it.
    expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe(
      'My description, typed while someone else edited.',
    );
    expect((await serverCase(e2e, n)).description).toBe(original.description);
    await e2e.screenshot('case-edit-conflict');

    await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
    await field('number').waitFor();
    expect(callsTo(e2e, 'cases.update') - updatesBefore).toBe(2);
    const saved = await serverCase(e2e, n);
    expect(saved.description).toBe('My description, typed while someone else edited.');
    // Fields I did not touch keep the colleague's values.
    expect(saved.findings).toBe('Colleague findings.');
    expect(saved.assignee).toBe(colleague.userId);
    expect((await field('description').textContent())?.trim()).toBe(saved.description);
  });

  it("can discard mine and take the server's version instead", async () => {
    const n = nextOpenCase();
    await openCase(e2e, n);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill(`Mine ${n}`);
    await e2e.harness.session.client().updateCase(n, { name: `Theirs ${n}` });
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.locator('tr[data-compare="name"] td.who').textContent()).toBe('Both changed it');
    await conflict.getByRole('button', { name: "Discard mine, use server's" }).click();
    await field('number').waitFor();
    expect(await page.locator('#case-heading .name').textContent()).toBe(`Theirs ${n}`);
    expect((await serverCase(e2e, n)).name).toBe(`Theirs ${n}`);
  });

  it('asks before leaving with unsaved edits, and keeps them when the answer is no', async () => {
    const n = nextOpenCase();
    const before = await serverCase(e2e, n);
    await openCase(e2e, n);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Description', { exact: true }).fill('Half-written note');
    await page.getByRole('button', { name: 'Back to cases' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe('Half-written note');

    await page.getByRole('button', { name: 'Back to cases' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await page.locator('#cases-heading').waitFor();
    expect((await serverCase(e2e, n)).description).toBe(before.description);
  });

  it('counts characters against the API limits and stops an over-long save, naming the fields', async () => {
    const n = nextOpenCase();
    const before = await serverCase(e2e, n);
    await openCase(e2e, n);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();

    const name = page.getByLabel('Name', { exact: true });
    await name.fill('n'.repeat(LIMITS.nameLength));
    expect(await page.getByTestId('counter-name').textContent()).toMatch(/^\s*50 \/ 50\s*$/u);
    expect(await name.getAttribute('aria-invalid')).toBe('false');
    await name.fill('n'.repeat(LIMITS.nameLength + 3));
    expect(await page.getByTestId('counter-name').textContent()).toContain('53 / 50 — 3 over the limit');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Description', { exact: true }).fill('d'.repeat(LIMITS.descriptionLength + 1));
    await page
      .getByRole('textbox', { name: 'Findings', exact: true })
      .fill('f'.repeat(LIMITS.findingsLength + 10));
    expect(await page.getByTestId('counter-findings').textContent()).toContain('30,010 / 30,000');

    const updatesBefore = callsTo(e2e, 'cases.update');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const problems = page.getByTestId('form-problems');
    await problems.waitFor();
    const text = await problems.textContent();
    expect(text).toContain('Name: Name is 53 characters, 3 over the limit of 50.');
    expect(text).toContain('Description: Description is 251 characters, 1 over the limit of 250.');
    expect(text).toContain('Findings: Findings is 30,010 characters, 10 over the limit of 30,000.');
    // Focus goes to the first field to fix; nothing was sent.
    expect(await focusedId(page)).toBe('edit-name');
    expect(callsTo(e2e, 'cases.update')).toBe(updatesBefore);
    await e2e.screenshot('case-edit-over-limit');

    // Fixing every field lets the save through.
    await name.fill(`Fixed ${n}`);
    await page.getByLabel('Description', { exact: true }).fill('Short again.');
    await page
      .getByRole('textbox', { name: 'Findings', exact: true })
      .fill('f'.repeat(LIMITS.findingsLength));
    await eventually(async () => expect(await problems.count()).toBe(0));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await field('number').waitFor();
    const after = await serverCase(e2e, n);
    expect(after.name).toBe(`Fixed ${n}`);
    expect(after.findings).toHaveLength(LIMITS.findingsLength);
    expect(after.createdAt).toBe(before.createdAt);
  });
});

describe('closing and archiving', () => {
  it('closes only after a confirmation that says it is irreversible, then shows the case read-only', async () => {
    const n = nextOpenCase();
    await openCase(e2e, n);

    await page.getByRole('button', { name: 'Close case…' }).click();
    const dialog = page.getByRole('dialog', { name: `Close case ${n}?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('This cannot be undone.');
    await e2e.screenshot('case-close-confirm');
    // Escape (like Cancel) changes nothing.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await serverCase(e2e, n)).status).toBe('OPEN');

    await page.getByRole('button', { name: 'Close case…' }).click();
    await dialog.getByRole('button', { name: 'Close case' }).click();
    await page.getByTestId('read-only').waitFor();
    expect((await serverCase(e2e, n)).status).toBe('CLOSED');
    expect((await field('status').textContent())?.trim()).toBe('Closed');
    expect(await page.getByTestId('read-only').textContent()).toContain(
      'This case is closed, so it is read-only',
    );
    // No edit controls on a closed case; attaching refuses with a plain sentence.
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Close case…' }).count()).toBe(0);
    expect(await page.getByTestId('attach-refusal').textContent()).toBe(messageFor('CASE_IS_CLOSED'));
    await e2e.screenshot('case-closed-read-only');
  });

  it('closes through the editor status too, asking first', async () => {
    const n = nextOpenCase();
    await openCase(e2e, n);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Status', { exact: true }).selectOption('CLOSED');
    await page.getByLabel('Description', { exact: true }).fill('Closing: no policy violation found.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close this case?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await serverCase(e2e, n)).status).toBe('OPEN');
    // The draft is untouched by the cancelled question.
    expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe(
      'Closing: no policy violation found.',
    );

    await page.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByRole('button', { name: 'Save and close' }).click();
    await page.getByTestId('read-only').waitFor();
    const after = await serverCase(e2e, n);
    expect(after.status).toBe('CLOSED');
    expect(after.description).toBe('Closing: no policy violation found.');
  });

  it('archives after a confirmation that says it deletes file events and captured files', async () => {
    const n = emulator.caseNumbers('CLOSED').find((c) => emulator.eventIdsOnCase(c).length > 0);
    if (n === undefined) throw new Error('the demo has no closed case with events');
    await openCase(e2e, n);
    await page.locator('table.events tbody tr[data-event]').first().waitFor();

    await page.getByRole('button', { name: 'Archive case…' }).click();
    const dialog = page.getByRole('dialog', { name: `Archive case ${n}?` });
    await dialog.waitFor();
    const warning = (await dialog.textContent())?.replace(/\s+/gu, ' ');
    expect(warning).toContain('This cannot be undone.');
    expect(warning).toContain("permanently deletes the case's file events and their captured files");
    await e2e.screenshot('case-archive-confirm');
    await dialog.getByRole('button', { name: 'Archive case' }).click();

    await eventually(async () =>
      expect(await page.getByTestId('read-only').textContent()).toContain('This case is archived'),
    );
    expect((await serverCase(e2e, n)).status).toBe('ARCHIVED');
    expect(emulator.eventIdsOnCase(n)).toEqual([]);
    await page.getByText('No file events are attached to this case').waitFor();
    expect(await page.getByRole('button', { name: 'Archive case…' }).count()).toBe(0);
  });
});

describe('creating and deleting', () => {
  it('creates a case from the form, then deletes it after the case number is typed', async () => {
    await page.getByRole('button', { name: 'New case', exact: true }).click();
    await page.getByRole('heading', { name: 'New case' }).waitFor();

    // An empty name is stopped here, with the field named.
    const createsBefore = callsTo(e2e, 'cases.create');
    await page.getByRole('button', { name: 'Create case' }).click();
    expect(await page.getByTestId('form-problems').textContent()).toContain(
      `Name: ${messageFor('NAME_EMPTY')}`,
    );
    expect(callsTo(e2e, 'cases.create')).toBe(createsBefore);

    const name = `New case ${Date.now() % 100_000}`;
    const actor = otherActor(null);
    const user = otherUser(null);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Description', { exact: true }).fill('Opened from the e2e test.');
    await page.getByRole('textbox', { name: 'Findings', exact: true }).fill('Nothing yet, **watching**.');
    await pickPerson(page, 'Subject', actor.name, actor.name);
    await pickPerson(page, 'Assignee', user.username, user.username);
    await e2e.screenshot('case-create');
    await page.getByRole('button', { name: 'Create case' }).click();

    await page.locator('[data-field="number"]').waitFor();
    const number = Number(await field('number').textContent());
    await waitForCase(page, number);
    const created = await serverCase(e2e, number);
    expect(created).toMatchObject({
      name,
      description: 'Opened from the e2e test.',
      findings: 'Nothing yet, **watching**.',
      subject: actor.actorId,
      assignee: user.userId,
      status: 'OPEN',
    });

    // The same name again is refused by the server; what was typed stays.
    await backToList(page);
    await page.getByRole('button', { name: 'New case', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create case' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'The case was not created' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(messageFor('NAME_EXISTS'));
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    await page.getByRole('button', { name: 'Cancel' }).click();
    const leave = page.getByRole('dialog', { name: 'Discard this new case?' });
    await leave.getByRole('button', { name: 'Discard' }).click();
    await page.locator('#cases-heading').waitFor();

    // Delete: the button waits for the typed case number.
    await openCase(e2e, number);
    await page.getByRole('button', { name: 'Delete case…' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete case ${number}?` });
    const confirm = dialog.getByRole('button', { name: 'Delete case' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(`Type the case number, ${number}, to confirm`).fill(String(number + 1));
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(`Type the case number, ${number}, to confirm`).fill(String(number));
    await e2e.screenshot('case-delete-confirm');
    await confirm.click();
    await page.locator('#cases-heading').waitFor();
    await expect(serverCase(e2e, number)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
