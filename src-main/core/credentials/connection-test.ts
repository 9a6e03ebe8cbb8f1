/**
 * "Test the connection": `POST /v1/oauth` with the given credentials, and one clear sentence for each
 * way it can fail (issue 4). The client already sorts failures into codes; this names the host and says
 * what to check. The secret and the client's raw error text never reach the sentence.
 */
import { messageFor } from '../../../src-shared/domain/problems.js';
import { IncydrClient } from '../incydr/client.js';
import type { IncydrClientOptions } from '../incydr/client.js';
import { isIncydrError } from '../incydr/errors.js';
import { AppError, isAppError, validationError } from '../ipc/app-error.js';

export interface Credentials {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

/** The part of a client a connection test needs. */
export interface ProbeClient {
  authenticate(): Promise<void>;
  tenantId(): Promise<string>;
  close(): void;
}

export type ClientFactory = (credentials: Credentials) => ProbeClient;

/** The default factory: a real IncydrClient with the caller's tuning (timeouts, proxy agents, log). */
export function incydrClientFactory(
  tuning: Omit<IncydrClientOptions, 'baseUrl' | 'clientId' | 'clientSecret'> = {},
): ClientFactory {
  return (credentials) => new IncydrClient({ ...tuning, ...credentials });
}

export interface ConnectionTestResult {
  /** The tenant the credentials belong to (the token's `tenantUid` claim). */
  tenantId: string;
}

/** Authenticates once; a failure becomes an AppError with the code and a sentence naming the host. */
export async function testConnection(
  factory: ClientFactory,
  credentials: Credentials,
): Promise<ConnectionTestResult> {
  let client: ProbeClient;
  try {
    client = factory(credentials);
  } catch (error) {
    throw connectionFailure(error, credentials.baseUrl);
  }
  try {
    await client.authenticate();
    return { tenantId: await client.tenantId() };
  } catch (error) {
    throw connectionFailure(error, credentials.baseUrl);
  } finally {
    client.close();
  }
}

/** The sentence for a failed test, by code. */
export function connectionFailureSentence(code: string, baseUrl: string): string {
  const host = hostOf(baseUrl);
  switch (code) {
    case 'AUTH_FAILED':
      return `${host} refused the API client ID or secret. Check both, and that the API client is still active in the Incydr console.`;
    case 'HOST_NOT_FOUND':
      return `The address ${host} could not be found. Check the region or URL, and that this computer can reach it (network, VPN, DNS).`;
    case 'TLS':
      return `The secure connection to ${host} failed: its certificate is not trusted. If your network inspects TLS, ask for your company's CA certificate and set NODE_EXTRA_CA_CERTS to it.`;
    case 'PROXY':
      return `The proxy refused the connection to ${host}. Check HTTPS_PROXY and NO_PROXY, or ask your network team to allow ${host}.`;
    case 'TIMEOUT':
      return `${host} did not answer in time. Check the network, VPN or proxy, and try again.`;
    case 'NETWORK':
      return `Could not connect to ${host}. Check the URL and the network, and try again.`;
    case 'FORBIDDEN':
      return `${host} accepted the credentials but this API client is not allowed to use the API.`;
    case 'NOT_FOUND':
    case 'BAD_REQUEST':
    case 'BAD_RESPONSE':
      return `${host} did not answer like the Incydr API. Check the region or URL.`;
    default:
      return messageFor(code);
  }
}

function connectionFailure(error: unknown, baseUrl: string): unknown {
  if (isAppError(error)) return error;
  if (isIncydrError(error)) {
    if (error.code === 'VALIDATION') return validationError('baseUrl', error.message);
    return new AppError(error.code, {
      message: connectionFailureSentence(error.code, baseUrl),
      details: { host: hostOf(baseUrl) },
    });
  }
  return error;
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
