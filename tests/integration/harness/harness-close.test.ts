/**
 * Closing the browser test harness while the page's last request is still being answered: close()
 * waits for it before it removes its data folder, so that nothing is written into a folder being
 * removed (seen: a benchmark's close failed with ENOTEMPTY, profiles.json written during the removal).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SessionSecretStore } from '../../../src-main/core/credentials/secret-store.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import type { RunningEmulator } from '../../../src-main/emulator/server.js';
import { BRIDGE_SOCKET_PATH, startHarness } from '../../harness/index.js';

/** A keychain whose writes wait until the test lets them go. */
class HeldSecretStore extends SessionSecretStore {
  reached!: () => void;
  readonly setReached = new Promise<void>((resolve) => (this.reached = resolve));
  release!: () => void;
  readonly released = new Promise<void>((resolve) => (this.release = resolve));

  override async set(profileId: string, secret: string): Promise<void> {
    this.reached();
    await this.released;
    await super.set(profileId, secret);
  }
}

let emulator: RunningEmulator;
let rendererDir: string;
beforeAll(async () => {
  emulator = await startEmulator({ cases: 4, seed: 5 });
  rendererDir = await mkdtemp(path.join(tmpdir(), 'case-desk-harness-renderer-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Case Desk</title>');
});
afterAll(async () => {
  await emulator.close();
  await rm(rendererDir, { recursive: true, force: true });
});

it('waits for a request still being answered before it removes its data folder', async () => {
  const keychain = new HeldSecretStore();
  const harness = await startHarness({ rendererDir, secretStore: keychain });
  const origin = new URL(harness.url).origin;
  const socket = new WebSocket(`ws://${new URL(origin).host}${BRIDGE_SOCKET_PATH}`, { origin });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  // Adding a profile writes profiles.json into the data folder once the keychain has the secret.
  socket.send(
    JSON.stringify({
      id: 1,
      channel: 'profiles.add',
      input: {
        label: 'Held',
        baseUrl: emulator.url,
        clientId: emulator.clientId,
        secret: emulator.clientSecret,
      },
    }),
  );
  await keychain.setReached;

  let closed = false;
  const closing = harness.close().then(() => (closed = true));
  // The page is gone (its socket closed by close()); the request is still being answered.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(closed).toBe(false);
  keychain.release();
  await closing;
  expect(existsSync(harness.dataDir)).toBe(false);
});
