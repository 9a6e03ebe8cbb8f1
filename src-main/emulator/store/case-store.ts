/**
 * The tenant's cases and their attached events, with the API's rules for every change
 * (incydr-api.md §2 and the emulator checklist).
 */
import { CASE_STATUSES, LIMITS } from '../../../src-shared/domain/index.js';
import type { CaseStatus } from '../../../src-shared/domain/index.js';
import { BadRequestError, NotFoundError, ProblemError } from '../errors.js';
import type { People } from '../seed/people.js';
import { formatMicros, formatMidnight, MICROS_PER_DAY, nowMicros } from '../time.js';
import { CaseIndex } from './case-list.js';
import type { CaseQueryParsed } from './case-query.js';
import { eventSetOf } from './case-record.js';
import type { CaseRecord } from './case-record.js';

/** The part of the event catalog the store needs. */
export interface EventLookup {
  find(eventId: string): number | undefined;
  idOf(ordinal: number): string;
}

/** Who is acting: the token's user. */
export interface Identity {
  userId: string;
  username: string;
}

interface EditableFields {
  name: string;
  description: string | null;
  findings: string | null;
  subject: string | null;
  assignee: string | null;
}

/** Closed cases are archived a year after closing, at midnight UTC (as in the SDK's sample data). */
const ARCHIVE_AFTER_DAYS = 365;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(body: Record<string, unknown>, key: string): string | null {
  const value = body[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new BadRequestError(`JSON parse error: field '${key}' must be a string or null`);
  }
  return value;
}

export class CaseStore {
  private readonly cases = new Map<number, CaseRecord>();
  private readonly numbersByName = new Map<string, number>();
  private nextNumber = 1;
  private readonly index: CaseIndex;

  constructor(
    private readonly people: People,
    seeded: readonly CaseRecord[],
  ) {
    for (const r of seeded) this.put(r);
    this.index = new CaseIndex(() => this.cases.values());
  }

  private put(r: CaseRecord): void {
    this.cases.set(r.number, r);
    this.numbersByName.set(r.name, r.number);
    this.nextNumber = Math.max(this.nextNumber, r.number + 1);
  }

  get count(): number {
    return this.cases.size;
  }

  all(): IterableIterator<CaseRecord> {
    return this.cases.values();
  }

  get(caseNumber: number): CaseRecord | undefined {
    return this.cases.get(caseNumber);
  }

  require(caseNumber: number): CaseRecord {
    const r = this.cases.get(caseNumber);
    if (!r) throw new NotFoundError(`Case ${caseNumber} not found`);
    return r;
  }

  list(q: CaseQueryParsed): { cases: CaseRecord[]; totalCount: number } {
    return this.index.query(q);
  }

  /** The username (users) or name (actors) behind an ID, or undefined when nobody has it. */
  usernameOf(id: string): string | undefined {
    return this.people.usersById.get(id)?.username ?? this.people.actorsById.get(id)?.name;
  }

  private validate(fields: EditableFields, self: CaseRecord | undefined): void {
    const { name, description, findings, subject, assignee } = fields;
    if (name.trim() === '') throw new ProblemError('NAME_EMPTY', 'name must not be empty');
    if (CONTROL_CHARS.test(name) || [description, findings].some((v) => v !== null && NUL.test(v))) {
      throw new ProblemError('INVALID_CHAR_IN_REQUEST', 'control characters are not allowed');
    }
    if (name.length > LIMITS.nameLength) {
      throw new ProblemError('NAME_TOO_LONG', `name must be at most ${LIMITS.nameLength} characters`);
    }
    if (description !== null && description.length > LIMITS.descriptionLength) {
      throw new ProblemError(
        'DESCRIPTION_TOO_LONG',
        `description must be at most ${LIMITS.descriptionLength} characters`,
      );
    }
    if (findings !== null && findings.length > LIMITS.findingsLength) {
      throw new ProblemError(
        'FINDINGS_TOO_LONG',
        `findings must be at most ${LIMITS.findingsLength} characters`,
      );
    }
    const owner = this.numbersByName.get(name);
    if (owner !== undefined && owner !== self?.number) throw new ProblemError('NAME_EXISTS', null);
    if (subject !== null && this.usernameOf(subject) === undefined) {
      throw new ProblemError('INVALID_USER', 'subject validation failed');
    }
    if (assignee !== null) {
      if (this.usernameOf(assignee) === undefined) {
        throw new ProblemError('INVALID_USER', 'assignee validation failed');
      }
      const user = this.people.usersById.get(assignee);
      // Only active, unblocked users may be assigned (an unchanged assignee is left alone).
      if (user && (!user.active || user.blocked) && assignee !== self?.assignee) {
        throw new ProblemError('USER_VALIDATION_FORBIDDEN', 'assignee validation failed', 403);
      }
    }
  }

