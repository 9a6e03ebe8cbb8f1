/**
 * The browser test harness: serves a renderer folder with the bridge script injected, and carries the
 * contract over a loopback WebSocket into the real dispatch() and handlers — checked with a raw
 * socket, and with the page-side bridge bundle itself running in a VM context as a page would.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { REQUEST_CHANNELS, splitChannel } from '../../../src-shared/ipc/contract.js';
import type { CaseDeskApi, Result, SessionInfo } from '../../../src-shared/ipc/contract.js';
import { createHandlers } from '../../../src-main/core/handlers/index.js';
import { dispatch } from '../../../src-main/core/ipc/dispatch.js';
import {
  BRIDGE_SCRIPT_PATH,
  BRIDGE_SOCKET_PATH,
  createTestPlatform,
  startHarness,
} from '../../harness/index.js';
import type { Harness } from '../../harness/index.js';

const INDEX_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Case Desk</title>
<script type="module" crossorigin src="./assets/app.js"></script>
</head><body><div id="app"></div></body></html>`;

let rendererDir: string;
let harness: Harness;
let origin: string;

beforeAll(async () => {
  rendererDir = await mkdtemp(path.join(tmpdir(), 'case-desk-harness-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  harness = await startHarness({ rendererDir, session: { demo: { cases: 24 } } });
  origin = new URL(harness.url).origin;
});
afterAll(async () => {
  await harness.close();
  await rm(rendererDir, { recursive: true, force: true });
});

describe('serving the renderer', () => {
  it('injects the bridge script right before the app module script, under the app CSP', async () => {
    const response = await fetch(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain(
      `<script src="${BRIDGE_SCRIPT_PATH}"></script><script type="module" crossorigin src="./assets/app.js">`,
    );
    // App routes without a file serve the page too.
    expect(await (await fetch(`${origin}/cases/12`)).text()).toBe(html);
  });

  it('serves the bridge and the assets, and nothing outside the renderer folder', async () => {
    const bridge = await fetch(`${origin}${BRIDGE_SCRIPT_PATH}`);
    expect(bridge.headers.get('content-type')).toMatch(/^text\/javascript/u);
    expect(await bridge.text()).toContain('caseDesk');
    expect(await (await fetch(`${origin}/assets/app.js`)).text()).toBe('console.log("app");');
    // Raw paths, as a hostile page could send them (fetch would normalise the dots away).
    const probes = [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/missing.js',
      '/%00',
    ];
    for (const probe of probes) expect(await rawStatus(probe), probe).toBe(404);
  });
});

function rawStatus(pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}/`, { path: pathname }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket to the harness (as its own page would) and sends one request. */
async function callOverSocket(message: unknown, from = origin): Promise<unknown> {
  const socket = new WebSocket(`ws://${new URL(origin).host}${BRIDGE_SOCKET_PATH}`, { origin: from });
  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const answer = new Promise<unknown>((resolve) => {
      socket.once('message', (data) => resolve(JSON.parse(data.toString())));
    });
    socket.send(JSON.stringify(message));
    return await answer;
  } finally {
    socket.close();
  }
}

describe('the WebSocket bridge', () => {
  it('answers with exactly what dispatch() gives, including its validation error', async () => {
    const platform = createTestPlatform();
    const direct = await dispatch(
      createHandlers({
        platform,
        emit: () => undefined,
        logger: harness.context.logger,
        dataDir: harness.dataDir,
      }),
      'cases.get',
      { number: 0 },
    );
    expect(direct).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callOverSocket({ id: 7, channel: 'cases.get', input: { number: 0 } })).toEqual({
      id: 7,
      result: direct,
    });
    expect(await callOverSocket({ id: 'x', channel: 'cases.nope', input: {} })).toEqual({
      id: 'x',
      result: { ok: false, error: { code: 'VALIDATION', message: 'Unknown request channel.' } },
    });
  });

  it('refuses a socket from another origin (the stand-in for the sender check)', async () => {
    await expect(
      callOverSocket({ id: 1, channel: 'session.get', input: {} }, 'http://evil.example'),
    ).rejects.toThrow(/401/u);
  });
});

describe('the page-side bridge bundle', () => {
  it('gives the page the contract API over the socket, with events and unsubscribe', async () => {
    const source = await (await fetch(`${origin}${BRIDGE_SCRIPT_PATH}`)).text();
    // What a page served by the harness has: its location, and a browser WebSocket (which sends the
    // page origin itself; the Node one needs it spelled out).
    class PageWebSocket extends WebSocket {
      constructor(url: string) {
        super(url, { origin });
      }
    }
    const page = vm.createContext({
      location: { host: new URL(origin).host, protocol: 'http:' },
      WebSocket: PageWebSocket,
    });
    vm.runInContext(source, page);
    const api = (page as { caseDesk: CaseDeskApi }).caseDesk;

    // The same grouped shape as the preload: one function per channel, plus `on`.
    for (const channel of REQUEST_CHANNELS) {
      const [group, method] = splitChannel(channel);
      expect(
        typeof (api as unknown as Record<string, Record<string, unknown>>)[group]?.[method],
        channel,
      ).toBe('function');
    }
    expect(() => api.on('bogus' as never, () => undefined)).toThrow(/Unknown event/u);

    // Called before the socket is open: queued, then answered like dispatch() would.
    const invalid = await api.cases.get({ number: 0 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const changes: SessionInfo[] = [];
    const unsubscribe = api.on('session.changed', (info) => changes.push(info));
    const opened = (await api.session.openDemo({})) as Result<SessionInfo>;
    expect(opened).toMatchObject({ ok: true, value: { kind: 'demo', label: 'Demo workspace' } });
    const page1 = await api.cases.page({ pgSize: 5 });
    expect(page1.ok && page1.value.totalCount).toBe(24);
    await expect.poll(() => changes.length).toBe(1);
    expect(changes[0]).toEqual(opened.ok && opened.value);

    unsubscribe();
    await api.session.disconnect({});
    expect(harness.session.info().connected).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toHaveLength(1);
    // Every call went through the harness's dispatch.
    expect(harness.calls.map((c) => c.channel)).toEqual(
      expect.arrayContaining(['cases.get', 'session.openDemo', 'cases.page', 'session.disconnect']),
    );
  });
});
