// The connect screen against a real emulator standing in for a tenant: a wrong secret shows the plain
// sentence for AUTH_FAILED, a bad URL never leaves the page, the right credentials open the tenant.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageFor } from '../../src-shared/domain/problems.js';
import { startEmulator } from '../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { countCalls, eventually, shownCaseNumbers } from './ui.js';

let e2e: E2E;
let page: Page;
let tenant: RunningEmulator;

beforeAll(async () => {
  tenant = await startEmulator({ cases: 7, seed: 7 });
  e2e = await startE2E({ session: { client: { retry: { limit: 0 }, timeoutMs: 10_000 } } });
  page = e2e.page;
  await page.goto(e2e.harness.url);
  await page.getByRole('heading', { name: 'Case Desk' }).waitFor();
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
  await tenant?.close();
});

async function fillForm(url: string, clientId: string, secret: string): Promise<void> {
  await page.getByLabel('Region').selectOption({ label: 'Custom URL…' });
  await page.getByLabel('API URL').fill(url);
  await page.getByLabel('API client ID').fill(clientId);
  await page.getByLabel('API client secret').fill(secret);
}

describe('connect to a tenant for this session', () => {
  it('checks the form before asking main', async () => {
    const before = countCalls(e2e.harness.calls, 'session.connect');
    await fillForm('ftp://example.com', 'key-1', 'secret');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText('The API address must start with https://.').waitFor();
    await page.getByLabel('API URL').fill(tenant.url);
    await page.getByLabel('API client secret').fill('');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText('Enter the API client secret.').waitFor();
    expect(countCalls(e2e.harness.calls, 'session.connect')).toBe(before);
  });

  it('shows the plain sentence when main refuses the URL', async () => {
    await fillForm('http://example.com', 'key-1', 'secret');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not connect' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('must start with https://');
    expect(await alert.textContent()).toContain('VALIDATION');
  });

  it('shows the plain sentence for a wrong secret, and stays on the connect screen', async () => {
    await fillForm(tenant.url, tenant.clientId, 'not-the-secret');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText(messageFor('AUTH_FAILED')).waitFor();
    expect(await page.getByRole('button', { name: 'Open demo workspace' }).isVisible()).toBe(true);
    await e2e.screenshot('connect-error');
  });

  it('connects with the right secret and lists that tenant’s cases', async () => {
    await fillForm(tenant.url, tenant.clientId, tenant.clientSecret);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.locator('table.cases tbody tr').first().waitFor();
    const expected = tenant
      .caseNumbers()
      .sort((a, b) => b - a)
      .slice(0, 25);
    await eventually(async () => expect(await shownCaseNumbers(page)).toEqual(expected));
    expect(await page.getByTestId('case-total').textContent()).toBe('7 cases');
    expect(await page.locator('.topbar .workspace').textContent()).toContain(new URL(tenant.url).host);
    // The secret never comes back to the page.
    const info = await page.evaluate(() =>
      (
        globalThis as unknown as { caseDesk: { session: { get(input: object): Promise<unknown> } } }
      ).caseDesk.session.get({}),
    );
    expect(JSON.stringify(info)).not.toContain(tenant.clientSecret);
  });

  it('disconnects back to the connect screen', async () => {
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
    expect(e2e.harness.session.info().connected).toBe(false);
  });
});
