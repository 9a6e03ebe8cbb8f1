export * from './content-disposition.js';
export * from './save-stream.js';