  private readFields(body: unknown): EditableFields {
    if (!isRecord(body)) throw new BadRequestError('JSON parse error: the body must be a JSON object');
    return {
      name: optionalString(body, 'name') ?? '',
      description: optionalString(body, 'description'),
      findings: optionalString(body, 'findings'),
      subject: optionalString(body, 'subject'),
      assignee: optionalString(body, 'assignee'),
    };
  }

  create(body: unknown, who: Identity): CaseRecord {
    const fields = this.readFields(body);
    this.validate(fields, undefined);
    const now = nowMicros();
    const stamp = formatMicros(now);
    const r: CaseRecord = {
      number: this.nextNumber,
      name: fields.name,
      nameKey: fields.name.toLowerCase(),
      createdAt: stamp,
      createdAtUs: now,
      updatedAt: stamp,
      updatedAtUs: now,
      archivalTime: null,
      archivalTimeUs: null,
      status: 'OPEN',
      subject: fields.subject,
      subjectUsername: fields.subject === null ? null : (this.usernameOf(fields.subject) ?? null),
      assignee: fields.assignee,
      assigneeUsername: fields.assignee === null ? null : (this.usernameOf(fields.assignee) ?? null),
      createdByUserUid: who.userId,
      createdByUsername: who.username,
      lastModifiedByUserUid: who.userId,
      lastModifiedByUsername: who.username,
      description: fields.description,
      findings: fields.findings,
      events: [],
      eventSet: null,
    };
    this.put(r);
    this.index.invalidate();
    return r;
  }

  /** PUT: full replacement of the six editable fields; missing keys become null. */
  update(caseNumber: number, body: unknown, who: Identity): CaseRecord {
    const r = this.require(caseNumber);
    const fields = this.readFields(body);
    const rawStatus = (body as Record<string, unknown>).status;
    if (rawStatus === undefined || rawStatus === null) {
      throw new BadRequestError("Validation failed: 'status' must not be null");
    }
    if (typeof rawStatus !== 'string' || !(CASE_STATUSES as readonly string[]).includes(rawStatus)) {
      throw new BadRequestError(`JSON parse error: invalid status '${String(rawStatus)}'`);
    }
    const status = rawStatus as CaseStatus;
    if (r.status === 'ARCHIVED') throw new ProblemError('NO_EDITS_ONCE_ARCHIVED', null);
    if (r.status === 'CLOSED') {
      // The one change a closed case allows: archiving it, with everything else as it was.
      const unchanged =
        fields.name === r.name &&
        fields.description === r.description &&
        fields.findings === r.findings &&
        fields.subject === r.subject &&
        fields.assignee === r.assignee;
      if (!(status === 'ARCHIVED' && unchanged)) throw new ProblemError('NO_EDITS_ONCE_CLOSED', null);
    }
    this.validate(fields, r);

    const now = nowMicros();
    if (r.name !== fields.name) {
      this.numbersByName.delete(r.name);
      this.numbersByName.set(fields.name, r.number);
    }
    r.name = fields.name;
    r.nameKey = fields.name.toLowerCase();
    r.description = fields.description;
    r.findings = fields.findings;
    r.subject = fields.subject;
    r.subjectUsername = fields.subject === null ? null : (this.usernameOf(fields.subject) ?? null);
    r.assignee = fields.assignee;
    r.assigneeUsername = fields.assignee === null ? null : (this.usernameOf(fields.assignee) ?? null);
    if (status === 'CLOSED' && r.status !== 'CLOSED') {
      const archiveAt =
        Math.floor((now + ARCHIVE_AFTER_DAYS * MICROS_PER_DAY) / MICROS_PER_DAY) * MICROS_PER_DAY;
      r.archivalTimeUs = archiveAt;
      r.archivalTime = formatMidnight(archiveAt);
    }
    if (status === 'ARCHIVED') {
      // Archiving permanently deletes the case's file events and captured files.
      r.archivalTimeUs = now;
      r.archivalTime = formatMicros(now);
      r.events = [];
      r.eventSet = null;
    }
    r.status = status;
    r.updatedAtUs = now;
    r.updatedAt = formatMicros(now);
    r.lastModifiedByUserUid = who.userId;
    r.lastModifiedByUsername = who.username;
    this.index.invalidate();
    return r;
  }

