export * from './sanitize.js';
