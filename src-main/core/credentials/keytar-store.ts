/**
 * The SecretStore over keytar: service = the app's ID, account = the profile ID. keytar is loaded on
 * first use, inside a try: "keytar did not build or load" is treated exactly like "no keychain"
 * (design.md §3). Every keytar failure becomes a KeychainUnavailableError with a plain sentence.
 */
import type { KeychainStatus } from '../../../src-shared/domain/profile.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import { keychainProblem } from './keychain-reasons.js';
import { KeychainUnavailableError } from './secret-store.js';
import type { SecretStore } from './secret-store.js';

/** The app's ID (electron-builder.yml `appId`): the keychain service every entry is filed under. */
export const APP_ID = 'com.casedesk.app';

/** The part of keytar this store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * Imports keytar. The specifier is a variable so the type checker and the bundler leave the optional
 * native module alone: a machine where it did not install still builds and type-checks.
 */
export async function importKeytar(): Promise<KeytarApi> {
  const specifier = 'keytar';
  const loaded = (await import(specifier)) as Partial<KeytarApi> & { default?: Partial<KeytarApi> };
  // keytar is CommonJS: its exports object is the default export (Node's named-export guess is partial).
  for (const candidate of [loaded.default, loaded]) {
    if (
      candidate !== undefined &&
      typeof candidate.getPassword === 'function' &&
      typeof candidate.setPassword === 'function' &&
      typeof candidate.deletePassword === 'function'
    ) {
      return candidate as KeytarApi;
    }
  }
  throw new Error('Cannot find module keytar: it loaded without its functions.');
}

export interface KeytarSecretStoreOptions {
  /** Default APP_ID. */
  service?: string;
  /** Default importKeytar; tests pass a failing or fake loader. */
  load?: () => Promise<KeytarApi>;
  /** keytar's raw words go here (the log redacts the home folder); default silent. */
  logger?: Logger;
}

/** The account of the status probe: not a profile ID (those are UUIDs), and never holds a secret. */
const PROBE_ACCOUNT = 'case-desk-keychain-check';

export class KeytarSecretStore implements SecretStore {
  readonly service: string;
  private readonly load: () => Promise<KeytarApi>;
  private readonly logger: Logger;
  private loading: Promise<KeytarApi> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? APP_ID;
    this.load = options.load ?? importKeytar;
    this.logger = options.logger ?? silentLogger;
  }

  get(profileId: string): Promise<string | null> {
    return this.run('read', (k) => k.getPassword(this.service, account(profileId)));
  }

  async set(profileId: string, secret: string): Promise<void> {
    if (secret === '') throw new Error('An empty secret cannot be stored.');
    return this.run('save', (k) => k.setPassword(this.service, account(profileId), secret));
  }

  delete(profileId: string): Promise<boolean> {
    return this.run('remove', (k) => k.deletePassword(this.service, account(profileId)));
  }

  /**
   * Reads, writes and removes a marker entry: only a write shows a locked keychain or a missing
   * default keyring (libsecret answers reads from a locked collection with "nothing there").
   */
  async status(): Promise<KeychainStatus> {
    try {
      await this.run('check', async (k) => {
        await k.getPassword(this.service, PROBE_ACCOUNT);
        await k.setPassword(this.service, PROBE_ACCOUNT, 'keychain check (not a secret)');
        await k.deletePassword(this.service, PROBE_ACCOUNT);
      });
      return { available: true };
    } catch (error) {
      if (error instanceof KeychainUnavailableError) {
        return { available: false, reason: error.reason, message: error.message };
      }
      throw error;
    }
  }

  private keytar(): Promise<KeytarApi> {
    // A failed load is not cached: keytar may be installed later (e.g. after `npm rebuild`).
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      const problem = keychainProblem(error, true);
      this.logger.info('keytar did not load; secrets cannot be saved', { error: rawMessage(error) });
      throw new KeychainUnavailableError(problem.reason, problem.message);
    });
    return this.loading;
  }

  private async run<T>(action: string, work: (keytar: KeytarApi) => Promise<T>): Promise<T> {
    const keytar = await this.keytar();
    try {
      return await work(keytar);
    } catch (error) {
      const problem = keychainProblem(error);
      this.logger.info(`the keychain failed (${action})`, {
        reason: problem.reason,
        error: rawMessage(error),
      });
      throw new KeychainUnavailableError(problem.reason, problem.message);
    }
  }
}

function account(profileId: string): string {
  if (profileId.trim() === '') throw new Error('A keychain entry needs a profile ID.');
  return profileId;
}

function rawMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
