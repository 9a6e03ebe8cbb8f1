/**
 * keytar's raw failures, mapped to why the keychain cannot be used and a plain sentence. keytar passes
 * libsecret's, the macOS Security framework's or Windows' own words through, and Node's module loader
 * has its own for "keytar is not there or did not build": all of them end up as one KeychainReason.
 */
import type { KeychainReason } from '../../../src-shared/domain/profile.js';

export interface KeychainProblem {
  reason: KeychainReason;
  /** A plain sentence for the investigator. */
  message: string;
}

/** What is wrong, per reason (the first half of the sentence). */
export const KEYCHAIN_CAUSES: Record<KeychainReason, string> = {
  'no-secret-service':
    'No system keychain is running (on Linux: a Secret Service such as GNOME Keyring or KWallet), so the ' +
    'API client secret cannot be saved.',
  locked:
    'The system keychain is locked, not set up, or the request to unlock it was dismissed, so the API ' +
    'client secret cannot be saved. Unlock it and try again.',
  'not-installed':
    "Case Desk's keychain support (keytar) is not installed or did not load on this computer, so the API " +
    'client secret cannot be saved.',
  error: 'The system keychain reported an error, so the API client secret cannot be saved.',
};

/** What the app offers instead (the CLI says something else: it has no session to keep a secret in). */
export const SESSION_ONLY_HINT =
  'You can still connect for this session only: the secret is then kept in memory until Case Desk closes.';

export const KEYCHAIN_SENTENCES: Record<KeychainReason, string> = {
  'no-secret-service': `${KEYCHAIN_CAUSES['no-secret-service']} ${SESSION_ONLY_HINT}`,
  locked: `${KEYCHAIN_CAUSES.locked} ${SESSION_ONLY_HINT}`,
  'not-installed': `${KEYCHAIN_CAUSES['not-installed']} ${SESSION_ONLY_HINT}`,
  error: `${KEYCHAIN_CAUSES.error} ${SESSION_ONLY_HINT}`,
};

// Node could not find or load the module, or its native part (wrong Node ABI, libsecret missing).
const NOT_INSTALLED = [
  /cannot find (?:module|package)/iu,
  /ERR_MODULE_NOT_FOUND|MODULE_NOT_FOUND|ERR_DLOPEN_FAILED/u,
  /NODE_MODULE_VERSION/u,
  /was compiled against a different Node/iu,
  /cannot open shared object file/iu,
  /did not self-register/iu,
  /invalid ELF header|image not found|not a valid Win32 application/iu,
  /keytar\.node/iu,
];

// No D-Bus session, or nothing on it provides org.freedesktop.secrets.
const NO_SERVICE = [
  /org\.freedesktop\.secrets was not provided/iu,
  /ServiceUnknown/u,
  /Cannot autolaunch D-Bus/iu,
  /DBUS_SESSION_BUS_ADDRESS/u,
  /Could not connect:/iu,
  /Failed to connect to socket/iu,
  /Error spawning command line .*dbus-launch/iu,
  /No such interface .*org\.freedesktop\.Secret/iu,
];

// A locked keychain or collection, a dismissed unlock prompt, or a missing default keyring (creating
// it needs a prompt). macOS: -128 user cancelled, -25308 interaction not allowed, -25293 wrong password.
const LOCKED = [
  /locked/iu,
  /dismissed/iu,
  /prompt/iu,
  /collection\/login|no such secret collection|default collection/iu,
  /Object does not exist at path/iu,
  /user canceled|user cancelled/iu,
  /user interaction is not allowed/iu,
  /passphrase you entered is not correct/iu,
  /-128\b|-25308\b|-25293\b/u,
];

function rawText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** Why keytar failed, from its raw error (or the loader's, when `loading` is true). */
export function keychainProblem(error: unknown, loading = false): KeychainProblem {
  const text = rawText(error);
  let reason: KeychainReason;
  if (loading || NOT_INSTALLED.some((re) => re.test(text))) reason = 'not-installed';
  else if (NO_SERVICE.some((re) => re.test(text))) reason = 'no-secret-service';
  else if (LOCKED.some((re) => re.test(text))) reason = 'locked';
  else reason = 'error';
  return { reason, message: KEYCHAIN_SENTENCES[reason] };
}
