/**
 * Imported first by the credentials tests that must run with NO Secret Service: a temp HOME, a D-Bus
 * address that points nowhere, no X11 or Wayland display (so D-Bus cannot be autolaunched). keytar is
 * loaded lazily, so these settings are in place before libsecret first looks at the environment.
 */
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const saved = {
  HOME: process.env['HOME'],
  DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'],
  DISPLAY: process.env['DISPLAY'],
  WAYLAND_DISPLAY: process.env['WAYLAND_DISPLAY'],
  XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'],
};

export const testHome = realpathSync(mkdtempSync(join(tmpdir(), 'case-desk-nokeychain-')));
process.env['HOME'] = testHome;
process.env['DBUS_SESSION_BUS_ADDRESS'] = `unix:path=${join(testHome, 'no-such-bus')}`;
delete process.env['DISPLAY'];
delete process.env['WAYLAND_DISPLAY'];
delete process.env['XDG_CONFIG_HOME'];

export function restoreEnv(): void {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
