import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../../src-main/core/library/library-inbox.js';
import { LibraryRecorder } from '../../../src-main/cli/library-recorder.js';
import { inboxEntry } from '../../fixtures/inbox-entry.js';

const entry = (caseNumber: number): InboxEntry => inboxEntry('/evidence', caseNumber);

describe('LibraryRecorder', () => {
  it('records every full batch as it fills, in order, and the rest on close', async () => {
    const recorded: number[][] = [];
    let release = (): void => undefined;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const recorder = new LibraryRecorder(async (entries) => {
      // A slow first write: the second batch must wait for it, not overtake it.
      if (calls++ === 0) await firstHeld;
      recorded.push(entries.map((e) => e.caseNumber));
    }, 3);
    for (let n = 1; n <= 7; n++) recorder.add(entry(n));
    expect(recorded).toEqual([]);
    release();
    await recorder.close();
    expect(recorded).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('records nothing for a run that saved nothing', async () => {
    const calls: unknown[] = [];
    const recorder = new LibraryRecorder(async (entries) => {
      calls.push(entries);
      return Promise.resolve();
    });
    await recorder.close();
    expect(calls).toEqual([]);
  });
});
