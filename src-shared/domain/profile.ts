/**
 * What the renderer and the CLI see of a saved connection (design.md §2): never the secret, only
 * whether one is available and whether it lives in memory for this run only.
 */
import type { RegionName } from './regions.js';

/** The built-in demo workspace's profile ID (it is not stored in the profiles file). */
export const DEMO_PROFILE_ID = 'demo';
export const DEMO_PROFILE_LABEL = 'Demo workspace';

/** Longest profile label. */
export const PROFILE_LABEL_MAX = 64;

export interface TenantProfileView {
  kind: 'tenant';
  profileId: string;
  label: string;
  /** The region, when the URL is one of the ten regional gateways. */
  region: RegionName | null;
  /** No trailing slash. */
  baseUrl: string;
  clientId: string;
  /** A secret is available now (in the keychain, or in memory for this run). */
  hasSecret: boolean;
  /** The secret is kept in memory for this run only (no keychain, or the investigator chose so). */
  sessionOnly: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  /** The profile that opens on start. */
  selected: boolean;
}

export interface DemoProfileView {
  kind: 'demo';
  profileId: typeof DEMO_PROFILE_ID;
  label: string;
  region: null;
  /** The demo emulator's address is chosen when it starts. */
  baseUrl: null;
  clientId: null;
  hasSecret: true;
  sessionOnly: false;
  createdAt: null;
  lastUsedAt: null;
  selected: boolean;
}

export type ProfileView = TenantProfileView | DemoProfileView;

/** Why the system keychain cannot be used (see KeychainStatus). */
export const KEYCHAIN_REASONS = ['no-secret-service', 'locked', 'not-installed', 'error'] as const;
export type KeychainReason = (typeof KEYCHAIN_REASONS)[number];

export type KeychainStatus =
  | { available: true }
  | {
      available: false;
      reason: KeychainReason;
      /** A plain sentence for the investigator. */
      message: string;
    };

/** `profiles.list`: every profile (the demo workspace first), the one that opens on start, the keychain. */
export interface ProfileList {
  profiles: ProfileView[];
  /** The profile that opens on start (`demo` for the demo workspace), or null. */
  selectedId: string | null;
  keychain: KeychainStatus;
}

/** `profiles.remove`: what was removed, and whether its keychain entry went with it. */
export interface RemovedProfileView {
  profileId: string;
  label: string;
  keychainEntryRemoved: boolean;
  /** Set when the keychain could not be reached: a sentence saying the entry may still be there. */
  keychainProblem?: string;
}

/** `profiles.test`: the connection works; the tenant the credentials belong to. */
export interface ProfileTestView {
  profileId: string;
  tenantId: string;
}
