/**
 * One investigator's session with two tenants, used with and without a keychain: add a profile (after a
 * refused secret), list cases through the client, switch to the other tenant, replace a secret, remove
 * a profile. It returns every ProfileService result and error, every session result and every log line,
 * plus the credentials a recording proxy saw on the wire, for the caller to search.
 */
import type { ProfileView } from '../../../src-shared/domain/profile.js';
import { ProfileService } from '../../../src-main/core/credentials/profile-service.js';
import { FileProfileStore } from '../../../src-main/core/credentials/profile-store.js';
import type { SecretStore } from '../../../src-main/core/credentials/secret-store.js';
import { SessionManager } from '../../../src-main/core/session/index.js';
import { createLogger } from '../../../src-main/core/log.js';
import { startEmulator } from '../../../src-main/emulator/server.js';
import { credentialsSeen, recordingProxy } from './helpers.js';

export const TENANT_A = { clientId: 'key-tenant-a', secret: 'Ten4nt-A-secret-9d27c1' };
export const TENANT_B = { clientId: 'key-tenant-b', secret: 'Ten4nt-B-secret-61fe0b' };
export const WRONG_SECRET = 'Wr0ng-secret-3b5a77';

export interface SessionRecord {
  results: unknown[];
  logLines: string[];
  bearers: string[];
  basics: string[];
  /** Case names each tenant showed (to prove the switch reached the other tenant). */
  casesSeen: { a: string[]; b: string[] };
}

export async function runFullSession(options: {
  dataDir: string;
  keychain: SecretStore;
  sessionOnly: boolean;
}): Promise<SessionRecord> {
  const emuA = await startEmulator({ cases: 6, seed: 101, ...asEmulator(TENANT_A) });
  const emuB = await startEmulator({ cases: 6, seed: 202, ...asEmulator(TENANT_B) });
  const proxyA = await recordingProxy(emuA.url);
  const proxyB = await recordingProxy(emuB.url);
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });
  const results: unknown[] = [];
  const keep = async <T>(work: Promise<T>): Promise<T> => {
    const value = await work;
    results.push(value);
    return value;
  };
  const keepError = async (work: Promise<unknown>): Promise<void> => {
    const error = await work.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => e,
    );
    const e = error as { code?: unknown; message?: unknown; details?: unknown };
    results.push({ code: e.code, message: e.message, details: e.details });
  };

  const service = new ProfileService({
    store: new FileProfileStore(options.dataDir),
    keychain: options.keychain,
    logger,
  });
  const session = new SessionManager({ logger });
  session.onChange((info) => results.push(info));
  const secretOptions = { sessionOnly: options.sessionOnly };
  const casesSeen = { a: [] as string[], b: [] as string[] };
  try {
    await keep(service.keychainStatus());
    await keepError(
      service.add(
        { label: 'Tenant A', baseUrl: proxyA.url, clientId: TENANT_A.clientId, secret: WRONG_SECRET },
        secretOptions,
      ),
    );
    const a = await keep(
      service.add(
        { label: 'Tenant A', baseUrl: proxyA.url, clientId: TENANT_A.clientId, secret: TENANT_A.secret },
        secretOptions,
      ),
    );
    const b = await keep(
      service.add(
        { label: 'Tenant B', baseUrl: proxyB.url, clientId: TENANT_B.clientId, secret: TENANT_B.secret },
        secretOptions,
      ),
    );
    await keep(service.list());

    // Open A (what the app does on start with the selected profile) and list its cases.
    const selectedA = await keep(service.selected());
    await keep(session.connect(await service.connectionFor((selectedA as ProfileView).profileId)));
    const pageA = await keep(session.client().getPage({ pgSize: 5 }));
    casesSeen.a = pageA.cases.map((c) => c.name);
    await keep(session.client().getCase(pageA.cases[0]?.number ?? 1));
    await keep(service.test(a.profileId));

    // Switch to B.
    await keep(service.select(b.profileId));
    await keep(session.connect(await service.connectionFor(b.profileId)));
    const pageB = await keep(session.client().getPage({ pgSize: 5 }));
    casesSeen.b = pageB.cases.map((c) => c.name);
    await keep(service.update(b.profileId, { secret: TENANT_B.secret }, secretOptions));
    await keepError(service.update(b.profileId, { secret: WRONG_SECRET }, secretOptions));
    await keep(service.get('tenant b'));

    // Remove A; B stays.
    await keep(service.remove(a.profileId));
    await keep(service.list());
    await keep(service.selected());
    await keep(session.disconnect());
  } finally {
    await session.disconnect();
    await proxyA.close();
    await proxyB.close();
    await emuA.close();
    await emuB.close();
  }
  return { results, logLines, ...credentialsSeen([...proxyA.seen, ...proxyB.seen]), casesSeen };
}

function asEmulator(tenant: { clientId: string; secret: string }): {
  clientId: string;
  clientSecret: string;
} {
  return { clientId: tenant.clientId, clientSecret: tenant.secret };
}
