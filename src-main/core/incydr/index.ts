export { IncydrClient, CLIENT_DEFAULTS } from './client.js';
export type { DownloadOptions, DownloadProgress, IncydrClientOptions, SavedFile } from './client.js';
export { IncydrError, isIncydrError, parseProblemBody, errorFromResponse } from './errors.js';
export { normalizeBaseUrl, isLoopbackHost } from './base-url.js';
export { proxyForUrl } from './proxy.js';
export { caseQueryParams, formatInstant, formatInterval } from './query.js';
export type { CaseQueryInput, DateRangeInput } from './query.js';
export { jwtClaims } from './auth.js';
