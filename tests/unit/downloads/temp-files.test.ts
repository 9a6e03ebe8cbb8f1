import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isTempName,
  STALE_TEMP_MS,
  sweepStaleTempFiles,
  tempName,
} from '../../../src-main/core/downloads/temp-files.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'case-desk-temp-files-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const MINUTE = 60_000;

/** A file written `ageMs` ago. */
async function fileAged(name: string, ageMs: number, where = folder): Promise<string> {
  const file = path.join(where, name);
  await writeFile(file, 'partial bytes');
  const then = (Date.now() - ageMs) / 1000;
  await utimes(file, then, then);
  return file;
}

describe('temp file names', () => {
  it('are hidden, keep the final name, and are told apart from names people choose', () => {
    const part = tempName('Case-17 (1).zip', 'part');
    expect(part).toMatch(/^\.Case-17 \(1\)\.zip\.[0-9a-f]{12}\.part$/u);
    expect(tempName('manifest.json', 'tmp')).toMatch(/^\.manifest\.json\.[0-9a-f]{12}\.tmp$/u);
    expect(tempName('a.zip', 'part')).not.toBe(tempName('a.zip', 'part'));
    expect(isTempName(part)).toBe(true);
    for (const name of [
      'notes.part',
      '.notes.part',
      '.a.zip.0123456789AB.part', // upper-case: never ours
      '.a.zip.0123456789a.part', // 11 digits
      '..0123456789ab.part', // no name
      '.a.zip.0123456789ab.part.zip',
      'a.zip.0123456789ab.part', // not hidden
    ]) {
      expect(isTempName(name), name).toBe(false);
    }
  });
});

describe('sweepStaleTempFiles', () => {
  it('removes stale part and temp files and keeps fresh ones and everything else', async () => {
    await fileAged('.Case-3.zip.0123456789ab.part', 10 * MINUTE);
    await fileAged('.manifest.json.abcdef012345.tmp', 10 * MINUTE);
    await fileAged('.Case-4.zip.00000000000a.part', MINUTE); // may be a download running now
    await fileAged('Case-3.zip', 60 * MINUTE);
    await fileAged('notes.part', 60 * MINUTE);
    await fileAged('.hidden-by-the-investigator', 60 * MINUTE);

    const { removed, failed } = await sweepStaleTempFiles(folder);

    expect(removed.sort()).toEqual(['.Case-3.zip.0123456789ab.part', '.manifest.json.abcdef012345.tmp']);
    expect(failed).toEqual([]);
    expect((await readdir(folder)).sort()).toEqual(
      ['.Case-4.zip.00000000000a.part', '.hidden-by-the-investigator', 'Case-3.zip', 'notes.part'].sort(),
    );
  });

  it('uses the age it is given, and five minutes by default', async () => {
    expect(STALE_TEMP_MS).toBe(5 * MINUTE);
    await fileAged('.a.zip.0123456789ab.part', 4 * MINUTE);
    expect((await sweepStaleTempFiles(folder)).removed).toEqual([]);
    expect((await sweepStaleTempFiles(folder, { olderThanMs: 3 * MINUTE })).removed).toEqual([
      '.a.zip.0123456789ab.part',
    ]);
  });

  it('leaves folders, links and what is below the folder alone', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'case-desk-temp-outside-'));
    try {
      const target = await fileAged('evidence.zip', 60 * MINUTE, outside);
      await symlink(target, path.join(folder, '.link.zip.0123456789ab.part'));
      await mkdir(path.join(folder, '.dir.zip.0123456789ab.part'));
      await mkdir(path.join(folder, 'sub'));
      await fileAged('.b.zip.0123456789ab.part', 60 * MINUTE, path.join(folder, 'sub'));

      expect(await sweepStaleTempFiles(folder, { olderThanMs: 0 })).toEqual({ removed: [], failed: [] });
      expect((await readdir(folder)).sort()).toEqual(
        ['.dir.zip.0123456789ab.part', '.link.zip.0123456789ab.part', 'sub'].sort(),
      );
      expect(await readdir(path.join(folder, 'sub'))).toEqual(['.b.zip.0123456789ab.part']);
      expect(await readdir(outside)).toEqual(['evidence.zip']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('answers nothing, without throwing, for a folder that is gone', async () => {
    await rm(folder, { recursive: true });
    expect(await sweepStaleTempFiles(folder)).toEqual({ removed: [], failed: [] });
  });
});
