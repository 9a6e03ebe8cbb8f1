/** Starts the emulator for client tests and builds a client for it with fast retries. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IncydrClient } from '../../../../src-main/core/incydr/index.js';
import type { IncydrClientOptions } from '../../../../src-main/core/incydr/index.js';
import { startEmulator } from '../../../../src-main/emulator/server.js';
import type { EmulatorOptions, RunningEmulator } from '../../../../src-main/emulator/server.js';

export type { RunningEmulator };

export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ cases: 24, ...options });
}

export function clientFor(emu: RunningEmulator, extra: Partial<IncydrClientOptions> = {}): IncydrClient {
  return new IncydrClient({
    baseUrl: emu.url,
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    retry: { baseDelayMs: 20 },
    timeoutMs: 10_000,
    ...extra,
  });
}

/** A fresh temporary folder and a function that removes it. */
export async function tempFolder(prefix: string): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), `case-desk-${prefix}-`));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** The first case number with this status; fails the test when the seed has none. */
export function caseWith(emu: RunningEmulator, status: 'OPEN' | 'CLOSED' | 'ARCHIVED', index = 0): number {
  const n = emu.caseNumbers(status)[index];
  if (n === undefined) throw new Error(`the seeded emulator has no ${status} case #${index}`);
  return n;
}
