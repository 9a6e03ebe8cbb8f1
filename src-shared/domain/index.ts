export * from './case.js';
export * from './file-event.js';
export * from './people.js';
export * from './problems.js';
