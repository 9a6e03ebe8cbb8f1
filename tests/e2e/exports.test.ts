/**
 * Exports in the browser against the demo workspace (issue 6): a bulk export from the selection into
 * a folder chosen in the (test) native picker and remembered for the next one, the tray following
 * it to the end, a failed item retried, single downloads from the case page and the events drawer
 * with Show in folder / Open recorded by the test platform, a job cancelled mid-run with nothing
 * partial left, and the offline library verifying files (one altered, one deleted) while the
 * emulator refuses every request. Screenshots go to test-output/screenshots/exports-*.png.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOADABLE_AVAILABILITIES } from '../../src-shared/domain/file-event.js';
import { createTestPlatform } from '../harness/index.js';
import { backToList, demoEmulator, openCase } from './case-page.js';
import { startE2E } from './fixture.js';
import type { E2E } from './fixture.js';
import { eventually, openDemoWorkspace, shownCaseNumbers, waitForAllLoaded } from './ui.js';

let e2e: E2E;
let page: Page;
const platform = createTestPlatform();
const root = mkdtempSync(join(tmpdir(), 'case-desk-e2e-exports-'));
const folders = { bulk: join(root, 'bulk'), cancel: join(root, 'cancel'), single: join(root, 'single') };

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function tray(): Locator {
  return page.locator('#export-tray');
}

async function openTray(): Promise<void> {
  if (!(await tray().isVisible())) await page.getByRole('button', { name: /^Exports/ }).click();
  await tray().waitFor();
}

/** The newest job card in the tray. */
function newestJob(): Locator {
  return tray().locator('[data-testid="export-job"]').first();
}

async function selectCases(numbers: number[]): Promise<void> {
  for (const n of numbers) {
    await page.getByRole('checkbox', { name: `Select case ${n}`, exact: true }).check();
  }
}

/** Opens the export dialog, sets it up and starts the export. */
async function exportFromList(options: {
  scope: 'selected' | 'matching';
  kind: 'Full ZIP' | 'Summary PDF' | 'File events CSV';
  concurrency?: number;
  changeFolder?: boolean;
}): Promise<void> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export cases' });
  await dialog.waitFor();
  await dialog
    .getByRole('radio', { name: options.scope === 'selected' ? /selected$/ : /matching the current filters/ })
    .check();
  await dialog.getByRole('radio', { name: options.kind }).check();
  if (options.concurrency) await dialog.getByLabel('At once').selectOption(String(options.concurrency));
  if (options.changeFolder) {
    await dialog.getByRole('button', { name: /^(Change…|Choose folder…)$/ }).click();
    await eventually(async () =>
      expect(await dialog.getByTestId('chosen-folder').textContent()).toBe(platform.folder),
    );
  }
  await dialog.getByRole('button', { name: /^Export (all )?[\d,]+ (case|cases)/ }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
}

