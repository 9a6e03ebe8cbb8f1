/**
 * Where the CLI connects. Today: the official SDK's environment variables. Profiles (a later issue)
 * slot in here: `resolveConnection` is the one place that turns the command line and the environment
 * into a URL and credentials.
 */
import { UsageError } from './errors.js';

export interface Connection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export const CONNECTION_ENV = {
  url: 'INCYDR_URL',
  clientId: 'INCYDR_API_CLIENT_ID',
  clientSecret: 'INCYDR_API_CLIENT_SECRET',
} as const;

export interface ConnectionRequest {
  env: Readonly<Record<string, string | undefined>>;
  /** Reserved for `--profile NAME`; not read yet. */
  profile?: string;
}

export function resolveConnection(request: ConnectionRequest): Connection {
  if (request.profile !== undefined) {
    throw new UsageError('Profiles are not supported by the command line yet; use the INCYDR_* variables.');
  }
  const value = (name: string): string | undefined => {
    const raw = request.env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const baseUrl = value(CONNECTION_ENV.url);
  const clientId = value(CONNECTION_ENV.clientId);
  const clientSecret = value(CONNECTION_ENV.clientSecret);
  const missing: string[] = [
    baseUrl === undefined ? CONNECTION_ENV.url : undefined,
    clientId === undefined ? CONNECTION_ENV.clientId : undefined,
    clientSecret === undefined ? CONNECTION_ENV.clientSecret : undefined,
  ].filter((name) => name !== undefined);
  if (baseUrl === undefined || clientId === undefined || clientSecret === undefined) {
    const list =
      missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    throw new UsageError(
      `${list} ${missing.length === 1 ? 'is' : 'are'} not set. Set ${CONNECTION_ENV.url} (e.g. https://api.us.code42.com), ` +
        `${CONNECTION_ENV.clientId} and ${CONNECTION_ENV.clientSecret} to connect.`,
    );
  }
  return { baseUrl, clientId, clientSecret };
}
