export { ATTACH_BATCH_SIZE, attachEvents } from './attach.js';
export type { AttachClient, AttachProgress } from './attach.js';
