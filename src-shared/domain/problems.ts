/**
 * Stable error codes: the API's own problem codes plus the app's. Every code has one plain sentence
 * that the CLI prints and the UI shows (design.md §2).
 */

/** Problem codes the Incydr API returns (incydr-api.md §2.16), in the order clients look for them. */
export const API_PROBLEM_CODES = [
  'NAME_EMPTY',
  'NAME_EXISTS',
  'NAME_TOO_LONG',
  'NO_EDITS_ONCE_CLOSED',
  'NO_EDITS_ONCE_ARCHIVED',
  'DESCRIPTION_TOO_LONG',
  'FINDINGS_TOO_LONG',
  'INVALID_CHAR_IN_REQUEST',
  'INVALID_PAGE_NUMBER',
  'INVALID_PAGE_SIZE',
  'INVALID_TIME_INTERVAL',
  'INVALID_USER',
  'USER_VALIDATION_UNAVAILABLE',
  'USER_VALIDATION_FORBIDDEN',
  'CASE_IS_CLOSED',
  'CASE_ALREADY_HAS_EVENT',
  'TOO_MANY_EVENTS',
  'EVENT_NOT_FOUND',
  'INVALID_EXPORT_OPTIONS',
  'PAGE_SIZE_TOO_SMALL',
  'PAGE_SIZE_TOO_LARGE',
  'PAGE_TOO_SMALL',
] as const;
export type ApiProblemCode = (typeof API_PROBLEM_CODES)[number];

/** Codes the app adds for conditions that are not an API problem body. */
export const APP_ERROR_CODES = [
  'AUTH_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'NETWORK',
  'TIMEOUT',
  'HOST_NOT_FOUND',
  'TLS',
  'PROXY',
  'BAD_RESPONSE',
  'BAD_REQUEST',
  'VALIDATION',
  'CANCELLED',
  'DISK_FULL',
  'PERMISSION_DENIED',
  'FOLDER_MISSING',
  'FILE_MISSING',
  'LENGTH_MISMATCH',
  'KEYCHAIN_UNAVAILABLE',
  'SECRET_MISSING',
  'SETTINGS_CORRUPT',
  'NOT_CONNECTED',
  'CASE_CHANGED',
  'UNKNOWN',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export type ErrorCode = ApiProblemCode | AppErrorCode;

const MESSAGES: Record<ErrorCode, string> = {
  NAME_EMPTY: 'A case needs a name.',
  NAME_EXISTS: 'Another case already has this name. Case names must be unique.',
  NAME_TOO_LONG: 'The case name is longer than 50 characters.',
  NO_EDITS_ONCE_CLOSED: 'This case is closed, and a closed case cannot be changed.',
  NO_EDITS_ONCE_ARCHIVED: 'This case is archived, and an archived case cannot be changed.',
  DESCRIPTION_TOO_LONG: 'The description is longer than 250 characters.',
  FINDINGS_TOO_LONG: 'The findings are longer than 30,000 characters.',
  INVALID_CHAR_IN_REQUEST: 'The request contains a character the server does not accept.',
  INVALID_PAGE_NUMBER: 'The page number is not valid; pages start at 1.',
  INVALID_PAGE_SIZE: 'The page size is not valid.',
  INVALID_TIME_INTERVAL: 'The date range is not valid; it needs a start before its end.',
  INVALID_USER: 'The subject or assignee is not a known user.',
  USER_VALIDATION_UNAVAILABLE: 'The server could not check the subject or assignee right now. Try again.',
  USER_VALIDATION_FORBIDDEN: 'You are not allowed to assign this subject or assignee.',
  CASE_IS_CLOSED: 'This case is closed, so its file events cannot be changed.',
  CASE_ALREADY_HAS_EVENT: 'This file event is already attached to the case.',
  TOO_MANY_EVENTS: 'A case can hold at most 10,000 file events.',
  EVENT_NOT_FOUND: 'No such file event was found.',
  INVALID_EXPORT_OPTIONS: 'Choose at least one part to export (summary, file events or source files).',
  PAGE_SIZE_TOO_SMALL: 'The page size is too small.',
  PAGE_SIZE_TOO_LARGE: 'The page size is too large.',
  PAGE_TOO_SMALL: 'The page number is too small; pages start at 1.',
  AUTH_FAILED: 'Incydr refused the API client ID or secret.',
  FORBIDDEN: 'This API client is not allowed to do that.',
  NOT_FOUND: 'Not found: it may have been deleted.',
  RATE_LIMITED: 'Incydr is limiting requests right now. Try again in a moment.',
  SERVER_ERROR: 'Incydr had a server error. Try again in a moment.',
  NETWORK: 'The connection to Incydr failed.',
  TIMEOUT: 'Incydr did not answer in time.',
  HOST_NOT_FOUND: 'The Incydr address could not be found. Check the region or URL.',
  TLS: 'The secure connection failed: the server certificate was not trusted.',
  PROXY: 'The proxy refused the connection to Incydr.',
  BAD_RESPONSE: 'Incydr sent an answer the app could not read.',
  BAD_REQUEST: 'Incydr refused the request as invalid.',
  VALIDATION: 'Some input is not valid.',
  CANCELLED: 'Cancelled.',
  DISK_FULL: 'The disk is full.',
  PERMISSION_DENIED: 'The app is not allowed to write to this folder.',
  FOLDER_MISSING: 'The folder no longer exists.',
  FILE_MISSING: 'The saved file is no longer where it was saved.',
  LENGTH_MISMATCH: 'The download ended early or was the wrong size; nothing was saved.',
  KEYCHAIN_UNAVAILABLE: 'The system keychain is not available, so secrets cannot be saved.',
  SECRET_MISSING: 'No secret is saved for this profile. Enter the API client secret again.',
  SETTINGS_CORRUPT: 'The saved settings could not be read; a copy of the damaged file was kept.',
  NOT_CONNECTED: 'Not connected to an Incydr tenant.',
  CASE_CHANGED: 'Someone changed this case on the server since you opened it.',
  UNKNOWN: 'Something went wrong.',
};

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(MESSAGES, value);
}

/** The plain sentence for a code; unknown codes get the generic sentence. */
export function messageFor(code: string): string {
  return isErrorCode(code) ? MESSAGES[code] : MESSAGES.UNKNOWN;
}

/**
 * Finds an API problem code anywhere in a raw body. Real error bodies are not uniform (problem JSON,
 * Spring-style JSON, plain text), so py42 and the old CLI search the text; we do the same.
 */
export function findProblemCode(body: string): ApiProblemCode | undefined {
  // Longest first, so NO_EDITS_ONCE_CLOSED wins over a shorter code contained in it.
  const byLength = [...API_PROBLEM_CODES].sort((a, b) => b.length - a.length);
  return byLength.find((code) => body.includes(code));
}
