// Profiles in the browser, against the real handlers: a second emulated tenant (its own seed and case
// count, so its cases differ from the demo's) is added as a profile from the header, and switching
// between it and the demo workspace shows none of the previous profile's cases; the header always
// names the open profile and its region; editing never shows the secret; removing says it removes the
// keychain entry. Then, without a keychain: the plain sentence and the session-only path.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SENTENCES } from '../../src-main/core/credentials/keychain-reasons.js';
import { ProfileService } from '../../src-main/core/credentials/profile-service.js';
import { FileProfileStore } from '../../src-main/core/credentials/profile-store.js';
import { SessionSecretStore } from '../../src-main/core/credentials/secret-store.js';
import { startEmulator } from '../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../src-main/emulator/server.js';
import { filesContaining } from '../integration/credentials/helpers.js';
import { tempFolder } from '../integration/handlers/helpers.js';
import { UnavailableKeychain } from '../harness/unavailable-keychain.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { eventually, openDemoWorkspace, shownCaseNumbers } from './ui.js';

const SECOND = { clientId: 'key-second-tenant', clientSecret: 'Sec0nd-tenant-secret-b81f3d' };

let tenant: RunningEmulator;
let e2e: E2E;
let page: Page;

beforeAll(async () => {
  tenant = await startEmulator({ cases: 11, seed: 909, ...SECOND });
});

