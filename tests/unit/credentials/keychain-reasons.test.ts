import { describe, expect, it } from 'vitest';
import { KEYCHAIN_SENTENCES, keychainProblem } from '../../../src-main/core/credentials/keychain-reasons.js';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('keychainProblem', () => {
  it.each([
    // Linux: no D-Bus session at all, or one without a Secret Service on it.
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-secret-service'],
    ['Could not connect: No such file or directory', 'no-secret-service'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-secret-service'],
    [
      'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable',
      'no-secret-service',
    ],
    // Locked keyring, dismissed prompt, no default keyring (creating one needs a prompt), macOS refusals.
    ['Cannot create an item in a locked collection', 'locked'],
    ['The user dismissed the prompt', 'locked'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['User canceled the operation.', 'locked'],
    ['User interaction is not allowed.', 'locked'],
    // keytar not there, or its native part not loadable.
    ["Cannot find package 'keytar' imported from /app/src/keytar-store.ts", 'not-installed'],
    ["Cannot find module '../build/Release/keytar.node'", 'not-installed'],
    ['libsecret-1.so.0: cannot open shared object file: No such file or directory', 'not-installed'],
    [
      'The module keytar.node was compiled against a different Node.js version using NODE_MODULE_VERSION 115.',
      'not-installed',
    ],
    // Anything else.
    ['Something unexpected happened', 'error'],
  ] as const)('%s -> %s', (message, reason) => {
    const problem = keychainProblem(new Error(message));
    expect(problem.reason).toBe(reason);
    expect(problem.message).toBe(KEYCHAIN_SENTENCES[reason]);
  });

  it('reads the error code as well as the message', () => {
    expect(keychainProblem(withCode('whatever', 'ERR_MODULE_NOT_FOUND')).reason).toBe('not-installed');
    expect(keychainProblem(withCode('whatever', 'ERR_DLOPEN_FAILED')).reason).toBe('not-installed');
  });

  it('treats any failure to load keytar as not installed', () => {
    expect(keychainProblem(new Error('Unexpected token'), true).reason).toBe('not-installed');
  });

  it('says what happened and what to do, in plain words', () => {
    for (const sentence of Object.values(KEYCHAIN_SENTENCES)) {
      expect(sentence).toMatch(/secret cannot be saved/u);
      expect(sentence).toMatch(/session only/u);
      expect(sentence).not.toMatch(/D-Bus|dbus|ERR_|\.node/u);
    }
    expect(KEYCHAIN_SENTENCES.locked).toMatch(/Unlock it/u);
  });
});
