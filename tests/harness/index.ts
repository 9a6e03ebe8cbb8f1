export { startHarness, bundleBridge, injectBridge } from './server.js';
export { BRIDGE_SCRIPT_PATH, BRIDGE_SOCKET_PATH } from './paths.js';
export type { Harness, HarnessOptions } from './server.js';
export { createTestPlatform } from './test-platform.js';
export type { TestPlatform } from './test-platform.js';
export { UnavailableKeychain } from './unavailable-keychain.js';
