/**
 * The folder where Case Desk keeps its settings (profiles.json). The Electron shell passes
 * `app.getPath('userData')`; the CLI uses CASE_DESK_DATA_DIR, else this platform default.
 */
import { homedir } from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'CASE_DESK_DATA_DIR';

export interface DataDirContext {
  env: Readonly<Record<string, string | undefined>>;
  /** Default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Default the HOME / USERPROFILE of `env`, else `os.homedir()`. */
  home?: string;
}

/**
 * `$XDG_CONFIG_HOME/case-desk` or `~/.config/case-desk` on Linux and other Unix systems,
 * `~/Library/Application Support/Case Desk` on macOS, `%APPDATA%\Case Desk` on Windows.
 */
export function defaultDataDir(context: DataDirContext): string {
  const platform = context.platform ?? process.platform;
  const env = context.env;
  const set = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  if (platform === 'win32') {
    const home = context.home ?? set('USERPROFILE') ?? homedir();
    const appData = set('APPDATA') ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Case Desk');
  }
  const home = context.home ?? set('HOME') ?? homedir();
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Case Desk');
  // The XDG spec ignores a relative XDG_CONFIG_HOME.
  const xdg = set('XDG_CONFIG_HOME');
  const config = xdg !== undefined && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(config, 'case-desk');
}

/** CASE_DESK_DATA_DIR when set (made absolute against `cwd`), else the platform default. */
export function dataDirFromEnv(context: DataDirContext & { cwd?: string }): string {
  const chosen = context.env[DATA_DIR_ENV]?.trim();
  if (chosen) return path.resolve(context.cwd ?? process.cwd(), chosen);
  return defaultDataDir(context);
}
