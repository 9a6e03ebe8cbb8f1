/**
 * The retry policy against the emulator's random faults (faultRate 0.3: latency, 429, 500, 503, resets
 * mid-body, wrong Content-Length): GETs all succeed; a POST is never executed twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncydrError } from '../../../src-main/core/incydr/index.js';
import type { IncydrClient } from '../../../src-main/core/incydr/index.js';
import { caseWith, clientFor, startTestEmulator } from './helpers/emulator.js';
import type { RunningEmulator } from './helpers/emulator.js';

let emu: RunningEmulator;
let client: IncydrClient;

beforeAll(async () => {
  emu = await startTestEmulator({ cases: 10, seed: 2024, faultRate: 0.3 });
  // About a quarter of attempts fail; 6 retries make a streak that beats the policy (0.25^7) a
  // non-event, whatever the seed. What is under test is that these requests are retried at all.
  client = clientFor(emu, { retry: { limit: 6, baseDelayMs: 10 } });
});

afterAll(async () => {
  await emu.close();
});

describe('faultRate 0.3', () => {
  it('a run of GETs all succeed', async () => {
    const open = caseWith(emu, 'OPEN');
    let calls = 0;
    for (let i = 0; i < 8; i++) {
      expect((await client.getCase(open)).number).toBe(open);
      expect((await client.getPage({ pgSize: 3, pgNum: 1 + (i % 3) })).totalCount).toBe(10);
      expect((await client.getFileEvents(open)).totalCount).toBe(emu.eventIdsOnCase(open).length);
      expect((await client.listUsers({ pageSize: 5 })).users).toHaveLength(5);
      calls += 4;
    }
    const all: number[] = [];
    for await (const c of client.iterAll({}, 3)) all.push(c.number);
    expect(all).toHaveLength(10);
    const faults = Object.values(emu.stats.faults).reduce((a, b) => a + b, 0);
    expect(faults).toBeGreaterThan(calls / 10); // the faults really happened
    expect(emu.stats.faults.reset + emu.stats.faults['wrong-length']).toBeGreaterThan(0);
  });

  it('POSTs are never executed twice', async () => {
    const open = caseWith(emu, 'OPEN');
    const freeIds = emu.unattachedEventIds(20);
    const executedBefore = {
      create: emu.stats.executed['POST /v1/cases'] ?? 0,
      attach: emu.stats.executed['POST /v1/cases/{caseNumber}/fileevent/{eventId}'] ?? 0,
    };
    const outcome = { resolved: 0, cutAfterExecution: 0, refused: 0 };
    const attachOutcome = { resolved: 0, cutAfterExecution: 0, refused: 0 };
    const tally = (into: typeof outcome, error: unknown): void => {
      expect(error).toBeInstanceOf(IncydrError);
      const code = (error as IncydrError).code;
      // A retried POST would surface as NAME_EXISTS / CASE_ALREADY_HAS_EVENT: it must never happen.
      expect(['NETWORK', 'SERVER_ERROR', 'RATE_LIMITED']).toContain(code);
      if (code === 'NETWORK') into.cutAfterExecution++;
      else into.refused++;
    };
    for (let i = 0; i < 20; i++) {
      try {
        await client.createCase({ name: `Fault run ${i}` });
        outcome.resolved++;
      } catch (error) {
        tally(outcome, error);
      }
      try {
        await client.addFileEvent(open, freeIds[i] ?? '');
        attachOutcome.resolved++;
      } catch (error) {
        tally(attachOutcome, error);
      }
    }
    const created = (emu.stats.executed['POST /v1/cases'] ?? 0) - executedBefore.create;
    const attached =
      (emu.stats.executed['POST /v1/cases/{caseNumber}/fileevent/{eventId}'] ?? 0) - executedBefore.attach;
    // Executed exactly once for each call that succeeded or was cut after executing; never more.
    expect(created).toBe(outcome.resolved + outcome.cutAfterExecution);
    expect(attached).toBe(attachOutcome.resolved + attachOutcome.cutAfterExecution);
    expect(created).toBeLessThanOrEqual(20);
    expect(attached).toBeLessThanOrEqual(20);
    // Faults did hit POSTs, in both directions.
    expect(outcome.refused + attachOutcome.refused).toBeGreaterThan(0);
    expect(outcome.cutAfterExecution + attachOutcome.cutAfterExecution).toBeGreaterThan(0);
  });
});
