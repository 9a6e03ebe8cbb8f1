// A benchmark helper: the peak resident set size of the process that calls it.
import { readFileSync } from 'node:fs';

/**
 * This process's peak RSS in bytes: on Linux `VmHWM` from /proc/self/status, the high-water mark of
 * this program's own memory. Not `process.resourceUsage().maxRSS`: Linux hands a child the RSS its
 * parent had when it forked, so a helper started straight from a 190 MB benchmark process reported
 * 190 MB before it had done anything. Elsewhere, maxRSS is all there is.
 */
export function peakRssBytes(): number {
  let status = '';
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    // Not Linux.
  }
  const kilobytes = /^VmHWM:\s+(\d+) kB$/mu.exec(status)?.[1];
  return kilobytes === undefined ? process.resourceUsage().maxRSS * 1024 : Number(kilobytes) * 1024;
}
