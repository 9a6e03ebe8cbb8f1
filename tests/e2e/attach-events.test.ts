// Attaching file events in Chromium against the demo workspace: a CSV of 500 IDs dropped on the case
// (new IDs, repeats, IDs already on the case, unknown IDs, malformed entries) shows a preview with each
// number, then attaches with progress and a per-ID result list that can be filtered. Pasting works the
// same way; a closed case refuses before sending; a file dropped anywhere else does nothing.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messageFor } from '../../src-shared/domain/problems.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import { callsTo, dropFile, openCase, useDemoCasePage } from './case-page.js';
import type { E2E } from './fixture.js';
import { eventually } from './ui.js';

let e2e: E2E;
let page: Page;
let emulator: RunningEmulator;

useDemoCasePage((demo) => ({ e2e, page, emulator } = demo));

const caseSection = () => page.locator('section.case-detail');
const previewNumber = async (id: string) => (await page.getByTestId(`preview-${id}`).textContent())?.trim();
const resultCount = async (status: string) =>
  (await page.locator(`[data-filter="${status}"] .n`).textContent())?.trim();

/** Unknown but well-formed event IDs (the server answers "not found"). */
function unknownIds(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `0_00000000-0000-4000-8000-00000000000${i}_111111111111111111_222222222222222222_${i}`,
  );
}

