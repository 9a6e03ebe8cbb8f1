/** KeytarSecretStore against a real Secret Service (GNOME Keyring in a private D-Bus session). */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, KeytarSecretStore } from '../../src-main/core/credentials/keytar-store.js';
import { rawKeytar, requireSecretService } from './secret-service.js';

// Per test (not beforeAll): without a Secret Service each test must fail, not be skipped.
beforeEach(requireSecretService);

describe('keytar on a real Secret Service', () => {
  it('adds, reads, replaces and removes a secret', async () => {
    const store = new KeytarSecretStore();
    const id = randomUUID();
    expect(await store.get(id)).toBeNull();
    await store.set(id, 'F1rst-secret-value');
    expect(await store.get(id)).toBe('F1rst-secret-value');
    await store.set(id, 'Sec0nd-secret-value');
    expect(await store.get(id)).toBe('Sec0nd-secret-value');
    // Filed under the app ID, with the profile ID as the account.
    expect(await (await rawKeytar()).getPassword(APP_ID, id)).toBe('Sec0nd-secret-value');
    expect(await store.delete(id)).toBe(true);
    expect(await store.get(id)).toBeNull();
    expect(await store.delete(id)).toBe(false);
  });

  it('keeps several profiles side by side', async () => {
    const store = new KeytarSecretStore();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await Promise.all(ids.map((id, i) => store.set(id, `secret-${i}-${id.slice(0, 8)}`)));
    expect(await Promise.all(ids.map((id) => store.get(id)))).toEqual(
      ids.map((id, i) => `secret-${i}-${id.slice(0, 8)}`),
    );
    await store.set(ids[1] as string, 'replaced-middle');
    await store.delete(ids[0] as string);
    expect(await Promise.all(ids.map((id) => store.get(id)))).toEqual([
      null,
      'replaced-middle',
      `secret-2-${(ids[2] as string).slice(0, 8)}`,
    ]);
    // Another service name is another keychain entry: nothing leaks between them.
    const other = new KeytarSecretStore({ service: `${APP_ID}.other-test` });
    expect(await other.get(ids[1] as string)).toBeNull();
    for (const id of ids) await store.delete(id);
  });

  it('keeps a long secret with any characters exactly', async () => {
    const store = new KeytarSecretStore();
    const id = randomUUID();
    const secret = `ünïcödé-🔑-${'x'.repeat(1000)}-"quotes"-'single'-\\back`;
    await store.set(id, secret);
    expect(await store.get(id)).toBe(secret);
    await store.delete(id);
  });

  it('reports the keychain available and leaves no marker entry behind', async () => {
    const store = new KeytarSecretStore();
    expect(await store.status()).toEqual({ available: true });
    expect(await (await rawKeytar()).getPassword(APP_ID, 'case-desk-keychain-check')).toBeNull();
  });
});
