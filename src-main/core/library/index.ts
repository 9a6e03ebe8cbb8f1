export { ExportLibrary } from './export-library.js';
export type { ExportLibraryOptions, NewLibraryEntry } from './export-library.js';
export { hashFile } from './hash-file.js';
export { LIBRARY_FILE_NAME } from './library-file.js';
export { recordSingleDownloads } from './record-download.js';
export type { ProfileSource } from './record-download.js';
