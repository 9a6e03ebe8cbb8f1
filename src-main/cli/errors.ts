/**
 * Exit codes and error printing. 0 success; 1 the API, the network or the disk failed (the problem code
 * and a plain sentence on stderr); 2 the command line itself was wrong (commander's errors included).
 */
import { CommanderError } from 'commander';
import { isIncydrError } from '../core/incydr/index.js';
import { isAppError } from '../core/ipc/app-error.js';
import { safeText } from './output/safe-text.js';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake on the command line or in its input: printed as `error: <message>`, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure that is not an IncydrError but has a code and a sentence (e.g. an unknown email). */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** An error with code VALIDATION comes from checks of our own input, so it is a usage error. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if ((isIncydrError(error) || isAppError(error)) && error.code === 'VALIDATION') return EXIT.usage;
  return EXIT.failure;
}

/** The one line (two with the server's words) printed on stderr for a failure. */
export function describeError(error: unknown): string {
  if (error instanceof UsageError) return `error: ${safeText(error.message)}`;
  if (isIncydrError(error)) {
    const description = error.description ? ` (server: ${safeText(error.description)})` : '';
    const status = error.code === 'VALIDATION' ? '' : `${error.code}: `;
    return `error: ${status}${safeText(error.message)}${description}`;
  }
  if (error instanceof CliFailure) return `error: ${error.code}: ${safeText(error.message)}`;
  // The app's own errors (profiles, keychain, settings) carry a sentence written for people.
  if (isAppError(error)) {
    const status = error.code === 'VALIDATION' ? '' : `${error.code}: `;
    return `error: ${status}${safeText(error.message)}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `error: UNKNOWN: ${safeText(message)}`;
}