afterAll(async () => {
  await tenant?.close();
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

/** Case names of a tenant (the emulator's own view, not the page's). */
function namesOf(emu: RunningEmulator): string[] {
  return emu.caseNumbers().map((n) => emu.getCase(n)?.name ?? '');
}

async function headerLabel(): Promise<string | null> {
  return page.getByTestId('current-profile-label').textContent();
}

async function headerRegion(): Promise<string> {
  return ((await page.getByTestId('current-profile-region').textContent()) ?? '').trim();
}

/**
 * Names of `these` that cannot show up in a page of `others`: not one of them, nor part of one (the
 * seeded names share stems, e.g. "Data room access anomaly" and "Data room access anomaly — x").
 */
function onlyIn(these: string[], others: string[]): string[] {
  return these.filter((name) => !others.some((other) => other.includes(name)));
}

/** The text a person can read on the page now (hidden elements excluded). */
function visibleText(): Promise<string> {
  return page.evaluate(
    () => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText,
  );
}

/** Waits until the list shows exactly this tenant's cases (all of them fit in the first rows). */
async function expectTenantCases(emu: RunningEmulator): Promise<void> {
  const expected = emu.caseNumbers().sort((a, b) => b - a);
  await eventually(async () => {
    expect(await shownCaseNumbers(page)).toEqual(expected);
    expect(await page.getByTestId('case-total').textContent()).toBe(`${expected.length} cases`);
  });
}

async function switchFromHeader(label: string): Promise<void> {
  await page.getByRole('button', { name: 'Switch profile' }).click();
  await page.locator('#profile-menu').getByRole('button', { name: label }).click();
}

describe('two profiles with different data', () => {
  let demo: RunningEmulator;
  /** Demo case names that the second tenant does not also have. */
  let demoOnly: string[];
  /** Second-tenant case names that the demo does not also have. */
  let secondOnly: string[];

  beforeAll(async () => {
    e2e = await startE2E({ secretStore: new SessionSecretStore() });
    page = e2e.page;
    await page.goto(e2e.harness.url);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('opens the demo workspace; the header names it and where it runs', async () => {
    await openDemoWorkspace(page);
    const open = e2e.harness.session.demoEmulator();
    if (!open) throw new Error('the demo workspace did not open');
    demo = open;
    expect(await headerLabel()).toBe('Demo workspace');
    expect(await headerRegion()).toContain('On this computer');
    demoOnly = onlyIn(namesOf(demo), namesOf(tenant));
    secondOnly = onlyIn(namesOf(tenant), namesOf(demo));
    expect(secondOnly.length).toBeGreaterThan(5);
    // The demo's newest cases are on screen (what must be gone after the switch).
    const text = await visibleText();
    expect(demoOnly.filter((name) => text.includes(name)).length).toBeGreaterThan(5);
  });

  it('adds the second tenant from the header (tested first) and switches to it', async () => {
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await page.getByRole('button', { name: 'Manage profiles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage profiles' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add a profile' }).click();
    await dialog.getByLabel('Profile name').fill('Second tenant');
    await dialog.getByLabel('Region').selectOption({ label: 'Custom URL…' });
    await dialog.getByLabel('API URL').fill(tenant.url);
    await dialog.getByLabel('API client ID').fill(SECOND.clientId);
    await dialog.getByLabel('API client secret').fill('a-wrong-secret');
    await dialog.getByRole('button', { name: 'Save and connect' }).click();
    await dialog.getByText('refused the API client ID or secret').waitFor();
    expect(await headerLabel()).toBe('Demo workspace'); // nothing changed
    await e2e.screenshot('profiles-add-refused');

    await dialog.getByLabel('API client secret').fill(SECOND.clientSecret);
    await dialog.getByRole('button', { name: 'Save and connect' }).click();
    await expectTenantCases(tenant);
    expect(await dialog.isVisible()).toBe(false);
    expect(await headerLabel()).toBe('Second tenant');
    expect(await headerRegion()).toContain(`Custom URL: 127.0.0.1:${tenant.port}`);
    const text = await visibleText();
    expect(demoOnly.filter((name) => text.includes(name))).toEqual([]);
    expect(secondOnly.filter((name) => text.includes(name)).length).toBeGreaterThan(5);
    await e2e.screenshot('profiles-switched-to-second');
  });

  it('switches back to the demo from the header: none of the second tenant’s cases remain', async () => {
    await switchFromHeader('Demo workspace');
    await page.locator('.cases [data-case]').first().waitFor();
    const now = e2e.harness.session.demoEmulator();
    if (!now) throw new Error('the demo workspace did not open');
    demo = now;
    await eventually(async () =>
      expect(await page.getByTestId('case-total').textContent()).toBe(
        `${demo.caseNumbers().length.toLocaleString('en-US')} cases`,
      ),
    );
    expect(await headerLabel()).toBe('Demo workspace');
    const text = await visibleText();
    expect(secondOnly.filter((name) => text.includes(name))).toEqual([]);
    expect(demoOnly.filter((name) => text.includes(name)).length).toBeGreaterThan(5);
  });

  it('a case opened in one profile does not follow into the other', async () => {
    // Open the second tenant's newest case, then switch: the demo starts on its own list.
    await switchFromHeader('Second tenant');
    await expectTenantCases(tenant);
    const newest = Math.max(...tenant.caseNumbers());
    const name = tenant.getCase(newest)?.name ?? '';
    await page.locator(`.cases [data-case="${newest}"] .cell.name`).click();
    await page.locator('#case-heading').waitFor();
    expect(await page.locator('#case-heading .name').textContent()).toBe(name);

    await switchFromHeader('Demo workspace');
    await page.locator('.cases [data-case]').first().waitFor();
    expect(await page.locator('#case-heading').count()).toBe(0);
    expect(await visibleText()).not.toContain(name);
    // And back: a fresh list of the second tenant, no case open.
    await switchFromHeader('Second tenant');
    await expectTenantCases(tenant);
    expect(await page.locator('#case-heading').count()).toBe(0);
    expect(await visibleText()).not.toContain(demoOnly[0] ?? '\u0000');
  });

  it('edits the profile without showing its secret, tests it, and renames the header', async () => {
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await page.getByRole('button', { name: 'Manage profiles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage profiles' });
    await dialog.getByRole('button', { name: 'Test Second tenant' }).click();
    await dialog.getByText('The connection works.').waitFor();

    await dialog.getByRole('button', { name: 'Edit Second tenant' }).click();
    const secret = dialog.getByLabel('New API client secret');
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('type')).toBe('password');
    expect(await page.content()).not.toContain(SECOND.clientSecret);
    await dialog.getByLabel('Profile name').fill('Second tenant (lab)');
    await e2e.screenshot('profiles-edit');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Saved the changes to “Second tenant (lab)”.').waitFor();
    await eventually(async () => expect(await headerLabel()).toBe('Second tenant (lab)'));
    // The rename kept the workspace: the same tenant's cases, no reconnect needed.
    await expectTenantCases(tenant);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await dialog.isVisible()).toBe(false);
  });

  it('removes the open profile after a confirmation that names the keychain, and disconnects', async () => {
    const stored = e2e.harness.context.profiles;
    const id = (await stored.list()).find((p) => p.label === 'Second tenant (lab)')?.profileId ?? '';
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await page.getByRole('button', { name: 'Manage profiles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage profiles' });
    await dialog.getByRole('button', { name: 'Remove Second tenant (lab)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove “Second tenant (lab)”?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('its API client secret from the system keychain');
    expect(await confirm.textContent()).toContain('removing it disconnects');
    await e2e.screenshot('profiles-remove');
    await confirm.getByRole('button', { name: 'Remove profile' }).click();
    await eventually(async () =>
      expect(await page.getByTestId('current-profile').textContent()).toContain('Not connected'),
    );
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
    expect((await stored.list()).map((p) => p.label)).toEqual(['Demo workspace']);
    await expect(stored.secretFor(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('without a keychain', () => {
  beforeAll(async () => {
    e2e = await startE2E({ secretStore: new UnavailableKeychain('no-secret-service') });
    page = e2e.page;
    await page.goto(e2e.harness.url);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('says so in plain words and offers to connect for this session only', async () => {
    const warning = page.getByRole('region', { name: 'Secrets cannot be saved on this computer' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(KEYCHAIN_SENTENCES['no-secret-service']);
    expect(await page.getByRole('checkbox').count()).toBe(0); // no choice: memory only
    await page.getByLabel('Profile name').fill('Second tenant');
    await page.getByLabel('Region').selectOption({ label: 'Custom URL…' });
    await page.getByLabel('API URL').fill(tenant.url);
    await page.getByLabel('API client ID').fill(SECOND.clientId);
    await page.getByLabel('API client secret').fill(SECOND.clientSecret);
    await e2e.screenshot('profiles-no-keychain');
    await page.getByRole('button', { name: 'Connect for this session only' }).click();
    await expectTenantCases(tenant);
    expect(await headerLabel()).toBe('Second tenant');

    await page.getByRole('button', { name: 'Switch profile' }).click();
    await page.getByRole('button', { name: 'Manage profiles…' }).click();
    const row = page.locator('li.profile', { hasText: 'Second tenant' });
    await row.getByText('This session only').waitFor();
    // Nothing the app wrote holds the secret.
    expect(await filesContaining(e2e.harness.dataDir, [SECOND.clientSecret])).toEqual([]);
  });
});

describe('on start', () => {
  let folder: { folder: string; remove: () => Promise<void> };
  let profileId: string;

  beforeAll(async () => {
    folder = await tempFolder('e2e-start');
    // What an earlier run left: the second tenant saved and used last, its secret in the "keychain".
    const keychain = new SessionSecretStore();
    const earlier = new ProfileService({ store: new FileProfileStore(folder.folder), keychain });
    const saved = await earlier.add({ label: 'Second tenant', baseUrl: tenant.url, ...asInput(SECOND) });
    profileId = saved.profileId;
    await earlier.select(profileId);
    e2e = await startE2E({ dataDir: folder.folder, secretStore: keychain, openLastProfile: true });
    page = e2e.page;
  });

  afterAll(async () => {
    await e2e?.close();
    await folder?.remove();
  });

  it('opens the profile used last by itself', async () => {
    await page.goto(e2e.harness.url);
    await expectTenantCases(tenant);
    expect(await headerLabel()).toBe('Second tenant');
    expect(countSwitches()).toBe(0); // main opened it; the page only asked what is open
  });

  it('asks for the secret when the profile used last has none at hand', async () => {
    await e2e.close();
    // The same settings, but the secret was never saved (a session-only secret of an earlier run).
    e2e = await startE2E({
      dataDir: folder.folder,
      secretStore: new SessionSecretStore(),
      openLastProfile: true,
    });
    page = e2e.page;
    await page.goto(e2e.harness.url);
    const form = page.getByRole('form', { name: 'Enter the secret for “Second tenant”' });
    await form.waitFor();
    expect(await page.getByTestId('current-profile').textContent()).toContain('Not connected');
    await form.getByLabel('API client secret').fill(SECOND.clientSecret);
    await e2e.screenshot('profiles-enter-secret');
    await form.getByRole('button', { name: 'Save and connect' }).click();
    await expectTenantCases(tenant);
    expect(await headerLabel()).toBe('Second tenant');
    expect((await e2e.harness.context.profiles.get(profileId)).hasSecret).toBe(true);
  });
});

function asInput(tenantCredentials: typeof SECOND): { clientId: string; secret: string } {
  return { clientId: tenantCredentials.clientId, secret: tenantCredentials.clientSecret };
}

function countSwitches(): number {
  return e2e.harness.calls.filter((call) => call.channel === 'profiles.switch').length;
}
