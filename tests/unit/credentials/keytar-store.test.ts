/** The keytar store's own logic with stand-in keytar modules (the real one: tests/keychain/). */
import { describe, expect, it } from 'vitest';
import { APP_ID, KeytarSecretStore } from '../../../src-main/core/credentials/keytar-store.js';
import type { KeytarApi } from '../../../src-main/core/credentials/keytar-store.js';
import { KEYCHAIN_SENTENCES } from '../../../src-main/core/credentials/keychain-reasons.js';
import { KeychainUnavailableError } from '../../../src-main/core/credentials/secret-store.js';
import { createLogger } from '../../../src-main/core/log.js';

/** An in-memory keytar that records each call as `op service/account`. */
function memoryKeytar(): KeytarApi & { calls: string[]; entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  return {
    calls,
    entries,
    getPassword: async (service, account) => {
      calls.push(`get ${service}/${account}`);
      return entries.get(`${service}/${account}`) ?? null;
    },
    setPassword: async (service, account, password) => {
      calls.push(`set ${service}/${account}`);
      entries.set(`${service}/${account}`, password);
    },
    deletePassword: async (service, account) => {
      calls.push(`delete ${service}/${account}`);
      return entries.delete(`${service}/${account}`);
    },
  };
}

function failingKeytar(message: string): KeytarApi {
  const fail = (): Promise<never> => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

describe('KeytarSecretStore', () => {
  it('files each secret under the app ID with the profile ID as the account', async () => {
    const keytar = memoryKeytar();
    const store = new KeytarSecretStore({ load: async () => keytar });
    await store.set('p-1', 'first');
    await store.set('p-2', 'second');
    await store.set('p-1', 'replaced');
    expect(await store.get('p-1')).toBe('replaced');
    expect(await store.get('p-2')).toBe('second');
    expect(await store.delete('p-1')).toBe(true);
    expect(await store.delete('p-1')).toBe(false);
    expect(await store.get('p-1')).toBeNull();
    expect(APP_ID).toBe('com.casedesk.app');
    expect([...keytar.entries.keys()]).toEqual([`${APP_ID}/p-2`]);
  });

  it('loads keytar once, on first use', async () => {
    let loads = 0;
    const keytar = memoryKeytar();
    const store = new KeytarSecretStore({
      load: async () => {
        loads++;
        return keytar;
      },
    });
    expect(loads).toBe(0);
    await Promise.all([store.get('a'), store.get('b'), store.status()]);
    expect(loads).toBe(1);
  });

  it('status() writes and removes a marker entry, leaving nothing behind', async () => {
    const keytar = memoryKeytar();
    const store = new KeytarSecretStore({ load: async () => keytar });
    expect(await store.status()).toEqual({ available: true });
    expect(keytar.calls.map((c) => c.split(' ')[0])).toEqual(['get', 'set', 'delete']);
    expect(keytar.entries.size).toBe(0);
  });

  it('treats "keytar did not load" exactly like "no keychain", and tries again later', async () => {
    let attempt = 0;
    const keytar = memoryKeytar();
    const lines: string[] = [];
    const store = new KeytarSecretStore({
      load: async () => {
        attempt++;
        if (attempt === 1) {
          throw Object.assign(new Error("Cannot find package 'keytar' imported from /x"), {
            code: 'ERR_MODULE_NOT_FOUND',
          });
        }
        return keytar;
      },
      logger: createLogger({ level: 'info', write: (line) => lines.push(line) }),
    });
    expect(await store.status()).toEqual({
      available: false,
      reason: 'not-installed',
      message: KEYCHAIN_SENTENCES['not-installed'],
    });
    expect(lines.join('\n')).toMatch(/keytar did not load.*Cannot find package/u);
    expect(await store.status()).toEqual({ available: true }); // installed in between
  });

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-secret-service'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['Some other failure', 'error'],
  ] as const)('maps "%s" from every call to KEYCHAIN_UNAVAILABLE (%s)', async (message, reason) => {
    const store = new KeytarSecretStore({ load: async () => failingKeytar(message) });
    expect(await store.status()).toMatchObject({ available: false, reason });
    for (const call of [() => store.get('p'), () => store.set('p', 's3cret'), () => store.delete('p')]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeychainUnavailableError);
      expect(error).toMatchObject({
        code: 'KEYCHAIN_UNAVAILABLE',
        reason,
        message: KEYCHAIN_SENTENCES[reason],
        details: { reason },
      });
    }
  });

  it('refuses an empty secret instead of storing it', async () => {
    const keytar = memoryKeytar();
    const store = new KeytarSecretStore({ load: async () => keytar });
    await expect(store.set('p', '')).rejects.toThrow(/empty secret/u);
    expect(keytar.calls).toEqual([]);
  });
});
