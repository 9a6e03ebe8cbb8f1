import { describe, expect, it } from 'vitest';
import { dataDirFromEnv, defaultDataDir } from '../../../src-main/core/credentials/data-dir.js';

describe('data folder', () => {
  it('follows each platform', () => {
    expect(defaultDataDir({ env: {}, platform: 'linux', home: '/home/al' })).toBe(
      '/home/al/.config/case-desk',
    );
    expect(defaultDataDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home: '/home/al' })).toBe(
      '/cfg/case-desk',
    );
    // A relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
    expect(defaultDataDir({ env: { XDG_CONFIG_HOME: 'cfg' }, platform: 'linux', home: '/home/al' })).toBe(
      '/home/al/.config/case-desk',
    );
    expect(defaultDataDir({ env: { HOME: '/Users/al' }, platform: 'darwin' })).toBe(
      '/Users/al/Library/Application Support/Case Desk',
    );
    expect(defaultDataDir({ env: { APPDATA: 'C:\\Users\\al\\AppData\\Roaming' }, platform: 'win32' })).toBe(
      'C:\\Users\\al\\AppData\\Roaming\\Case Desk',
    );
    expect(defaultDataDir({ env: { USERPROFILE: 'C:\\Users\\al' }, platform: 'win32' })).toBe(
      'C:\\Users\\al\\AppData\\Roaming\\Case Desk',
    );
  });

  it('CASE_DESK_DATA_DIR wins, made absolute', () => {
    expect(dataDirFromEnv({ env: { CASE_DESK_DATA_DIR: '/tmp/cd' }, platform: 'linux', home: '/h' })).toBe(
      '/tmp/cd',
    );
    expect(dataDirFromEnv({ env: { CASE_DESK_DATA_DIR: 'rel' }, cwd: '/work', platform: 'linux' })).toBe(
      '/work/rel',
    );
    expect(dataDirFromEnv({ env: { CASE_DESK_DATA_DIR: ' ' }, platform: 'linux', home: '/h' })).toBe(
      '/h/.config/case-desk',
    );
  });
});
