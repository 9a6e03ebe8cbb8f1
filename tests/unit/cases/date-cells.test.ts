// The case list's date cells format each local day once (a cache keyed by the day's number); whatever
// the zone, the cached text must be what formatting the instant itself gives, across midnights and
// daylight-saving changes (Lord Howe shifts by 30 minutes, Chatham sits at +12:45).
import { afterAll, describe, expect, it, vi } from 'vitest';

const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const originalTz = process.env.TZ;

afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** The modules as a fresh page would load them with `zone` as the local time zone. */
async function loadIn(zone: string) {
  process.env.TZ = zone;
  vi.resetModules();
  const cells = await import('../../../src-renderer/features/cases/date-cells.js');
  const format = await import('../../../src-renderer/lib/format.js');
  return { ...cells, ...format };
}

describe.each(ZONES)('dateText in %s', (zone) => {
  it('matches formatting each instant, every 47 minutes over three years', async () => {
    const { dateText, formatLocalDate } = await loadIn(zone);
    // The zone really is in effect (ICU may answer with a canonical alias of the name).
    const canonical = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(canonical);
    const start = Date.parse('2024-01-01T00:00:00Z');
    const end = Date.parse('2027-01-01T00:00:00Z');
    let checked = 0;
    for (let ms = start; ms < end; ms += 47 * 60_000) {
      const iso = new Date(ms).toISOString();
      expect(dateText(iso)).toBe(formatLocalDate(iso));
      checked++;
    }
    expect(checked).toBeGreaterThan(30_000);
  });

  it('keeps the microseconds of the API out of the way and leaves a non-date as it is', async () => {
    const { dateText, formatLocalDate } = await loadIn(zone);
    expect(dateText('2025-03-06T03:11:06.361381Z')).toBe(formatLocalDate('2025-03-06T03:11:06.361Z'));
    expect(dateText('not a date')).toBe('not a date');
  });
});
