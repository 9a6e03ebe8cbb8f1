// The first screen (the profiles page while nothing is open) against a real emulator standing in for a
// tenant: the form catches obvious mistakes before asking main, main's refusals show their plain
// sentence (a plain-http URL, a wrong secret), and the right credentials save the profile and open it.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

async function fillForm(name: string, url: string, clientId: string, secret: string): Promise<void> {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('Region').selectOption({ label: 'Custom URL…' });
  await page.getByLabel('API URL').fill(url);
  await page.getByLabel('API client ID').fill(clientId);
  await page.getByLabel('API client secret').fill(secret);
}

const submit = (): Promise<void> => page.getByRole('button', { name: 'Save and connect' }).click();

describe('the first screen', () => {
  it('lists the demo workspace and offers a first profile, with the secret in a password field', async () => {
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
    expect(await page.getByTestId('current-profile').textContent()).toContain('Not connected');
    expect(await page.getByLabel('API client secret').getAttribute('type')).toBe('password');
    const regions = await page.getByLabel('Region').locator('option').allTextContents();
    expect(regions).toHaveLength(11); // the ten regions of incydr-api.md §1.1 and "Custom URL…"
    expect(regions).toContain('Germany — api.de.code42.com');
  });

  it('checks the form before asking main', async () => {
    const before = countCalls(e2e.harness.calls, 'profiles.add');
    await fillForm('Lab', 'ftp://example.com', 'key-1', 'secret');
    await submit();
    await page.getByText('The API address must start with https://.').waitFor();
    await page.getByLabel('API URL').fill(tenant.url);
    await page.getByLabel('API client secret').fill('');
    await submit();
    await page.getByText('Enter the API client secret.').waitFor();
    await page.getByLabel('Profile name').fill(' ');
    await page.getByLabel('API client secret').fill('secret');
    await submit();
    await page.getByText('Give the profile a name').waitFor();
    expect(countCalls(e2e.harness.calls, 'profiles.add')).toBe(before);
  });

  it('shows the plain sentence when main refuses the URL', async () => {
    await fillForm('Lab', 'http://example.com', 'key-1', 'secret');
    await submit();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not connect' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('must start with https://');
    expect(await alert.textContent()).toContain('VALIDATION');
  });

  it('shows the plain sentence for a wrong secret, saves nothing, and stays here', async () => {
    await fillForm('Lab', tenant.url, tenant.clientId, 'not-the-secret');
    await submit();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not connect' });
    await alert.getByText('refused the API client ID or secret').waitFor();
    expect(await alert.textContent()).toContain(`127.0.0.1:${tenant.port}`);
    expect(await page.getByRole('button', { name: 'Open demo workspace' }).isVisible()).toBe(true);
    expect((await e2e.harness.context.profiles.list()).map((p) => p.label)).toEqual(['Demo workspace']);
    await e2e.screenshot('connect-error');
  });

  it('saves the profile with the right secret, opens it and lists that tenant’s cases', async () => {
    await fillForm('Lab', tenant.url, tenant.clientId, tenant.clientSecret);
    await submit();
    await page.locator('.cases [data-case]').first().waitFor();
    const expected = tenant.caseNumbers().sort((a, b) => b - a);
    await eventually(async () => expect(await shownCaseNumbers(page)).toEqual(expected));
    expect(await page.getByTestId('case-total').textContent()).toBe('7 cases');
    expect(await page.getByTestId('current-profile-label').textContent()).toBe('Lab');
    expect(await page.getByTestId('current-profile-region').textContent()).toContain(
      `Custom URL: 127.0.0.1:${tenant.port}`,
    );
    // The secret never comes back to the page.
    const answers = await page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          caseDesk: {
            session: { get(input: object): Promise<unknown> };
            profiles: { list(input: object): Promise<unknown> };
          };
        }
      ).caseDesk;
      return JSON.stringify([await api.session.get({}), await api.profiles.list({})]);
    });
    expect(answers).toContain(tenant.clientId);
    expect(answers).not.toContain(tenant.clientSecret);
    expect(await page.content()).not.toContain(tenant.clientSecret);
  });

  it('disconnects back to the first screen, where the profile is listed', async () => {
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
    await page.getByRole('button', { name: 'Open Lab' }).waitFor();
    expect(e2e.harness.session.info().connected).toBe(false);
  });
});
