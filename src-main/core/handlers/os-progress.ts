/**
 * Export jobs as the OS shows them (issue 6): the taskbar / dock progress of every running job
 * together, and a notification when a job that ran longer than `longJobMs` ends, so an investigator
 * who switched to another window learns that the export is done (or failed in part).
 */
import type { ExportJobSummary } from '../../../src-shared/domain/exports.js';
import type { Platform } from '../platform.js';

/** A job must run at least this long before its end is worth a notification. */
export const LONG_JOB_MS = 10_000;

export interface OsProgressOptions {
  longJobMs?: number;
  now?: () => number;
}

/** Items that reached an end state (done, failed, skipped, cancelled). */
function ended(job: ExportJobSummary): number {
  const { done, failed, skipped, cancelled } = job.counts;
  return done + failed + skipped + cancelled;
}

/** One plain sentence on how a job ended. */
export function endSentence(job: ExportJobSummary): { title: string; body: string } {
  const { done, failed } = job.counts;
  const total = job.itemCount;
  const cases = (n: number): string => `${n} ${n === 1 ? 'case' : 'cases'}`;
  if (job.state === 'cancelled') {
    return { title: 'Export cancelled', body: `${done} of ${cases(total)} saved to ${job.folder}.` };
  }
  if (failed > 0) {
    return {
      title: 'Export finished with failures',
      body: `${done} of ${cases(total)} saved, ${failed} failed. Retry them from the export tray.`,
    };
  }
  return { title: 'Export finished', body: `${cases(done)} saved to ${job.folder}.` };
}

/** Returns the listener to feed every `exports.progress` payload to. */
export function trackExportsForOs(
  platform: Pick<Platform, 'progress' | 'notify'>,
  options: OsProgressOptions = {},
): (job: ExportJobSummary) => void {
  const longJobMs = options.longJobMs ?? LONG_JOB_MS;
  const now = options.now ?? (() => Date.now());
  const running = new Map<string, { startedAt: number; ended: number; total: number }>();
  let shown: number | null = null;

  const show = (): void => {
    let total = 0;
    let done = 0;
    for (const job of running.values()) {
      total += job.total;
      done += job.ended;
    }
    const fraction = running.size === 0 ? null : total === 0 ? 0 : Math.min(1, done / total);
    if (fraction === shown) return;
    shown = fraction;
    platform.progress(fraction);
  };

  return (job) => {
    const known = running.get(job.jobId);
    if (job.state === 'running') {
      running.set(job.jobId, {
        // A resumed or retried job counts from when it started running again.
        startedAt: known?.startedAt ?? now(),
        ended: ended(job),
        total: job.itemCount,
      });
    } else if (known) {
      running.delete(job.jobId);
      if (now() - known.startedAt > longJobMs && job.state !== 'interrupted') {
        const { title, body } = endSentence(job);
        platform.notify(title, body);
      }
    }
    show();
  };
}
