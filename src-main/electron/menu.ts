/** The application menu: standard roles, so labels and shortcuts are each platform's own. */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions as Item } from 'electron';

export interface MenuOptions {
  isMac: boolean;
  /** Reload and developer tools only in development builds. */
  isDev: boolean;
}

export function menuTemplate({ isMac, isDev }: MenuOptions): Item[] {
  const sep: Item = { type: 'separator' };
  const file: Item[] = isMac ? [{ role: 'close' }] : [{ role: 'close' }, sep, { role: 'quit' }];
  const edit: Item[] = [
    { role: 'undo' },
    { role: 'redo' },
    sep,
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ];
  const devTools: Item[] = isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep]
    : [];
  const view: Item[] = [
    ...devTools,
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    sep,
    { role: 'togglefullscreen' },
  ];
  const template: Item[] = [
    { label: '&File', submenu: file },
    { label: '&Edit', submenu: edit },
    { label: '&View', submenu: view },
    { role: 'windowMenu' },
  ];
  // On macOS the app menu comes first and holds About, Hide and Quit.
  return isMac
    ? [{ role: 'appMenu' }, ...template]
    : [...template, { label: '&Help', submenu: [{ role: 'about' }] }];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