describe('attaching events by dropping a file', () => {
  it('previews a dropped CSV of 500 IDs, attaches with progress and lists a result per ID', async () => {
    const n = emulator.caseNumbers('OPEN').find((c) => emulator.eventIdsOnCase(c).length >= 20);
    if (n === undefined) throw new Error('no open case with 20 events');
    const onCase = emulator.eventIdsOnCase(n);
    const fresh = emulator.unattachedEventIds(440);
    const already = onCase.slice(0, 20);
    const unknown = unknownIds(5);
    const repeats = fresh.slice(0, 25);
    const malformed = [
      'not an id!',
      'a/b/c',
      '../../etc/passwd',
      'x'.repeat(300),
      'spaces in it',
      'semi;colon',
    ];
    // 500 rows: 440 new + 20 already attached + 5 unknown + 25 repeats + 10 malformed.
    const malformedRows = [...malformed, 'tab\there', '"quoted, with comma"', '<b>', 'é-accent'];
    const rows = [...fresh, ...already, ...unknown, ...repeats, ...malformedRows];
    expect(rows).toHaveLength(500);
    const csvCell = (v: string) => (/[",\n]/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const csv = [
      'eventId,fileName,riskScore',
      ...rows.map((id, i) => `${csvCell(id)},file-${i}.txt,${i % 10}`),
    ].join('\r\n');

    await openCase(e2e, n);
    await page.locator('table.events tbody tr[data-event]').first().waitFor();
    const addsBefore = callsTo(e2e, 'events.add');

    const dropped = await dropFile(caseSection(), {
      name: 'forensic-search.csv',
      type: 'text/csv',
      content: csv,
    });
    expect(dropped).toEqual({ dragoverCancelled: true, dropCancelled: true });
    await page.getByTestId('attach-preview').waitFor();
    expect(await page.getByTestId('attach-preview').locator('.read-from').textContent()).toContain(
      'forensic-search.csv',
    );
    expect(await previewNumber('total')).toBe('500');
    expect(await previewNumber('distinct')).toBe('465');
    expect(await previewNumber('duplicates')).toBe('25');
    expect(await previewNumber('malformed')).toBe('10');
    expect(await previewNumber('already')).toBe('20');
    expect(await previewNumber('over-cap')).toBe('0');
    expect(await previewNumber('to-attach')).toBe('445');
    const listed = await page.getByTestId('preview-malformed-list').locator('li').allTextContents();
    expect(listed).toHaveLength(5);
    expect(listed[0]).toContain('not an id!');
    expect(listed[0]).toMatch(/line 492/u); // header + 490 rows before it
    expect(callsTo(e2e, 'events.add')).toBe(addsBefore); // nothing sent yet
    await e2e.screenshot('attach-preview');

    await page.getByRole('button', { name: 'Attach 445 events' }).click();
    await page.getByTestId('attach-results').waitFor();
    expect(callsTo(e2e, 'events.add') - addsBefore).toBe(1);
    expect(await resultCount('attached')).toBe('440');
    expect(await resultCount('already-attached')).toBe('20');
    expect(await resultCount('not-found')).toBe('5');
    expect(await resultCount('failed')).toBe('0');
    expect(await page.getByTestId('attach-results').getByRole('status').textContent()).toBe(
      'Attached: 440, Already attached: 20, Not found: 5',
    );
    await e2e.screenshot('attach-results');

    // Filter: only the IDs the server did not know.
    await page.locator('[data-filter="not-found"]').click();
    const shown = page.locator('[data-testid="attach-results"] li[data-result]');
    await eventually(async () => expect(await shown.count()).toBe(5));
    expect(await shown.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')))).toEqual(unknown);
    expect(await shown.first().textContent()).toContain(messageFor('EVENT_NOT_FOUND'));
    await page.locator('[data-filter="already-attached"]').click();
    await eventually(async () => expect(await shown.count()).toBe(20));
    await e2e.screenshot('attach-results-filtered');

    // The server has every new ID; the table reads the case again.
    const nowOnCase = new Set(emulator.eventIdsOnCase(n));
    expect(fresh.every((id) => nowOnCase.has(id))).toBe(true);
    expect(nowOnCase.size).toBe(onCase.length + 440);
    await eventually(async () =>
      expect(await page.locator('#events-heading .count').textContent()).toBe(String(onCase.length + 440)),
    );
  });

  it('shows progress while a large attach runs', async () => {
    const n = emulator.caseNumbers('OPEN')[3];
    if (n === undefined) throw new Error('no open case');
    // An unknown ID in the first batch makes main sort that batch out ID by ID: long enough to watch.
    const ids = [...unknownIds(1), ...emulator.unattachedEventIds(2000).slice(1701)];
    await openCase(e2e, n);
    await page.getByLabel('Event IDs').fill(ids.join('\n'));
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    expect(await previewNumber('to-attach')).toBe('300');
    await page.getByRole('button', { name: 'Attach 300 events' }).click();
    const progress = page.getByTestId('attach-progress');
    await progress.waitFor();
    await eventually(async () => {
      const value = Number(await progress.locator('progress').getAttribute('value'));
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(300);
    });
    expect(await progress.textContent()).toMatch(/Attaching… \d+ of 300/u);
    await e2e.screenshot('attach-progress');
    await page.getByTestId('attach-results').waitFor({ timeout: 60_000 });
    expect(await resultCount('attached')).toBe('299');
    expect(await resultCount('not-found')).toBe('1');
  });
});

describe('attaching events by pasting', () => {
  it('reads pasted IDs with the same preview', async () => {
    const n = emulator.caseNumbers('OPEN')[4];
    if (n === undefined) throw new Error('no open case');
    const [a, b] = emulator.unattachedEventIds(3000).slice(2900);
    const onCase = emulator.eventIdsOnCase(n)[0]!;
    await openCase(e2e, n);
    await page.getByLabel('Event IDs').fill(`${a}, ${b}; ${a}\n${onCase} not/an/id`);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    expect(await page.getByTestId('attach-preview').locator('.read-from').textContent()).toContain(
      'the pasted text',
    );
    expect(await previewNumber('distinct')).toBe('3');
    expect(await previewNumber('duplicates')).toBe('1');
    expect(await previewNumber('already')).toBe('1');
    expect(await previewNumber('malformed')).toBe('1');
    // Back keeps the pasted text.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    expect(await page.getByLabel('Event IDs').inputValue()).toContain(a!);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('button', { name: 'Attach 2 events' }).click();
    await page.getByTestId('attach-results').waitFor();
    expect(await resultCount('attached')).toBe('2');
    expect(emulator.eventIdsOnCase(n)).toEqual(expect.arrayContaining([a, b]));
  });

  it('says plainly what is wrong with a file that holds no IDs', async () => {
    const n = emulator.caseNumbers('OPEN')[5];
    if (n === undefined) throw new Error('no open case');
    await openCase(e2e, n);
    await dropFile(caseSection(), {
      name: 'export.csv',
      type: 'text/csv',
      content: 'fileName,filePath,riskScore\nreport.pdf,/tmp/,3\n',
    });
    const preview = page.getByTestId('attach-preview');
    await preview.waitFor();
    expect(await preview.getByRole('alert').textContent()).toMatch(/eventId/u);
    expect(await page.getByRole('button', { name: /^Attach \d/u }).count()).toBe(0);
  });
});

describe('where attaching is refused or ignored', () => {
  it('a closed case refuses with a plain sentence, before anything is sent', async () => {
    const n = emulator.caseNumbers('CLOSED')[0];
    if (n === undefined) throw new Error('no closed case');
    await openCase(e2e, n);
    const refusal = page.getByTestId('attach-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(messageFor('CASE_IS_CLOSED'));
    expect(await page.getByLabel('Event IDs').count()).toBe(0);

    const addsBefore = callsTo(e2e, 'events.add');
    const ids = emulator.unattachedEventIds(3).join('\n');
    await dropFile(caseSection(), { name: 'ids.txt', type: 'text/plain', content: ids });
    await page.waitForTimeout(300);
    expect(await page.getByTestId('attach-preview').count()).toBe(0);
    expect(callsTo(e2e, 'events.add')).toBe(addsBefore);
    await e2e.screenshot('attach-closed-case');
  });

  it('a file dropped anywhere else never navigates the window', async () => {
    const start = page.url();
    // On the list screen: no drop zone at all.
    const listDrop = await dropFile(page.locator('#cases-heading'), {
      name: 'ids.txt',
      type: 'text/plain',
      content: emulator.unattachedEventIds(1)[0]!,
    });
    expect(listDrop).toEqual({ dragoverCancelled: true, dropCancelled: true });
    // On a case, but outside its drop zone (the top bar).
    const n = emulator.caseNumbers('OPEN')[6];
    if (n === undefined) throw new Error('no open case');
    await openCase(e2e, n);
    const topDrop = await dropFile(page.locator('header.topbar'), {
      name: 'ids.txt',
      type: 'text/plain',
      content: emulator.unattachedEventIds(1)[0]!,
    });
    expect(topDrop).toEqual({ dragoverCancelled: true, dropCancelled: true });
    await page.waitForTimeout(300);
    expect(await page.getByTestId('attach-preview').count()).toBe(0);
    expect(page.url()).toBe(start);
    expect(e2e.requests.filter((url) => !url.startsWith(e2e.harness.url))).toEqual([]);
  });
});
