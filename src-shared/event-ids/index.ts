export * from './types.js';
export { EVENT_ID_MAX_LENGTH, eventIdProblem, isValidEventId } from './validate.js';
export { ID_COLUMN_NAMES } from './parse-csv.js';
export { DEFAULT_MAX_CHARS, DEFAULT_MAX_MALFORMED, parseEventIds } from './parse.js';
export { previewAttach } from './preview.js';
export type { AttachPreview, PreviewAttachOptions } from './preview.js';
