/** Native dialogs, attached to the app window when there is one. */
import { dialog } from 'electron';
import type { BrowserWindow, MessageBoxOptions, OpenDialogOptions } from 'electron';

export async function chooseFolder(
  parent: BrowserWindow | null,
  title = 'Choose a folder',
  defaultPath?: string,
): Promise<string | null> {
  const options: OpenDialogOptions = {
    title,
    properties: ['openDirectory', 'createDirectory'],
    ...(defaultPath === undefined ? {} : { defaultPath }),
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Resolves true only when the investigator picks the confirm button; Escape and close mean no. */
export async function confirm(
  parent: BrowserWindow | null,
  message: string,
  detail?: string,
  confirmLabel = 'Continue',
): Promise<boolean> {
  const options: MessageBoxOptions = {
    type: 'question',
    message,
    buttons: ['Cancel', confirmLabel],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    ...(detail === undefined ? {} : { detail }),
  };
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  return response === 1;
}
