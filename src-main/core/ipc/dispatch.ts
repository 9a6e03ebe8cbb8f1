/**
 * The one wrapper every IPC request goes through, in Electron and in the browser test harness alike:
 * schema parse -> handler -> result envelope. (The Electron bridge checks the sender before this.)
 * Errors become values with a stable code, because Electron keeps only an Error's message.
 */
import { z } from 'zod';
import { messageFor } from '../../../src-shared/domain/problems.js';
import { requests } from '../../../src-shared/ipc/contract.js';
import type {
  IpcError,
  OutputOf,
  ParsedInputOf,
  RequestChannel,
  Result,
} from '../../../src-shared/ipc/contract.js';
import { isIncydrError } from '../incydr/errors.js';
import type { Logger } from '../log.js';
import { isAppError } from './app-error.js';

export type Handler<C extends RequestChannel> = (input: ParsedInputOf<C>) => Promise<OutputOf<C>>;
export type Handlers = { [C in RequestChannel]: Handler<C> };

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.hasOwn(requests, value);
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  logger?: Logger,
): Promise<Result<unknown>> {
  if (!isRequestChannel(channel)) {
    return failure({ code: 'VALIDATION', message: 'Unknown request channel.' });
  }
  const parsed = requests[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return failure({
      code: 'VALIDATION',
      message: messageFor('VALIDATION'),
      details: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    });
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return failure(toIpcError(error, channel, logger));
  }
}

/** Maps anything a handler throws to a code and sentence; internals never cross the boundary. */
export function toIpcError(error: unknown, channel: string, logger?: Logger): IpcError {
  if (isAppError(error)) {
    // The app's own errors are written for the investigator: their sentence and details cross as-is.
    const ipcError: IpcError = { code: error.code, message: error.message };
    if (error.details !== undefined) ipcError.details = error.details;
    return ipcError;
  }
  if (isIncydrError(error)) {
    const ipcError: IpcError = { code: error.code, message: messageFor(error.code) };
    const details: { description?: string; folder?: string } = {};
    if (error.description) details.description = error.description;
    // Disk errors name the folder, so the UI can say which one is full or gone (design.md §5).
    if (error.folder) details.folder = error.folder;
    if (Object.keys(details).length > 0) ipcError.details = details;
    return ipcError;
  }
  if (error instanceof z.ZodError) {
    return { code: 'VALIDATION', message: messageFor('VALIDATION') };
  }
  logger?.error(`unexpected error in ${channel}`, {
    error: error instanceof Error ? error.message : String(error),
  });
  return { code: 'UNKNOWN', message: messageFor('UNKNOWN') };
}

function failure(error: IpcError): Result<never> {
  return { ok: false, error };
}
