export { DEMO_DEFAULTS, DEMO_LABEL, DISCONNECTED, profileKeyFor, SessionManager } from './session-manager.js';
export type {
  ClientSource,
  ConnectRequest,
  SessionManagerOptions,
  SessionProfile,
  SessionTarget,
} from './session-manager.js';
export { openSelectedProfile, switchToProfile, targetFor } from './profile-switch.js';
export type { SwitchOptions } from './profile-switch.js';