beforeAll(async () => {
  // No client retries: one queued server error fails exactly one request (the item retries itself).
  e2e = await startE2E({ platform, session: { client: { retry: { limit: 0 } } } });
  page = e2e.page;
  await page.goto(e2e.harness.url);
  await openDemoWorkspace(page);
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('bulk export from the list', () => {
  it('exports the selected cases into the chosen folder, with a manifest, followed in the tray', async () => {
    const numbers = (await shownCaseNumbers(page)).slice(0, 3);
    await selectCases(numbers);
    platform.folder = folders.bulk;
    mkdirSync(folders.bulk, { recursive: true });
    await exportFromList({ scope: 'selected', kind: 'Summary PDF', changeFolder: true });

    await openTray();
    await eventually(async () => expect(await newestJob().getAttribute('data-state')).toBe('finished'));
    expect(await newestJob().getByTestId('job-counts').textContent()).toMatch(/3 of 3 ended:\s+3 done/);
    await expect(
      newestJob()
        .getByText(/Manifest: .*case-desk-manifest\.json/)
        .isVisible(),
    ).resolves.toBe(true);
    const files = readdirSync(folders.bulk).sort();
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    expect(files).toContain('case-desk-manifest.json');
    expect(files).toContain('case-desk-manifest.csv');
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    // The per-case states on expand.
    await newestJob().getByRole('button', { name: 'Show cases' }).click();
    for (const n of numbers) {
      expect(await newestJob().locator(`tr[data-case="${n}"]`).getAttribute('data-state')).toBe('done');
    }
    await e2e.screenshot('exports-tray-done');
    // The taskbar showed the job and was cleared at the end.
    expect(platform.progressValues.at(-1)).toBeNull();
    expect(platform.progressValues.some((v) => v !== null)).toBe(true);
  });

  it('offers the folder chosen last with this profile, without asking again', async () => {
    const before = platform.folderRequests.length;
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export cases' });
    await eventually(async () =>
      expect(await dialog.getByTestId('chosen-folder').textContent()).toBe(folders.bulk),
    );
    expect(platform.folderRequests.length).toBe(before);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows a failed item, and "Retry failed" saves it', async () => {
    await page.getByRole('button', { name: 'Clear selection' }).click();
    const [number] = (await shownCaseNumbers(page)).slice(5, 6);
    await selectCases([number!]);
    // Every attempt of the item (three) meets a server error.
    demoEmulator(e2e).queueFaults('server-error', 'server-error', 'server-error');
    await exportFromList({ scope: 'selected', kind: 'File events CSV', concurrency: 1 });
    const job = newestJob();
    await eventually(async () => expect(await job.getAttribute('data-state')).toBe('finished'), 20_000);
    expect(await job.getByTestId('job-counts').textContent()).toMatch(/1 failed/);
    await job.getByRole('button', { name: 'Show cases' }).click();
    expect(await job.locator(`tr[data-case="${number}"]`).getAttribute('data-state')).toBe('failed');
    await e2e.screenshot('exports-tray-failed');

    await job.getByRole('button', { name: 'Retry failed (1)' }).click();
    await eventually(async () => {
      expect(await job.getAttribute('data-state')).toBe('finished');
      expect(await job.locator(`tr[data-case="${number}"]`).getAttribute('data-state')).toBe('done');
    }, 20_000);
    expect(
      readdirSync(folders.bulk).filter((f) => f.endsWith('.csv') && !f.startsWith('case-desk')),
    ).toHaveLength(1);
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });
});

describe('single downloads', () => {
  it('saves the ZIP (chosen parts), PDF and CSV from the case page; Show in folder and Open', async () => {
    const emulator = demoEmulator(e2e);
    const client = e2e.harness.session.client();
    // A case with a captured source file to download from the drawer too.
    let target: { number: number; eventId: string; fileName: string | null } | null = null;
    for (const number of emulator.caseNumbers('OPEN')) {
      const { events } = await client.getFileEvents(number, { pgSize: 100 });
      const event = events.find((e) => DOWNLOADABLE_AVAILABILITIES.includes(e.fileAvailability));
      if (event) {
        target = { number, eventId: event.eventId, fileName: event.fileName };
        break;
      }
    }
    expect(target).not.toBeNull();
    const { number, eventId } = target!;
    platform.folder = folders.single;
    mkdirSync(folders.single, { recursive: true });
    await openCase(e2e, number);

    const download = async (kind: string, change: boolean, parts?: () => Promise<void>): Promise<void> => {
      await page.getByRole('button', { name: 'Download…' }).click();
      const dialog = page.getByRole('dialog', { name: `Download case ${number}` });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: kind }).check();
      if (parts) await parts();
      if (change) await dialog.getByRole('button', { name: /^(Change…|Choose folder…)$/ }).click();
      await eventually(async () =>
        expect(await dialog.getByTestId('chosen-folder').textContent()).toBe(folders.single),
      );
      await dialog.getByRole('button', { name: 'Download', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () =>
        expect(await tray().locator('[data-testid="download"]').first().getAttribute('data-state')).toBe(
          'done',
        ),
      );
    };

    await download('Full ZIP', true, async () => {
      await page.getByRole('checkbox', { name: 'Captured source files' }).uncheck();
    });
    await download('Summary PDF', false);
    await download('File events CSV', false);
    const saved = readdirSync(folders.single);
    expect(saved.filter((f) => f.endsWith('.zip'))).toHaveLength(1);
    expect(saved.filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    expect(saved.filter((f) => f.endsWith('.csv'))).toHaveLength(1);
    // The newest (CSV) download: Show in folder and Open go to the OS with main's own path.
    const row = tray().locator('[data-testid="download"]').first();
    await row.getByRole('button', { name: 'Show in folder' }).click();
    await row.getByRole('button', { name: 'Open' }).click();
    const csv = join(
      folders.single,
      saved.find((f) => f.endsWith('.csv'))!,
    );
    await eventually(() => {
      expect(platform.shownInFolder).toContain(csv);
      expect(platform.openedPaths).toContain(csv);
    });
    await e2e.screenshot('exports-single-downloads');

    // One event's captured source file, from the drawer.
    await page.locator(`table.events tr[data-event="${eventId}"] button.open`).click();
    const drawer = page.getByTestId('event-drawer');
    await drawer.getByRole('button', { name: 'Download source file' }).click();
    await eventually(async () =>
      expect(await drawer.locator('[data-testid="download"]').getAttribute('data-state')).toBe('done'),
    );
    await drawer.getByRole('button', { name: 'Show in folder' }).click();
    await eventually(() => expect(platform.shownInFolder).toHaveLength(2));
    // Captured files are never opened from the app.
    expect(await drawer.getByRole('button', { name: 'Open', exact: true }).count()).toBe(0);
    expect(readdirSync(folders.single)).toHaveLength(4);
    await e2e.screenshot('exports-source-download');
    await drawer.getByRole('button', { name: 'Close event details' }).click();
    await backToList(page);
  });
});

describe('cancelling a job', () => {
  it('stops the job and leaves no partial file', async () => {
    platform.folder = folders.cancel;
    mkdirSync(folders.cancel, { recursive: true });
    // Slow answers keep the job running long enough to cancel it (the list's own loading is done).
    await waitForAllLoaded(page, 240);
    demoEmulator(e2e).queueFaults(...Array.from({ length: 100 }, () => 'latency' as const));
    await exportFromList({ scope: 'matching', kind: 'Full ZIP', concurrency: 1, changeFolder: true });
    await openTray();
    const job = newestJob();
    await eventually(async () => expect(await job.getAttribute('data-state')).toBe('running'));
    expect(await job.getAttribute('aria-label')).toBe('ZIP export of 240 cases');
    expect(await page.getByTestId('tray-badge').textContent()).toMatch(/^1/);
    await e2e.screenshot('exports-tray-running');
    await job.getByRole('button', { name: 'Cancel' }).click();
    await eventually(async () => expect(await job.getAttribute('data-state')).toBe('cancelled'), 20_000);
    expect(await job.getByTestId('job-counts').textContent()).toMatch(/cancelled/);
    expect(readdirSync(folders.cancel).filter((f) => f.startsWith('.') || f.endsWith('.part'))).toEqual([]);

    // Its 240 cases, 100 at a time (the tray's events carry only totals; the pages are asked for).
    await job.getByRole('button', { name: 'Show cases' }).click();
    const rows = job.locator('tbody tr');
    const pager = async (range: string, count: number): Promise<void> =>
      eventually(async () => {
        expect(await job.getByText(/^Cases [\d,]+–[\d,]+ of 240$/).textContent()).toBe(range);
        expect(await rows.count()).toBe(count);
      });
    await pager('Cases 1–100 of 240', 100);
    expect(await job.getByRole('button', { name: 'Previous 100 cases' }).isDisabled()).toBe(true);
    const first = Number(await rows.first().getAttribute('data-case'));
    await job.getByRole('button', { name: 'Next 100 cases' }).click();
    await pager('Cases 101–200 of 240', 100);
    await job.getByRole('button', { name: 'Next 100 cases' }).click();
    await pager('Cases 201–240 of 240', 40);
    expect(await job.getByRole('button', { name: 'Next 100 cases' }).isDisabled()).toBe(true);
    // The last page holds cases that never ran.
    expect(await rows.last().getAttribute('data-state')).toBe('cancelled');
    await e2e.screenshot('exports-job-pages');
    await job.getByRole('button', { name: 'Previous 100 cases' }).click();
    await job.getByRole('button', { name: 'Previous 100 cases' }).click();
    await pager('Cases 1–100 of 240', 100);
    expect(Number(await rows.first().getAttribute('data-case'))).toBe(first);
    await job.getByRole('button', { name: 'Hide cases' }).click();
  });
});

describe('the offline library', () => {
  it('lists and verifies with the emulator refusing everything; flags altered and missing files', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('heading', { name: 'Export library' }).waitFor();
    // Every file saved above (3 + 1 bulk, 4 single, whatever the cancelled job saved).
    await eventually(async () =>
      expect(await page.locator('table.entries tbody tr').count()).toBeGreaterThanOrEqual(8),
    );

    // From now on the "network" fails every request.
    demoEmulator(e2e).setFaultRate(1);
    const pdfs = readdirSync(folders.bulk).filter((f) => f.endsWith('.pdf'));
    const altered = join(folders.bulk, pdfs[0]!);
    const missing = join(folders.bulk, pdfs[1]!);
    const before = sha256(altered);
    appendFileSync(altered, 'changed');
    expect(sha256(altered)).not.toBe(before);
    rmSync(missing);

    await page.getByRole('button', { name: 'Verify all' }).click();
    await eventually(async () =>
      expect(await page.getByTestId('library-notice').textContent()).toMatch(
        /2 of \d+ files missing or altered/,
      ),
    );
    const status = (file: string) =>
      page.locator(`table.entries tr[data-file="${file}"] [data-testid="check-status"]`).textContent();
    expect((await status(pdfs[0]!))?.trim()).toBe('Altered');
    expect((await status(pdfs[1]!))?.trim()).toBe('Missing');
    expect((await status(pdfs[2]!))?.trim()).toBe('OK');
    await e2e.screenshot('exports-library-verified');

    // One entry at a time, and Show in folder / Open from the library.
    const okRow = page.locator(`table.entries tr[data-file="${pdfs[2]}"]`);
    await okRow.getByRole('button', { name: `Verify ${pdfs[2]}` }).click();
    await eventually(async () =>
      expect(await page.getByTestId('library-notice').textContent()).toBe('The file is as saved.'),
    );
    platform.reset();
    await okRow.getByRole('button', { name: `Show ${pdfs[2]} in folder` }).click();
    await okRow.getByRole('button', { name: `Open ${pdfs[2]}` }).click();
    await eventually(() => {
      expect(platform.shownInFolder).toEqual([join(folders.bulk, pdfs[2]!)]);
      expect(platform.openedPaths).toEqual([join(folders.bulk, pdfs[2]!)]);
    });
    demoEmulator(e2e).setFaultRate(0);
  });
});
