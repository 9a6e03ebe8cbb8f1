/**
 * Profiles with their secrets (issue 4): the non-secret part in a ProfileStore, the secret in the OS
 * keychain (or, when the investigator chooses so, in memory for this run only). Adding or changing how a
 * profile connects tests the connection first; nothing is saved when the test fails. Results are
 * ProfileViews: they say whether a secret is available, never what it is. Only `secretFor` and
 * `connectionFor` hand the secret out, for the main process to build a client with.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_PROFILE_ID, DEMO_PROFILE_LABEL } from '../../../src-shared/domain/profile.js';
import type {
  DemoProfileView,
  KeychainStatus,
  ProfileView,
  TenantProfileView,
} from '../../../src-shared/domain/profile.js';
import type { RegionName } from '../../../src-shared/domain/regions.js';
import { AppError, validationError } from '../ipc/app-error.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import { incydrClientFactory, testConnection } from './connection-test.js';
import type { ClientFactory, ConnectionTestResult, Credentials } from './connection-test.js';
import type { ProfileStore } from './profile-store.js';
import { clientIdProblem, labelProblem, resolveEndpoint, sameLabel, secretProblem } from './profiles.js';
import type { Profile, ProfilesFile } from './profiles.js';
import { KeychainUnavailableError, SessionSecretStore, isKeychainUnavailable } from './secret-store.js';
import type { SecretStore } from './secret-store.js';

export interface ProfileServiceOptions {
  store: ProfileStore;
  /** The OS keychain (KeytarSecretStore in the app and the CLI). */
  keychain: SecretStore;
  /** Secrets kept for this run only; default a new, empty one. */
  session?: SessionSecretStore;
  /** Makes the client a connection test uses; default a real IncydrClient. */
  clients?: ClientFactory;
  logger?: Logger;
  now?: () => Date;
  newId?: () => string;
}

export interface AddProfileInput {
  label: string;
  /** A region name (see REGIONS) or `baseUrl`, not both. */
  region?: RegionName | string;
  baseUrl?: string;
  clientId: string;
  secret: string;
}

export interface UpdateProfileInput {
  label?: string;
  /** A new region or URL (not both); leave both out to keep the current one. */
  region?: RegionName | string;
  baseUrl?: string;
  clientId?: string;
  /** A new secret; the old one is replaced and never returned. */
  secret?: string;
}

export interface SecretOptions {
  /** Keep the secret in memory for this run only, never in the keychain. */
  sessionOnly?: boolean;
}

export interface RemovedProfile {
  profileId: string;
  label: string;
  /** The keychain held a secret for it, and it was removed. */
  keychainEntryRemoved: boolean;
  /** Set when the keychain could not be reached: a sentence saying the entry may still be there. */
  keychainProblem?: string;
}

export interface ProfileTestResult extends ConnectionTestResult {
  profileId: string;
}

/** What the main process needs to connect: the secret included. Never send this to the renderer. */
export interface ProfileConnection extends Credentials {
  profileId: string;
  label: string;
}

export class ProfileService {
  private readonly store: ProfileStore;
  private readonly keychain: SecretStore;
  private readonly session: SessionSecretStore;
  private readonly clients: ClientFactory;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly newId: () => string;
  /** Changes to the file run one at a time (read, change, write). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: ProfileServiceOptions) {
    this.store = options.store;
    this.keychain = options.keychain;
    this.session = options.session ?? new SessionSecretStore();
    this.clients = options.clients ?? incydrClientFactory();
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  /** Whether the keychain can hold secrets now; if not, why, in a plain sentence. */
  keychainStatus(): Promise<KeychainStatus> {
    return this.keychain.status();
  }

