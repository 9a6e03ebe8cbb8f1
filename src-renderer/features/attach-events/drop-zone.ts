/**
 * Dropping files: the case page is a drop zone (a dropped file becomes an attach preview), and
 * everywhere else a drop does nothing at all. Without the guard, a file dropped on the window would
 * make the browser open it in place of the app (main also blocks that navigation, design.md §6).
 */

export const DROP_ZONE_ATTR = 'data-dropzone';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

function insideZone(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${DROP_ZONE_ATTR}]`) !== null;
}

/** Dragging text into a text field is ordinary editing, and stays allowed. */
function textIntoField(event: DragEvent): boolean {
  const target = event.target;
  if (hasFiles(event) || !(target instanceof HTMLElement)) return false;
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target.isContentEditable
  );
}

/**
 * Installs the window-wide guard; returns its removal. It listens in the capture phase, so no handler
 * that stops propagation can let a drop through.
 */
export function guardFileDrops(target: Window = window): () => void {
  const onDragOver = (event: DragEvent): void => {
    if (textIntoField(event) || (hasFiles(event) && insideZone(event.target))) return;
    // Cancelling dragover is what makes the drop ours rather than the browser's; "none" shows why.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  const onDrop = (event: DragEvent): void => {
    // Files (handled by a zone, if any) and dropped links never reach the browser's default.
    if (!textIntoField(event)) event.preventDefault();
  };
  target.addEventListener('dragover', onDragOver, true);
  target.addEventListener('drop', onDrop, true);
  return () => {
    target.removeEventListener('dragover', onDragOver, true);
    target.removeEventListener('drop', onDrop, true);
  };
}

export interface DropZoneOptions {
  /** The first dropped file. */
  ondrop: (file: File) => void;
  /** A file is being dragged over the zone (true) or left it (false), for the highlight. */
  onactive?: (active: boolean) => void;
}

/** A Svelte attachment that makes an element a drop zone for one file. */
export function dropZone(options: DropZoneOptions) {
  return (zone: HTMLElement): (() => void) => {
    zone.setAttribute(DROP_ZONE_ATTR, '');
    // dragenter/dragleave fire for every child crossed; count them to know when the file left.
    let depth = 0;
    const onEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth++;
      options.onactive?.(true);
    };
    const onLeave = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) options.onactive?.(false);
    };
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return; // text and links: the window's guard decides
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      options.onactive?.(false);
      const file = event.dataTransfer?.files[0];
      if (file) options.ondrop(file);
    };
    zone.addEventListener('dragenter', onEnter);
    zone.addEventListener('dragleave', onLeave);
    zone.addEventListener('dragover', onOver);
    zone.addEventListener('drop', onDrop);
    return () => {
      zone.removeAttribute(DROP_ZONE_ATTR);
      zone.removeEventListener('dragenter', onEnter);
      zone.removeEventListener('dragleave', onLeave);
      zone.removeEventListener('dragover', onOver);
      zone.removeEventListener('drop', onDrop);
    };
  };
}
