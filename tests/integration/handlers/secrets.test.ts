/**
 * Nothing that crosses the contract or reaches the log carries the client secret or a bearer token.
 * A recording proxy between the client and the emulator captures the exact tokens the client used;
 * then every result, every event and every log line of a busy session is searched for them.
 */
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { caseWith, createRig, tempFolder } from './helpers.js';
import type { Rig } from './helpers.js';

const CLIENT_ID = 'key-secrets-test';
const SECRET = 'Sup3r-s3cret-Value-4f9c2e';
const WRONG_SECRET = 'Wr0ng-s3cret-Value-77ab01';

/** A loopback HTTP proxy to `target` that records every Authorization header it forwards. */
async function recordingProxy(target: string): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const to = new URL(target);
  const server = createServer((req, res) => {
    if (req.headers.authorization) seen.push(req.headers.authorization);
    const upstream = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

let emu: RunningEmulator;
let proxy: Awaited<ReturnType<typeof recordingProxy>>;
let rig: Rig;

beforeAll(async () => {
  emu = await startEmulator({ cases: 8, seed: 21, clientId: CLIENT_ID, clientSecret: SECRET });
  proxy = await recordingProxy(emu.url);
  rig = await createRig();
});
afterAll(async () => {
  await rig.close();
  proxy.server.closeAllConnections();
  await new Promise((resolve) => proxy.server.close(resolve));
  await emu.close();
});

describe('a whole session', () => {
  it('never shows the secret or a bearer token in results, events or logs', async () => {
    const { folder, remove } = await tempFolder('secrets');
    try {
      // A refused secret, then the right one.
      await rig.fail('session.connect', {
        baseUrl: proxy.url,
        clientId: CLIENT_ID,
        clientSecret: WRONG_SECRET,
      });
      await rig.ok('session.connect', { baseUrl: proxy.url, clientId: CLIENT_ID, clientSecret: SECRET });
      await rig.ok('session.get');
      const n = caseWith(emu, 'OPEN');
      await rig.ok('cases.page', { pgSize: 5 });
      const detail = await rig.ok('cases.get', { number: n });
      emu.revokeTokens(); // the next call gets a 401, fetches a second token and retries
      await rig.ok('cases.update', { number: n, changes: { description: 'checked' } });
      await rig.fail('cases.update', { number: n, changes: {}, expectedUpdatedAt: detail.updatedAt });
      await rig.fail('cases.get', { number: 99_999 });
      await rig.ok('events.page', { number: n });
      await rig.ok('events.add', {
        number: n,
        eventIds: [...emu.unattachedEventIds(2), emu.eventIdsOnCase(n)[0]!],
      });
      await rig.ok('users.list', {});
      await rig.ok('actors.search', { nameStartsWith: 'a' });
      rig.platform.folder = folder;
      const choice = await rig.ok('dialog.chooseFolder', {});
      const { downloadId } = await rig.ok('downloads.start', {
        kind: 'csv',
        caseNumber: n,
        folderId: choice!.folderId,
      });
      expect((await rig.nextEvent('downloads.finished', (f) => f.downloadId === downloadId)).ok).toBe(true);
      await rig.ok('session.disconnect');
    } finally {
      await remove();
    }

    const bearers = proxy.seen.filter((h) => h.startsWith('Bearer ')).map((h) => h.slice('Bearer '.length));
    const basics = proxy.seen.filter((h) => h.startsWith('Basic ')).map((h) => h.slice('Basic '.length));
    expect(new Set(bearers).size).toBeGreaterThanOrEqual(2); // the first token and the one after the 401
    expect(basics).toContain(Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64'));
    expect(basics).toContain(Buffer.from(`${CLIENT_ID}:${WRONG_SECRET}`).toString('base64'));

    const surfaces = {
      results: JSON.stringify(rig.results),
      events: JSON.stringify(rig.events),
      log: rig.logLines.join('\n'),
    };
    // The searches can only fail if there is something to search.
    expect(rig.results.length).toBeGreaterThan(10);
    expect(surfaces.log).toContain('GET /v1/cases');
    expect(surfaces.log).toContain('connected to Incydr');
    for (const [where, text] of Object.entries(surfaces)) {
      for (const forbidden of [SECRET, WRONG_SECRET, ...new Set(bearers), ...new Set(basics)]) {
        expect(text.includes(forbidden), `${where} contains a credential`).toBe(false);
      }
      // No JWT-shaped string at all (a token from somewhere we did not record).
      expect(text, where).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./u);
    }
    expect(surfaces.results).toContain(CLIENT_ID); // the client ID is not a secret and is shown
  });
});
