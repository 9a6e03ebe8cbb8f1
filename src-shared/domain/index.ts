export * from './case.js';
export * from './file-event.js';
export * from './people.js';
export * from './problems.js';
export * from './profile.js';
export * from './regions.js';
export * from './views.js';
export * from './exports.js';
