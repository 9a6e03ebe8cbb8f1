export { ViewStore, VIEW_GONE } from './view-store.js';
export type { ViewStoreOptions } from './view-store.js';
export { VIEWS_FILE_NAME } from './views-file.js';