  delete(caseNumber: number): void {
    const r = this.require(caseNumber);
    this.cases.delete(caseNumber);
    this.numbersByName.delete(r.name);
    this.index.invalidate();
  }

  /**
   * Attaches events all-or-nothing. Checks run in this order: case open, request size, every ID known,
   * none already on the case, the per-case cap.
   */
  attach(caseNumber: number, eventIds: readonly string[], events: EventLookup): void {
    const r = this.require(caseNumber);
    if (r.status !== 'OPEN') throw new ProblemError('CASE_IS_CLOSED', `case is ${r.status.toLowerCase()}`);
    const uniqueIds = [...new Set(eventIds)];
    if (uniqueIds.length > LIMITS.eventsPerCase) {
      throw new ProblemError('TOO_MANY_EVENTS', `at most ${LIMITS.eventsPerCase} events per request`);
    }
    const ordinals: number[] = [];
    const unknown: string[] = [];
    for (const id of uniqueIds) {
      const o = events.find(id);
      if (o === undefined) unknown.push(id);
      else ordinals.push(o);
    }
    if (unknown.length > 0) {
      const shown = unknown.slice(0, 5).join(', ');
      throw new ProblemError(
        'EVENT_NOT_FOUND',
        `unknown event ID(s): ${shown}${unknown.length > 5 ? ', …' : ''}`,
      );
    }
    const present = eventSetOf(r);
    const already = ordinals.find((o) => present.has(o));
    if (already !== undefined) throw new ProblemError('CASE_ALREADY_HAS_EVENT', events.idOf(already));
    if (r.events.length + ordinals.length > LIMITS.eventsPerCase) {
      throw new ProblemError(
        'TOO_MANY_EVENTS',
        `a case holds at most ${LIMITS.eventsPerCase} events; it has ${r.events.length}`,
      );
    }
    for (const o of ordinals) {
      r.events.push(o);
      present.add(o);
    }
  }

  detach(caseNumber: number, ordinal: number | undefined): void {
    const r = this.require(caseNumber);
    if (r.status !== 'OPEN') throw new ProblemError('CASE_IS_CLOSED', `case is ${r.status.toLowerCase()}`);
    if (ordinal === undefined || !eventSetOf(r).has(ordinal)) {
      throw new NotFoundError('Event not found on case');
    }
    r.events = r.events.filter((o) => o !== ordinal);
    r.eventSet?.delete(ordinal);
  }

  /** The ordinal of an event on the case, or a 404. */
  eventOnCase(r: CaseRecord, ordinal: number | undefined): number {
    if (ordinal === undefined || !eventSetOf(r).has(ordinal))
      throw new NotFoundError('Event not found on case');
    return ordinal;
  }
}