  /** The demo workspace first, then the saved profiles by label. */
  async list(): Promise<ProfileView[]> {
    const file = await this.store.read();
    const sorted = [...file.profiles].sort((a, b) =>
      a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }),
    );
    const views: ProfileView[] = [demoView(file)];
    let keychainWorks = true;
    for (const profile of sorted) {
      let inKeychain = false;
      if (keychainWorks && !this.session.has(profile.id)) {
        try {
          inKeychain = (await this.keychain.get(profile.id)) !== null;
        } catch (error) {
          if (!isKeychainUnavailable(error)) throw error;
          keychainWorks = false; // ask once: a missing keychain would fail (or time out) for each profile
        }
      }
      views.push(this.view(profile, file, inKeychain));
    }
    return views;
  }

  /** A profile by ID or label (labels ignore case). */
  async get(ref: string): Promise<ProfileView> {
    const file = await this.store.read();
    if (isDemoRef(ref)) return demoView(file);
    const profile = findProfile(file, ref);
    return this.view(profile, file, await this.inKeychain(profile.id));
  }

  /**
   * Checks the input, tests the connection, then stores the secret (keychain, or memory with
   * `sessionOnly`) and the profile. Without `sessionOnly` and without a keychain it fails with
   * KEYCHAIN_UNAVAILABLE and saves nothing: the secret is never written in plain text. The first
   * profile added while none is selected becomes the selected one.
   */
  async add(input: AddProfileInput, options: SecretOptions = {}): Promise<TenantProfileView> {
    const label = checkedLabel(input.label);
    const endpoint = resolveEndpoint(endpointInput(input));
    const clientId = checkedClientId(input.clientId);
    const secret = checkedSecret(input.secret);
    checkLabelFree(await this.store.read(), label);
    if (!options.sessionOnly) await this.requireKeychain();
    await testConnection(this.clients, { baseUrl: endpoint.baseUrl, clientId, clientSecret: secret });

    return this.serially(async () => {
      const file = await this.store.read();
      checkLabelFree(file, label); // again: another add may have taken the label during the test
      const profile: Profile = {
        id: this.newId(),
        label,
        ...(endpoint.region === undefined ? {} : { region: endpoint.region }),
        baseUrl: endpoint.baseUrl,
        clientId,
        createdAt: this.now().toISOString(),
      };
      const target = options.sessionOnly ? this.session : this.keychain;
      await target.set(profile.id, secret);
      const next: ProfilesFile = {
        ...file,
        selectedProfileId: file.selectedProfileId ?? profile.id,
        profiles: [...file.profiles, profile],
      };
      try {
        await this.store.write(next);
      } catch (error) {
        await target.delete(profile.id).catch(() => false);
        throw error;
      }
      this.logger.info('added a profile', {
        profileId: profile.id,
        label,
        baseUrl: profile.baseUrl,
        clientId,
        sessionOnly: Boolean(options.sessionOnly),
      });
      return this.view(profile, next, !options.sessionOnly);
    });
  }

  /**
   * Changes a profile. A new URL, client ID or secret is tested first (with the new secret, or the
   * saved one). A new secret replaces the old one, which is never returned; `sessionOnly` keeps the
   * new one in memory and removes the keychain entry.
   */
  async update(
    ref: string,
    changes: UpdateProfileInput,
    options: SecretOptions = {},
  ): Promise<TenantProfileView> {
    if (isDemoRef(ref)) throw builtInDemo('changed');
    const before = await this.store.read();
    const current = findProfile(before, ref);
    const label = changes.label === undefined ? current.label : checkedLabel(changes.label);
    const moving = nonEmpty(changes.region) || nonEmpty(changes.baseUrl);
    const endpoint = moving
      ? resolveEndpoint(endpointInput(changes))
      : { ...(current.region === undefined ? {} : { region: current.region }), baseUrl: current.baseUrl };
    const clientId = changes.clientId === undefined ? current.clientId : checkedClientId(changes.clientId);
    const newSecret = changes.secret === undefined ? undefined : checkedSecret(changes.secret);
    checkLabelFree(before, label, current.id);
    if (newSecret !== undefined && !options.sessionOnly) await this.requireKeychain();
    const retest =
      endpoint.baseUrl !== current.baseUrl || clientId !== current.clientId || newSecret !== undefined;
    if (retest) {
      const clientSecret = newSecret ?? (await this.secretFor(current.id));
      await testConnection(this.clients, { baseUrl: endpoint.baseUrl, clientId, clientSecret });
    }

    return this.serially(async () => {
      const file = await this.store.read();
      const profile = findProfile(file, current.id);
      checkLabelFree(file, label, profile.id);
      const updated: Profile = {
        id: profile.id,
        label,
        ...(endpoint.region === undefined ? {} : { region: endpoint.region }),
        baseUrl: endpoint.baseUrl,
        clientId,
        createdAt: profile.createdAt,
        ...(profile.lastUsedAt === undefined ? {} : { lastUsedAt: profile.lastUsedAt }),
      };
      const next: ProfilesFile = {
        ...file,
        profiles: file.profiles.map((p) => (p.id === profile.id ? updated : p)),
      };
      const undo =
        newSecret === undefined ? undefined : await this.replaceSecret(profile.id, newSecret, options);
      try {
        await this.store.write(next);
      } catch (error) {
        await undo?.().catch(() => undefined);
        throw error;
      }
      this.logger.info('changed a profile', {
        profileId: profile.id,
        label,
        baseUrl: updated.baseUrl,
        clientId,
        newSecret: newSecret !== undefined,
      });
      return this.view(updated, next, await this.inKeychain(profile.id));
    });
  }

  /** Removes the profile and its secret (keychain entry and memory). The demo workspace stays. */
  remove(ref: string): Promise<RemovedProfile> {
    if (isDemoRef(ref)) return Promise.reject(builtInDemo('removed'));
    return this.serially(async () => {
      const file = await this.store.read();
      const profile = findProfile(file, ref);
      const result: RemovedProfile = {
        profileId: profile.id,
        label: profile.label,
        keychainEntryRemoved: false,
      };
      try {
        result.keychainEntryRemoved = await this.keychain.delete(profile.id);
      } catch (error) {
        if (!isKeychainUnavailable(error)) throw error;
        result.keychainProblem = `The keychain could not be reached, so a secret saved there for "${profile.label}" may remain. ${error.message}`;
      }
      await this.session.delete(profile.id);
      await this.store.write({
        ...file,
        selectedProfileId: file.selectedProfileId === profile.id ? null : file.selectedProfileId,
        profiles: file.profiles.filter((p) => p.id !== profile.id),
      });
      this.logger.info('removed a profile', {
        profileId: profile.id,
        label: profile.label,
        keychainEntryRemoved: result.keychainEntryRemoved,
      });
      return result;
    });
  }

  /** Tests a saved profile's connection with its saved secret. */
  async test(ref: string): Promise<ProfileTestResult> {
    if (isDemoRef(ref))
      throw validationError(
        'profileId',
        'The demo workspace runs on this computer; there is nothing to test.',
      );
    const connection = await this.connectionFor(ref);
    const result = await testConnection(this.clients, connection);
    return { profileId: connection.profileId, ...result };
  }

  /** Makes this the profile that opens on start (and records when it was last used). */
  select(ref: string): Promise<ProfileView> {
    return this.serially(async () => {
      const file = await this.store.read();
      if (isDemoRef(ref)) {
        const next = { ...file, selectedProfileId: DEMO_PROFILE_ID };
        await this.store.write(next);
        return demoView(next);
      }
      const profile = findProfile(file, ref);
      const used: Profile = { ...profile, lastUsedAt: this.now().toISOString() };
      const next: ProfilesFile = {
        ...file,
        selectedProfileId: profile.id,
        profiles: file.profiles.map((p) => (p.id === profile.id ? used : p)),
      };
      await this.store.write(next);
      this.logger.info('selected a profile', { profileId: profile.id, label: profile.label });
      return this.view(used, next, await this.inKeychain(profile.id));
    });
  }

  /** The profile that opens on start, or null when none is chosen (or it was removed). */
  async selected(): Promise<ProfileView | null> {
    const file = await this.store.read();
    const id = file.selectedProfileId;
    if (id === null) return null;
    if (id === DEMO_PROFILE_ID) return demoView(file);
    const profile = file.profiles.find((p) => p.id === id);
    return profile ? this.view(profile, file, await this.inKeychain(profile.id)) : null;
  }

  /**
   * The secret of a saved profile: memory for this run first, then the keychain. MAIN PROCESS ONLY:
   * never log it, never return it over IPC.
   */
  async secretFor(ref: string): Promise<string> {
    if (isDemoRef(ref)) throw validationError('profileId', 'The demo workspace needs no secret.');
    const profile = findProfile(await this.store.read(), ref);
    const inMemory = await this.session.get(profile.id);
    if (inMemory !== null) return inMemory;
    const saved = await this.keychain.get(profile.id);
    if (saved === null) {
      throw new AppError('SECRET_MISSING', {
        message: `No secret is saved for the profile "${profile.label}". Enter its API client secret again.`,
        details: { profileId: profile.id },
      });
    }
    return saved;
  }

  /** URL, client ID and secret of a saved profile, for the main process to connect with. */
  async connectionFor(ref: string): Promise<ProfileConnection> {
    if (isDemoRef(ref)) {
      throw validationError(
        'profileId',
        'The demo workspace is opened by the app, not from saved credentials.',
      );
    }
    const profile = findProfile(await this.store.read(), ref);
    return {
      profileId: profile.id,
      label: profile.label,
      baseUrl: profile.baseUrl,
      clientId: profile.clientId,
      clientSecret: await this.secretFor(profile.id),
    };
  }

  /** Forgets every session-only secret (the app quitting). Keychain entries stay. */
  forgetSessionSecrets(): void {
    this.session.clear();
  }

  private async requireKeychain(): Promise<void> {
    const status = await this.keychain.status();
    if (!status.available) throw new KeychainUnavailableError(status.reason, status.message);
  }

  /** Stores a new secret where `options` says and returns how to put the old state back. */
  private async replaceSecret(
    profileId: string,
    secret: string,
    options: SecretOptions,
  ): Promise<() => Promise<void>> {
    const oldSession = await this.session.get(profileId);
    if (options.sessionOnly) {
      await this.session.set(profileId, secret);
      // The keychain entry is stale now; a keychain that cannot be reached holds none we could reach.
      const oldKeychain = await this.keychain.get(profileId).catch(() => null);
      if (oldKeychain !== null) await this.keychain.delete(profileId).catch(() => false);
      return async () => {
        if (oldSession === null) await this.session.delete(profileId);
        else await this.session.set(profileId, oldSession);
        if (oldKeychain !== null) await this.keychain.set(profileId, oldKeychain);
      };
    }
    const oldKeychain = await this.keychain.get(profileId);
    await this.keychain.set(profileId, secret);
    await this.session.delete(profileId);
    return async () => {
      if (oldKeychain === null) await this.keychain.delete(profileId);
      else await this.keychain.set(profileId, oldKeychain);
      if (oldSession !== null) await this.session.set(profileId, oldSession);
    };
  }

  /** Whether the keychain holds a secret for it; false when the keychain cannot be reached. */
  private async inKeychain(profileId: string): Promise<boolean> {
    if (this.session.has(profileId)) return false;
    try {
      return (await this.keychain.get(profileId)) !== null;
    } catch (error) {
      if (isKeychainUnavailable(error)) return false;
      throw error;
    }
  }

  private view(profile: Profile, file: ProfilesFile, inKeychain: boolean): TenantProfileView {
    const sessionOnly = this.session.has(profile.id);
    return {
      kind: 'tenant',
      profileId: profile.id,
      label: profile.label,
      region: profile.region ?? null,
      baseUrl: profile.baseUrl,
      clientId: profile.clientId,
      hasSecret: sessionOnly || inKeychain,
      sessionOnly,
      createdAt: profile.createdAt,
      lastUsedAt: profile.lastUsedAt ?? null,
      selected: file.selectedProfileId === profile.id,
    };
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function demoView(file: ProfilesFile): DemoProfileView {
  return {
    kind: 'demo',
    profileId: DEMO_PROFILE_ID,
    label: DEMO_PROFILE_LABEL,
    region: null,
    baseUrl: null,
    clientId: null,
    hasSecret: true,
    sessionOnly: false,
    createdAt: null,
    lastUsedAt: null,
    selected: file.selectedProfileId === DEMO_PROFILE_ID,
  };
}

function isDemoRef(ref: string): boolean {
  const wanted = ref.trim().toLowerCase();
  return wanted === DEMO_PROFILE_ID || wanted === DEMO_PROFILE_LABEL.toLowerCase();
}

function builtInDemo(what: 'changed' | 'removed'): AppError {
  return validationError('profileId', `The demo workspace is built in and cannot be ${what}.`);
}

/** By ID first, then by label (ignoring case). */
export function findProfile(file: ProfilesFile, ref: string): Profile {
  const byId = file.profiles.find((p) => p.id === ref);
  const found = byId ?? file.profiles.find((p) => sameLabel(p.label, ref));
  if (found === undefined) {
    throw new AppError('NOT_FOUND', { message: `There is no profile "${ref.trim()}".` });
  }
  return found;
}

function checkLabelFree(file: ProfilesFile, label: string, exceptId?: string): void {
  const taken = file.profiles.find((p) => p.id !== exceptId && sameLabel(p.label, label));
  if (taken) throw validationError('label', `Another profile is already called "${taken.label}".`);
}

function checkedLabel(label: string): string {
  const problem = labelProblem(label);
  if (problem !== undefined) throw validationError('label', problem);
  return label.trim();
}

function checkedClientId(clientId: string): string {
  const problem = clientIdProblem(clientId);
  if (problem !== undefined) throw validationError('clientId', problem);
  return clientId.trim();
}

/** Surrounding whitespace is dropped (a pasted secret often brings some); the rest is kept as given. */
function checkedSecret(secret: string): string {
  const trimmed = secret.trim();
  const problem = secretProblem(trimmed);
  if (problem !== undefined) throw validationError('secret', problem);
  return trimmed;
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function endpointInput(input: { region?: string; baseUrl?: string }): { region?: string; baseUrl?: string } {
  return {
    ...(input.region === undefined ? {} : { region: input.region }),
    ...(input.baseUrl === undefined ? {} : { baseUrl: input.baseUrl }),
  };
}
