/**
 * The tolerant reader (design.md §3): turns whatever JSON the server sent into the domain types.
 * Unknown keys are ignored, missing optional fields become null, IDs become strings whatever their
 * JSON type, and `riskIndicators` may be strings or objects. Only a missing required field (a case
 * without a number, an event without an ID) is a BAD_RESPONSE.
 */
import { CASE_STATUSES, FILE_AVAILABILITIES, RISK_SEVERITIES } from '../../../src-shared/domain/index.js';
import type {
  Actor,
  ActorSearchItem,
  CaseDetail,
  CaseFileEvent,
  CaseFileEventPage,
  CasePage,
  CaseSlim,
  CaseStatus,
  FileAvailability,
  FileEventV2,
  RiskIndicator,
  RiskSeverity,
  User,
  UserPage,
} from '../../../src-shared/domain/index.js';
import { IncydrError } from './errors.js';

type Json = Record<string, unknown>;

function bad(what: string): IncydrError {
  return new IncydrError('BAD_RESPONSE', {
    message: `Incydr sent an answer the app could not read: ${what}.`,
  });
}

function record(value: unknown, what: string): Json {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
  throw bad(`${what} is not an object`);
}

function recordOrEmpty(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  throw bad(`${what} is not a list`);
}

/** Strings stay strings; numbers (IDs printed unquoted) become their decimal text. */
function optString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  return null;
}

function reqString(value: unknown, what: string): string {
  const text = optString(value);
  if (text === null) throw bad(`${what} is missing`);
  return text;
}

function optNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

function bool(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return fallback;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(optString).filter((s): s is string => s !== null) : [];
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  const text = optString(value);
  return text !== null && (allowed as readonly string[]).includes(text) ? (text as T) : undefined;
}

export function readCaseSlim(value: unknown): CaseSlim {
  const o = record(value, 'a case');
  const number = optNumber(o['number']);
  if (number === null || !Number.isSafeInteger(number)) throw bad('a case has no number');
  const status = oneOf<CaseStatus>(CASE_STATUSES, o['status']);
  if (status === undefined) throw bad(`case ${number} has an unknown status ${String(o['status'])}`);
  return {
    number,
    name: reqString(o['name'], `the name of case ${number}`),
    createdAt: optString(o['createdAt']) ?? '',
    updatedAt: optString(o['updatedAt']),
    subject: optString(o['subject']),
    subjectUsername: optString(o['subjectUsername']),
    status,
    assignee: optString(o['assignee']),
    assigneeUsername: optString(o['assigneeUsername']),
    createdByUserUid: optString(o['createdByUserUid']),
    createdByUsername: optString(o['createdByUsername']),
    lastModifiedByUserUid: optString(o['lastModifiedByUserUid']),
    lastModifiedByUsername: optString(o['lastModifiedByUsername']),
    archivalTime: optString(o['archivalTime']),
  };
}

export function readCaseDetail(value: unknown): CaseDetail {
  const o = record(value, 'a case');
  return { ...readCaseSlim(o), description: optString(o['description']), findings: optString(o['findings']) };
}

export function readCasePage(value: unknown): CasePage {
  const o = record(value, 'the case list');
  const cases = list(o['cases'], 'cases').map(readCaseSlim);
  return { cases, totalCount: optNumber(o['totalCount']) ?? cases.length };
}

/** `{name, weight}` objects, plain strings (older payloads) or the spec's clobbered `indicatorName`. */
export function readRiskIndicators(value: unknown): RiskIndicator[] {
  const out: RiskIndicator[] = [];
  for (const item of Array.isArray(value) ? value : []) {
    if (typeof item === 'string') {
      out.push({ name: item, weight: null });
    } else if (item && typeof item === 'object') {
      const o = item as Json;
      const name = optString(o['name']) ?? optString(o['indicatorName']);
      if (name !== null) out.push({ name, weight: optNumber(o['weight']) });
    }
  }
  return out;
}

export function readCaseFileEvent(value: unknown): CaseFileEvent {
  const o = record(value, 'a file event');
  return {
    eventId: reqString(o['eventId'], 'the ID of a file event'),
    eventTimestamp: optString(o['eventTimestamp']),
    exposure: strings(o['exposure']),
    // An availability this app does not know is treated as "nothing to download".
    fileAvailability:
      oneOf<FileAvailability>(FILE_AVAILABILITIES, o['fileAvailability']) ?? 'NO_FILE_AVAILABLE',
    fileName: optString(o['fileName']),
    filePath: optString(o['filePath']),
    riskIndicators: readRiskIndicators(o['riskIndicators']),
    riskScore: optNumber(o['riskScore']),
    riskSeverity: oneOf<RiskSeverity>(RISK_SEVERITIES, o['riskSeverity']) ?? null,
  };
}

export function readCaseFileEventPage(value: unknown): CaseFileEventPage {
  const o = record(value, 'the file event list');
  const events = list(o['events'], 'events').map(readCaseFileEvent);
  return { events, totalCount: optNumber(o['totalCount']) ?? events.length };
}

