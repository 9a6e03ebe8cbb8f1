import { describe, expect, it } from 'vitest';
import { parseEventIds, previewAttach } from '../../../src-shared/event-ids/index.js';
import { eventIds } from './ids.js';

describe('previewAttach', () => {
  const [a, b, c, d, e] = eventIds(5) as [string, string, string, string, string];

  it('splits new, already attached and over-the-cap IDs, in input order', () => {
    const parsed = parseEventIds(`${a} ${b} ${c} ${a} bad/id ${d} ${e}`);
    const preview = previewAttach(parsed, { alreadyOnCase: new Set([b]), currentCount: 7, cap: 10 });
    expect(preview).toEqual({
      toAttach: [a, c, d],
      alreadyAttached: [b],
      overCap: [e],
      duplicates: 1,
      malformedCount: 1,
      room: 3,
      cap: 10,
    });
  });

  it('uses the API limit of 10,000 by default and never reports negative room', () => {
    const parsed = parseEventIds(a);
    expect(previewAttach(parsed, { alreadyOnCase: new Set(), currentCount: 0 }).cap).toBe(10_000);
    const full = previewAttach(parsed, { alreadyOnCase: new Set(), currentCount: 10_500 });
    expect(full).toMatchObject({ toAttach: [], overCap: [a], room: 0 });
  });

  it('lets IDs already on a full case through as already attached, not over the cap', () => {
    const parsed = parseEventIds(`${a} ${b}`);
    const preview = previewAttach(parsed, { alreadyOnCase: new Set([a]), currentCount: 10_000 });
    expect(preview).toMatchObject({ toAttach: [], alreadyAttached: [a], overCap: [b] });
  });
});
