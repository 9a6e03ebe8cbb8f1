/** `cases.rows` through dispatch: the case list's compact page, the same cases as `cases.page`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCaseRows, toListItem } from '../../../src-shared/domain/case-rows.js';
import { createRig } from './helpers.js';
import type { Rig } from './helpers.js';

let rig: Rig;
beforeAll(async () => {
  rig = await createRig({ openDemo: true, session: { demo: { cases: 45, seed: 8 } } });
});
afterAll(async () => {
  await rig.close();
});

describe('cases.rows', () => {
  it('answers every query with the cases cases.page lists, in the same order', async () => {
    for (const query of [
      { pgNum: 1, pgSize: 20, srtKey: ['name'], srtDir: ['desc'] },
      { pgNum: 2, pgSize: 20, srtKey: ['archivalTime'], srtDir: ['asc'] },
      { status: ['CLOSED', 'ARCHIVED'], srtKey: ['number'], srtDir: ['desc'] },
      { isAssigned: false, pgSize: 100 },
    ]) {
      const page = await rig.ok('cases.page', query);
      const rows = await rig.ok('cases.rows', query);
      expect(rows.totalCount).toBe(page.totalCount);
      expect(decodeCaseRows(rows)).toEqual(page.cases.map(toListItem));
    }
  });

  it('answers past the last page with no rows and the total', async () => {
    const rows = await rig.ok('cases.rows', { pgNum: 9, pgSize: 20 });
    expect(rows).toEqual({ totalCount: 45, names: [], rows: [] });
  });

  it('needs a connection', async () => {
    const idle = await createRig();
    try {
      expect((await idle.fail('cases.rows', {})).code).toBe('NOT_CONNECTED');
    } finally {
      await idle.close();
    }
  });
});
