export { DEMO_DEFAULTS, DEMO_LABEL, DISCONNECTED, SessionManager } from './session-manager.js';
export type { ClientSource, ConnectRequest, SessionManagerOptions } from './session-manager.js';
