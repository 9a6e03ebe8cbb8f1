// Export jobs on the taskbar and as OS notifications: overall fraction, clearing, long-job notices.
import { describe, expect, it } from 'vitest';
import { EXPORT_ITEM_STATES } from '../../../src-shared/domain/exports.js';
import type { ExportItemState, ExportJobSummary } from '../../../src-shared/domain/exports.js';
import { trackExportsForOs } from '../../../src-main/core/handlers/os-progress.js';

function job(jobId: string, state: ExportJobSummary['state'], items: ExportItemState[]): ExportJobSummary {
  const counts = Object.fromEntries(EXPORT_ITEM_STATES.map((s) => [s, 0])) as Record<ExportItemState, number>;
  for (const item of items) counts[item] += 1;
  return {
    jobId,
    profileKey: 'demo',
    profileLabel: 'Demo',
    kind: 'pdf',
    parts: null,
    folder: '/exports',
    concurrency: 3,
    state,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    counts,
    progress: { bytes: 0, total: null, bytesPerSecond: 0, etaSeconds: null },
    itemCount: items.length,
    manifest: null,
    resumable: false,
  };
}

function rig() {
  let clock = 0;
  const progress: (number | null)[] = [];
  const notes: { title: string; body: string }[] = [];
  const track = trackExportsForOs(
    { progress: (f) => progress.push(f), notify: (title, body) => notes.push({ title, body }) },
    { now: () => clock, longJobMs: 10_000 },
  );
  return { track, progress, notes, advance: (ms: number) => (clock += ms) };
}

describe('trackExportsForOs', () => {
  it('shows the share of ended items over all running jobs, then clears', () => {
    const { track, progress } = rig();
    track(job('a', 'running', ['done', 'queued']));
    track(job('b', 'running', ['queued', 'queued']));
    track(job('b', 'running', ['queued', 'queued'])); // unchanged: not set again
    track(job('a', 'finished', ['done', 'done']));
    track(job('b', 'finished', ['failed', 'done']));
    expect(progress).toEqual([0.5, 0.25, 0, null]);
  });

  it('notifies only when a job that ran over 10 s ends', () => {
    const { track, notes, advance } = rig();
    track(job('quick', 'running', ['queued']));
    advance(2_000);
    track(job('quick', 'finished', ['done']));
    expect(notes).toEqual([]);

    track(job('long', 'running', ['queued', 'queued', 'queued']));
    advance(12_000);
    track(job('long', 'finished', ['done', 'failed', 'done']));
    expect(notes).toEqual([
      {
        title: 'Export finished with failures',
        body: '2 of 3 cases saved, 1 failed. Retry them from the export tray.',
      },
    ]);
  });

  it('says so for a cancelled long job, and stays quiet for an interrupted one', () => {
    const { track, notes, advance } = rig();
    track(job('c', 'running', ['queued', 'queued']));
    track(job('i', 'running', ['queued']));
    advance(11_000);
    track(job('c', 'cancelled', ['done', 'cancelled']));
    track(job('i', 'interrupted', ['queued']));
    expect(notes).toEqual([{ title: 'Export cancelled', body: '1 of 2 cases saved to /exports.' }]);
  });

  it('ignores the end of a job it never saw running (a listed old job)', () => {
    const { track, notes, progress } = rig();
    track(job('old', 'finished', ['done']));
    expect(notes).toEqual([]);
    expect(progress).toEqual([]);
  });
});
