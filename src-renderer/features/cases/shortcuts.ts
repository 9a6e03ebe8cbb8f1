/** The case list's keyboard shortcuts: what the sheet shows and when a key is the page's to take. */

export interface Shortcut {
  keys: string[];
  what: string;
}

export const SHORTCUTS: readonly { title: string; keys: readonly Shortcut[] }[] = [
  {
    title: 'Anywhere in the case list',
    keys: [
      { keys: ['/'], what: 'Search case names' },
      { keys: ['N'], what: 'New case' },
      { keys: ['?'], what: 'Show these shortcuts' },
      { keys: ['Esc'], what: 'Clear the selection' },
    ],
  },
  {
    title: 'In the list of cases',
    keys: [
      { keys: ['↑', '↓'], what: 'Previous or next case' },
      { keys: ['Page Up', 'Page Down'], what: 'A screenful up or down' },
      { keys: ['Home', 'End'], what: 'First or last case' },
      { keys: ['Enter'], what: 'Open the case' },
      { keys: ['Space'], what: 'Select or unselect the case' },
      { keys: ['Shift+↑', 'Shift+↓'], what: 'Extend the selection' },
      { keys: ['Ctrl+A', '⌘A'], what: 'Select every loaded case' },
    ],
  },
];

/** Whether a key press belongs to a field being typed in (or a dialog), not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog')) return true;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}
