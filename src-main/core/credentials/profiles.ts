/**
 * A profile: a saved connection to one Incydr tenant — a label, a region or a custom URL, and an API
 * client ID. The secret is not part of it (it lives in the keychain, keyed by the profile ID). Also the
 * rules a profile's fields follow, shared by the service and the settings file's reader.
 */
import { z } from 'zod';
import {
  DEMO_PROFILE_ID,
  DEMO_PROFILE_LABEL,
  PROFILE_LABEL_MAX,
} from '../../../src-shared/domain/profile.js';
import { REGIONS, REGION_NAMES, findRegion, regionForUrl } from '../../../src-shared/domain/regions.js';
import type { RegionName } from '../../../src-shared/domain/regions.js';
import { normalizeBaseUrl } from '../incydr/base-url.js';
import { isIncydrError } from '../incydr/errors.js';
import { validationError } from '../ipc/app-error.js';

export interface Profile {
  /** A UUID; also the keychain account of the profile's secret. */
  id: string;
  label: string;
  region?: RegionName;
  /** `https://…` (or `http://` to this computer), no trailing slash. */
  baseUrl: string;
  clientId: string;
  createdAt: string;
  lastUsedAt?: string;
}

/** The settings file `<dataDir>/profiles.json`. */
export interface ProfilesFile {
  version: 1;
  /** The profile that opens on start: a stored profile's ID or `demo`; null before any choice. */
  selectedProfileId: string | null;
  profiles: Profile[];
}

export function emptyProfilesFile(): ProfilesFile {
  return { version: 1, selectedProfileId: null, profiles: [] };
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Labels that would be confused with the built-in demo workspace. */
const RESERVED_LABELS = new Set([DEMO_PROFILE_ID, DEMO_PROFILE_LABEL.toLowerCase()]);

/** A label's problem, or undefined when it is fine. */
export function labelProblem(label: string): string | undefined {
  const trimmed = label.trim();
  if (trimmed === '') return 'A profile needs a name.';
  if (trimmed.length > PROFILE_LABEL_MAX) {
    return `A profile name can have at most ${PROFILE_LABEL_MAX} characters.`;
  }
  if (CONTROL.test(trimmed)) return 'A profile name cannot contain control or direction characters.';
  if (RESERVED_LABELS.has(trimmed.toLowerCase())) {
    return `"${trimmed}" is the built-in demo workspace; choose another name.`;
  }
  return undefined;
}

/** Case-insensitive label comparison (labels are unique regardless of case). */
export function sameLabel(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
}

export interface EndpointInput {
  region?: string;
  baseUrl?: string;
}

export interface Endpoint {
  region?: RegionName;
  baseUrl: string;
}

/**
 * A region name or a URL (exactly one) -> the profile's region and base URL. A URL that is one of the
 * regional gateways gets that region; any other must be `https://` (plain `http://` only to this
 * computer, by the client's own rules).
 */
export function resolveEndpoint(input: EndpointInput): Endpoint {
  const hasRegion = input.region !== undefined && input.region.trim() !== '';
  const hasUrl = input.baseUrl !== undefined && input.baseUrl.trim() !== '';
  if (hasRegion && hasUrl) throw validationError('baseUrl', 'Give a region or a URL, not both.');
  if (hasRegion) {
    const region = findRegion(input.region ?? '');
    if (region === undefined) {
      throw validationError(
        'region',
        `Unknown region "${input.region}". Regions: ${REGIONS.map((r) => r.name).join(', ')}.`,
      );
    }
    return { region: region.name, baseUrl: region.url };
  }
  if (!hasUrl) throw validationError('baseUrl', 'Choose a region or give the Incydr API URL.');
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(input.baseUrl ?? '').replace(/\/$/u, '');
  } catch (error) {
    if (isIncydrError(error) && error.code === 'VALIDATION') throw validationError('baseUrl', error.message);
    throw error;
  }
  const region = regionForUrl(baseUrl);
  return region ? { region: region.name, baseUrl: region.url } : { baseUrl };
}

export function clientIdProblem(clientId: string): string | undefined {
  const trimmed = clientId.trim();
  if (trimmed === '') return 'The API client ID is missing.';
  if (trimmed.length > 256 || CONTROL.test(trimmed) || /\s|:/u.test(trimmed)) {
    return 'The API client ID looks wrong: it is one word such as key-1a2b3c…, without spaces or colons.';
  }
  return undefined;
}

/** Checks a secret's shape without ever putting it in the message. */
export function secretProblem(secret: string): string | undefined {
  if (secret === '') return 'The API client secret is missing.';
  if (secret.length > 4096) return 'The API client secret is too long.';
  if (/[\r\n]/u.test(secret)) return 'The API client secret must be one line.';
  return undefined;
}

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not a date');

const profileSchema = z.object({
  id: z.uuid(),
  label: z.string().refine((v) => labelProblem(v) === undefined, 'not a valid profile name'),
  region: z.enum(REGION_NAMES).optional(),
  baseUrl: z.string().refine((v) => {
    try {
      normalizeBaseUrl(v);
      return true;
    } catch {
      return false;
    }
  }, 'not an allowed Incydr URL'),
  clientId: z.string().refine((v) => clientIdProblem(v) === undefined, 'not a valid client ID'),
  createdAt: isoDate,
  lastUsedAt: isoDate.optional(),
});

/** The file's schema: unknown keys are dropped (and so never written back), IDs and labels unique. */
export const profilesFileSchema = z
  .object({
    version: z.literal(1),
    selectedProfileId: z.string().min(1).nullable(),
    profiles: z.array(profileSchema),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const labels = new Set<string>();
    for (const [i, p] of file.profiles.entries()) {
      const label = p.label.trim().toLocaleLowerCase('en');
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: 'duplicate ID' });
      if (labels.has(label)) {
        ctx.addIssue({ code: 'custom', path: ['profiles', i, 'label'], message: 'duplicate name' });
      }
      ids.add(p.id);
      labels.add(label);
    }
  });
