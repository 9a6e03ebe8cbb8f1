export { ProfileService, findProfile } from './profile-service.js';
export type {
  AddProfileInput,
  ProfileConnection,
  ProfileServiceOptions,
  ProfileTestResult,
  RemovedProfile,
  SecretOptions,
  UpdateProfileInput,
} from './profile-service.js';
export { FileProfileStore, PROFILES_FILE_NAME } from './profile-store.js';
export type { ProfileStore } from './profile-store.js';
export { emptyProfilesFile, resolveEndpoint } from './profiles.js';
export type { Endpoint, Profile, ProfilesFile } from './profiles.js';
export { KeychainUnavailableError, SessionSecretStore, isKeychainUnavailable } from './secret-store.js';
export type { KeychainReason, KeychainStatus, SecretStore } from './secret-store.js';
export { APP_ID, KeytarSecretStore, importKeytar } from './keytar-store.js';
export type { KeytarApi, KeytarSecretStoreOptions } from './keytar-store.js';
export {
  KEYCHAIN_CAUSES,
  KEYCHAIN_SENTENCES,
  SESSION_ONLY_HINT,
  keychainProblem,
} from './keychain-reasons.js';
export type { KeychainProblem } from './keychain-reasons.js';
export { connectionFailureSentence, incydrClientFactory, testConnection } from './connection-test.js';
export type { ClientFactory, ConnectionTestResult, Credentials, ProbeClient } from './connection-test.js';
export { DATA_DIR_ENV, dataDirFromEnv, defaultDataDir } from './data-dir.js';
