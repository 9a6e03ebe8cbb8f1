// A benchmark helper: Chromium with one page, driven over the DevTools protocol with nothing but
// Runtime.evaluate. Playwright enables the Network domain, and then Chromium copies every WebSocket
// frame the page receives (a megabyte per page of cases) to the driver: a cost the app never pays.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/fixture.js';

export interface CdpPage {
  /** Evaluates an expression in the page (promises awaited) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function openCdpPage(url: string): Promise<CdpPage> {
  const profile = mkdtempSync(join(tmpdir(), 'case-desk-bench-'));
  const browser = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_ARGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--window-size=1280,820',
      url,
    ],
    // Its own process group, so that close() can end every process Chromium starts.
    { stdio: 'ignore', detached: true },
  );
  const port = await devToolsPort(profile);
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    type: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((t) => t.type === 'page');
  if (!target) throw new Error('Chromium opened no page');
  const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, (message: CdpReply) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as CdpReply;
    if (message.id !== undefined) pending.get(message.id)?.(message);
    pending.delete(message.id ?? -1);
  });
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const id = ++nextId;
      const reply = await new Promise<CdpReply>((resolve) => {
        pending.set(id, resolve);
        socket.send(
          JSON.stringify({
            id,
            method: 'Runtime.evaluate',
            params: { expression, awaitPromise: true, returnByValue: true },
          }),
        );
      });
      const details = reply.result?.exceptionDetails;
      if (details) throw new Error(`in the page: ${details.exception?.description ?? details.text}`);
      return reply.result?.result?.value as T;
    },
    async close() {
      socket.close();
      await new Promise<void>((resolve) => {
        browser.once('exit', () => resolve());
        process.kill(-browser.pid!, 'SIGTERM');
      });
      // Chromium's helper processes can outlive the browser process by a moment, still writing into
      // the profile folder (seen: ENOTEMPTY from rmSync); wait for the whole group to be gone.
      await groupGone(browser.pid!);
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

interface CdpReply {
  id?: number;
  result?: {
    result?: { value?: unknown };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
}

async function groupGone(pid: number): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    try {
      process.kill(-pid, 0);
    } catch {
      return; // ESRCH: no process left in the group
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.kill(-pid, 'SIGKILL');
}

/** Chromium writes the port it chose into the profile folder. */
async function devToolsPort(profile: string): Promise<number> {
  for (let tries = 0; tries < 300; tries++) {
    try {
      const [port] = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n');
      if (port) return Number(port);
    } catch {
      // not written yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Chromium did not open its DevTools port');
}
