/**
 * Where the CLI connects: the one place that turns the command line, the environment and the saved
 * profiles into a URL and credentials. Precedence:
 *   1. `--profile NAME`                         (a saved profile, secret from the keychain)
 *   2. the INCYDR_* variables, when any is set  (as the official SDK; all three are then needed)
 *   3. the selected profile                      (`case-desk profiles use NAME`, or the app's last used)
 */
import { DEMO_PROFILE_ID } from '../../src-shared/domain/profile.js';
import { KEYCHAIN_CAUSES } from '../core/credentials/keychain-reasons.js';
import type { ProfileService } from '../core/credentials/profile-service.js';
import { isKeychainUnavailable } from '../core/credentials/secret-store.js';
import { isAppError } from '../core/ipc/app-error.js';
import { CliFailure, UsageError } from './errors.js';

export interface Connection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The saved profile it came from (its name); absent for the INCYDR_* variables. */
  profile?: string;
  /** That profile's ID. */
  profileId?: string;
}

export const CONNECTION_ENV = {
  url: 'INCYDR_URL',
  clientId: 'INCYDR_API_CLIENT_ID',
  clientSecret: 'INCYDR_API_CLIENT_SECRET',
} as const;

export interface ConnectionRequest {
  env: Readonly<Record<string, string | undefined>>;
  /** `--profile NAME` (a label, or a profile ID). */
  profile?: string;
  /** The saved profiles; opened only when a profile is needed. */
  profiles?: () => ProfileService;
}

const ENV_HINT =
  `Set ${CONNECTION_ENV.url} (e.g. https://api.us.code42.com), ${CONNECTION_ENV.clientId} and ` +
  `${CONNECTION_ENV.clientSecret} to connect`;

export async function resolveConnection(request: ConnectionRequest): Promise<Connection> {
  const value = (name: string): string | undefined => {
    const raw = request.env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const baseUrl = value(CONNECTION_ENV.url);
  const clientId = value(CONNECTION_ENV.clientId);
  const clientSecret = value(CONNECTION_ENV.clientSecret);

  if (request.profile !== undefined) return fromProfile(request, request.profile, '--profile');

  if (baseUrl !== undefined || clientId !== undefined || clientSecret !== undefined) {
    if (baseUrl === undefined || clientId === undefined || clientSecret === undefined) {
      throw new UsageError(`${missingList(baseUrl, clientId, clientSecret)}. ${ENV_HINT}.`);
    }
    return { baseUrl, clientId, clientSecret };
  }

  const selected = request.profiles ? await request.profiles().selected() : null;
  if (selected?.kind === 'tenant') return fromProfile(request, selected.profileId, 'selected');
  if (selected?.profileId === DEMO_PROFILE_ID) {
    throw new UsageError(
      'The selected profile is the demo workspace, which only the app opens. Choose a saved profile with ' +
        `--profile NAME or case-desk profiles use NAME, or set the INCYDR_* variables.`,
    );
  }
  throw new UsageError(
    `${missingList(baseUrl, clientId, clientSecret)}, and no profile is selected. Save one with ` +
      `case-desk profiles add NAME, or ${ENV_HINT.charAt(0).toLowerCase()}${ENV_HINT.slice(1)}.`,
  );
}

function missingList(baseUrl?: string, clientId?: string, clientSecret?: string): string {
  const missing: string[] = [
    baseUrl === undefined ? CONNECTION_ENV.url : undefined,
    clientId === undefined ? CONNECTION_ENV.clientId : undefined,
    clientSecret === undefined ? CONNECTION_ENV.clientSecret : undefined,
  ].filter((name) => name !== undefined);
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  return `${list} ${missing.length === 1 ? 'is' : 'are'} not set`;
}

async function fromProfile(
  request: ConnectionRequest,
  ref: string,
  how: '--profile' | 'selected',
): Promise<Connection> {
  if (!request.profiles) throw new UsageError('Profiles are not available here; use the INCYDR_* variables.');
  const profiles = request.profiles();
  try {
    const c = await profiles.connectionFor(ref);
    return {
      baseUrl: c.baseUrl,
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      profile: c.label,
      profileId: c.profileId,
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND' && how === '--profile') {
      const names = (await profiles.list()).filter((p) => p.kind === 'tenant').map((p) => p.label);
      const known =
        names.length > 0 ? ` Saved profiles: ${names.join(', ')}.` : ' No profiles are saved yet.';
      throw new UsageError(`--profile ${ref}: there is no such profile.${known}`);
    }
    throw cliKeychainFailure(error);
  }
}

/**
 * The app offers a session-only connection when there is no keychain; a command line has no session
 * to keep a secret in, so it points at the INCYDR_* variables instead.
 */
export function cliKeychainFailure(error: unknown): unknown {
  if (!isKeychainUnavailable(error)) return error;
  return new CliFailure(
    'KEYCHAIN_UNAVAILABLE',
    `${KEYCHAIN_CAUSES[error.reason]} Without a keychain the command line cannot keep a secret between ` +
      `runs; set ${CONNECTION_ENV.url}, ${CONNECTION_ENV.clientId} and ${CONNECTION_ENV.clientSecret} instead.`,
  );
}
