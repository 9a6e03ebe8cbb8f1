// A case's file events in Chromium against the demo workspace: all of them in one windowed table (a
// case with thousands scrolls with only a screenful in the DOM), the detail drawer with the full
// FileEventV2 grouped for reading, keyboard moves, and removing an event after a confirmation.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import { openCase, useDemoCasePage } from './case-page.js';
import type { E2E } from './fixture.js';
import { eventually } from './ui.js';

const BIG = 2500;

let e2e: E2E;
let page: Page;
let emulator: RunningEmulator;

useDemoCasePage((demo) => ({ e2e, page, emulator } = demo));

const rows = () => page.locator('table.events tbody tr[data-event]');
const drawer = () => page.getByTestId('event-drawer');

/** An open case given `extra` more events through the API, so it has thousands. */
async function bigCase(extra: number): Promise<number> {
  const n = emulator.caseNumbers('OPEN')[0];
  if (n === undefined) throw new Error('no open case');
  const client = e2e.harness.session.client();
  const ids = emulator.unattachedEventIds(extra);
  for (let i = 0; i < ids.length; i += 1000) await client.addFileEvents(n, ids.slice(i, i + 1000));
  return n;
}

describe('file events of a case', () => {
  it('loads every event into a windowed table that keeps only a screenful in the DOM', async () => {
    const n = await bigCase(BIG);
    const all = emulator.eventIdsOnCase(n);
    expect(all.length).toBeGreaterThan(BIG);
    await openCase(e2e, n);

    const table = page.locator('table.events');
    await eventually(async () =>
      expect(await table.getAttribute('aria-rowcount')).toBe(String(all.length + 1)),
    );
    await eventually(async () => expect(await table.getAttribute('aria-busy')).toBe('false'));
    expect(await page.locator('#events-heading .count').textContent()).toBe(
      all.length.toLocaleString('en-US'),
    );
    // Only a window of rows is rendered, in the server's order.
    const rendered = await rows().count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(await rows().first().getAttribute('data-event')).toBe(all[0]);
    expect(await rows().first().getAttribute('aria-rowindex')).toBe('2');
    await e2e.screenshot('case-events-table');

    // Scrolled to the end, the last events are there, with their row numbers.
    await page.getByTestId('events-scroller').evaluate((el) => {
      (el as unknown as { scrollTop: number; scrollHeight: number }).scrollTop = 1e9;
    });
    await eventually(async () => expect(await rows().last().getAttribute('data-event')).toBe(all.at(-1)));
    expect(await rows().last().getAttribute('aria-rowindex')).toBe(String(all.length + 1));
    expect(await rows().count()).toBeLessThan(60);
    const last = await e2e.harness.session.client().getFileEvents(n, { pgNum: all.length, pgSize: 1 });
    expect((await rows().last().locator('td.file').textContent())?.trim()).toBe(last.events[0]?.fileName);

    // Keyboard: Home and End jump through the whole list, focus following.
    await rows().last().getByRole('button').focus();
    await page.keyboard.press('Home');
    await eventually(async () =>
      expect(
        await page.evaluate(
          () =>
            (
              globalThis as unknown as {
                document: {
                  activeElement: { closest(s: string): { getAttribute(a: string): string } | null };
                };
              }
            ).document.activeElement
              .closest('tr')
              ?.getAttribute('data-index') ?? null,
        ),
      ).toBe('0'),
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await drawer().waitFor();
    expect(
      await drawer()
        .getByText(`Event 2 of ${all.length.toLocaleString('en-US')}`)
        .count(),
    ).toBe(1);
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
  });

  it('shows one event in full in a drawer, grouped as an investigator reads it', async () => {
    const n = emulator.caseNumbers('OPEN')[1];
    if (n === undefined) throw new Error('no open case');
    const ids = emulator.eventIdsOnCase(n);
    await openCase(e2e, n);
    await rows().first().waitFor();

    await rows().first().getByRole('button').click();
    await drawer().waitFor();
    const client = e2e.harness.session.client();
    const detail = await client.getFileEventDetail(n, ids[0]!);
    const group = (id: string) => drawer().locator(`section[data-group="${id}"]`);
    await group('file').waitFor();

    const titles = await drawer().locator('section[data-group] h3').allTextContents();
    expect(titles.slice(0, 2)).toEqual(['What happened', detail.user.email ? 'Who' : 'What file']);
    expect(titles).toContain('What file');
    expect(titles).toContain('From where');
    expect(titles).toContain('To where');
    expect(titles).toContain('Risk');
    const text = async (id: string) => (await group(id).textContent()) ?? '';
    const value = async (id: string, label: string) =>
      (
        await group(id)
          .locator('.row')
          .filter({ has: page.locator('dt', { hasText: label }) })
          .first()
          .locator('dd')
          .textContent()
      )?.trim();
    expect(await text('event')).toContain(detail.event.id);
    expect(await text('file')).toContain(detail.file.name ?? '');
    if (detail.file.hash?.sha256) expect(await text('file')).toContain(detail.file.hash.sha256);
    expect(await value('risk', 'Score')).toBe(String(detail.risk.score));
    for (const indicator of detail.risk.indicators ?? []) {
      expect(await text('risk')).toContain(`${indicator.name} (weight ${indicator.weight})`);
    }
    const destination = detail.destination as { category?: string | null };
    if (destination.category) expect(await text('destination')).toContain(destination.category);
    // Empty groups are left out; values are text only: no link, image or markup from the event.
    const emptyGit = !(detail.git as { repositoryUri?: string | null }).repositoryUri;
    if (emptyGit) expect(await group('git').count()).toBe(0);
    expect(await drawer().locator('a, img, iframe').count()).toBe(0);
    expect(await drawer().getByText(`Event 1 of ${ids.length}`).count()).toBe(1);
    await e2e.screenshot('case-event-drawer');

    // Next and Previous walk the table's order.
    await drawer().getByRole('button', { name: 'Next →' }).click();
    await drawer().getByText(`Event 2 of ${ids.length}`).waitFor();
    const second = await client.getFileEventDetail(n, ids[1]!);
    await eventually(async () => expect(await text('event')).toContain(second.event.id));
    await drawer().getByRole('button', { name: '← Previous' }).click();
    await drawer().getByText(`Event 1 of ${ids.length}`).waitFor();
    await drawer().getByRole('button', { name: 'Close event details' }).click();
    await drawer().waitFor({ state: 'hidden' });
    // Focus returns to the row it came from.
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { className: string } } }).document
            .activeElement.className,
      ),
    ).toContain('open');
  });

  it('removes an event only after a confirmation, and the server agrees', async () => {
    const n = emulator.caseNumbers('OPEN')[2];
    if (n === undefined) throw new Error('no open case');
    const ids = emulator.eventIdsOnCase(n);
    await openCase(e2e, n);
    await rows().first().waitFor();
    const target = ids[1]!;

    await page.locator(`tr[data-event="${target}"]`).getByRole('button').click();
    await drawer().waitFor();
    await drawer().getByRole('button', { name: 'Remove from case…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this event from the case?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(target);
    await e2e.screenshot('case-event-remove-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(emulator.eventIdsOnCase(n)).toContain(target);

    await drawer().getByRole('button', { name: 'Remove from case…' }).click();
    await confirm.getByRole('button', { name: 'Remove event' }).click();
    await drawer().waitFor({ state: 'hidden' });
    await page.locator(`tr[data-event="${target}"]`).waitFor({ state: 'detached' });
    expect(emulator.eventIdsOnCase(n)).not.toContain(target);
    expect(emulator.eventIdsOnCase(n)).toHaveLength(ids.length - 1);
    expect(await page.locator('#events-heading .count').textContent()).toBe(String(ids.length - 1));
  });

  it('offers no removal on a closed case, and says why', async () => {
    const n = emulator.caseNumbers('CLOSED').find((c) => emulator.eventIdsOnCase(c).length > 0);
    if (n === undefined) throw new Error('no closed case with events');
    await openCase(e2e, n);
    await rows().first().getByRole('button').click();
    await drawer().waitFor();
    await drawer().locator('section[data-group="file"]').waitFor();
    expect(await drawer().getByRole('button', { name: 'Remove from case…' }).count()).toBe(0);
    expect(await drawer().locator('footer').textContent()).toContain('This case is closed');
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
  });
});