/** Fills the typed fields of a group with null when absent; unknown keys are kept as sent. */
function group<K extends string>(value: unknown, keys: readonly K[]): Json & Record<K, unknown> {
  const o = { ...recordOrEmpty(value) };
  for (const key of keys) if (o[key] === undefined) o[key] = null;
  return o as Json & Record<K, unknown>;
}

/**
 * A FileEventV2 keeps every key the server sent (the UI shows unknown fields too); the typed groups
 * get nulls for missing members, `event.id` is a string and risk indicators are normalised.
 */
export function readFileEventV2(value: unknown): FileEventV2 {
  const o = record(value, 'a file event');
  const event = group(o['event'], [
    'action',
    'vector',
    'observer',
    'ingested',
    'inserted',
    'detectorDisplayName',
    'shareType',
    'xfcEventId',
  ] as const);
  const eventId = reqString(recordOrEmpty(o['event'])['id'], 'the ID of a file event');
  const file = group(o['file'], [
    'name',
    'directory',
    'originalName',
    'originalDirectory',
    'sizeInBytes',
    'category',
    'mimeType',
    'created',
    'modified',
    'owner',
    'url',
    'hash',
  ] as const);
  if (file['hash'] !== null)
    file['hash'] = group(file['hash'], ['md5', 'sha256', 'md5Error', 'sha256Error'] as const);
  const risk = group(o['risk'], ['score', 'severity', 'trusted', 'trustReason', 'indicators'] as const);
  risk['indicators'] = Array.isArray(risk['indicators'])
    ? risk['indicators'].map((item: unknown) => {
        if (typeof item === 'string') return { name: item, id: null, weight: null };
        const ind = recordOrEmpty(item);
        return {
          ...ind,
          name: optString(ind['name']) ?? '',
          id: optString(ind['id']),
          weight: optNumber(ind['weight']),
        };
      })
    : null;
  const result: Json = {
    ...o,
    '@timestamp': optString(o['@timestamp']),
    event: { ...event, id: eventId },
    user: group(o['user'], ['email', 'id', 'deviceUid'] as const),
    file,
    source: recordOrEmpty(o['source']),
    destination: recordOrEmpty(o['destination']),
    process: recordOrEmpty(o['process']),
    risk,
    report: recordOrEmpty(o['report']),
    responseControls: recordOrEmpty(o['responseControls']),
    git: recordOrEmpty(o['git']),
  };
  const user = result['user'] as Json;
  if (user['id'] !== null) user['id'] = optString(user['id']);
  return result as FileEventV2;
}

export function readUser(value: unknown): User {
  const o = record(value, 'a user');
  return {
    legacyUserId: optString(o['legacyUserId']),
    userId: reqString(o['userId'], 'the ID of a user'),
    username: reqString(o['username'], 'the username of a user'),
    firstName: optString(o['firstName']),
    lastName: optString(o['lastName']),
    legacyOrgId: optString(o['legacyOrgId']),
    orgId: optString(o['orgId']),
    orgGuid: optString(o['orgGuid']),
    orgName: optString(o['orgName']),
    notes: optString(o['notes']),
    active: bool(o['active'], true),
    blocked: bool(o['blocked'], false),
    creationDate: optString(o['creationDate']),
    modificationDate: optString(o['modificationDate']),
  };
}

export function readUserPage(value: unknown): UserPage {
  const o = record(value, 'the user list');
  const users = list(o['users'], 'users').map(readUser);
  return { users, totalCount: optNumber(o['totalCount']) ?? users.length };
}

export function readActor(value: unknown): Actor {
  const o = record(value, 'an actor');
  return {
    actorId: reqString(o['actorId'], 'the ID of an actor'),
    name: reqString(o['name'], 'the name of an actor'),
    active: bool(o['active'], true),
    inScope: bool(o['inScope'], true),
    alternateNames: strings(o['alternateNames']),
    firstName: optString(o['firstName']),
    lastName: optString(o['lastName']),
    title: optString(o['title']),
    department: optString(o['department']),
    division: optString(o['division']),
    employeeType: optString(o['employeeType']),
    country: optString(o['country']),
    region: optString(o['region']),
    locality: optString(o['locality']),
    managerActorId: optString(o['managerActorId']),
    parentActorId: optString(o['parentActorId']),
    notes: optString(o['notes']),
    startDate: optString(o['startDate']),
    endDate: optString(o['endDate']),
  };
}

export function readActorSearch(value: unknown): ActorSearchItem[] {
  const o = record(value, 'the actor search');
  return list(o['actors'], 'actors').map((item) => {
    const a = record(item, 'an actor');
    return {
      actorId: reqString(a['actorId'], 'the ID of an actor'),
      name: reqString(a['name'], 'the name of an actor'),
      active: bool(a['active'], true),
      parentActorId: optString(a['parentActorId']),
    };
  });
}
