import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/core/ipc/app-error.js';
import { dataDirError, setAside } from '../../../src-main/core/own-file-errors.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('setAside', () => {
  it('renames the unreadable file to a stamped copy and keeps its bytes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'case-desk-aside-'));
    folders.push(folder);
    const file = join(folder, 'views.json');
    writeFileSync(file, '{ not json');
    const copy = await setAside(file, new Date('2026-11-28T03:04:05.678Z'), 'The saved views in', 'x');
    expect(copy).toBe(`${file}.corrupt-2026-11-28T03-04-05-678Z`);
    expect(readdirSync(folder)).toEqual(['views.json.corrupt-2026-11-28T03-04-05-678Z']);
    expect(readFileSync(copy, 'utf8')).toBe('{ not json');
  });

  it('fails with SETTINGS_CORRUPT naming the file and both reasons when it cannot be moved', async () => {
    const file = join(tmpdir(), 'case-desk-no-such-folder', 'profiles.json');
    const error = await setAside(file, new Date(), 'The profiles file', 'it is not valid JSON').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SETTINGS_CORRUPT');
    expect((error as AppError).message).toContain(
      `The profiles file ${file} could not be read (it is not valid JSON)`,
    );
    expect((error as AppError).message).toContain('could not be moved aside: ENOENT');
  });
});

describe('dataDirError', () => {
  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['EACCES', 'PERMISSION_DENIED'],
    ['EROFS', 'PERMISSION_DENIED'],
  ])('maps %s to %s naming the folder', (errno, code) => {
    const mapped = dataDirError(Object.assign(new Error(errno), { code: errno }), '/data');
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).code).toBe(code);
    expect((mapped as AppError).message).toContain('/data');
  });

  it('returns any other failure as it is', () => {
    const other = Object.assign(new Error('boom'), { code: 'EIO' });
    expect(dataDirError(other, '/data')).toBe(other);
  });
});
