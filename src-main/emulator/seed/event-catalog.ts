/**
 * Every file event that exists in the emulated tenant. An event is an ordinal (0, 1, 2, …); its ID, its
 * FileEventV2 detail and its captured file are all derived from (seed, ordinal) on demand, so a tenant
 * with 20,000 cases and hundreds of thousands of events costs a few numbers per event, not objects.
 */
import type { Actor, CaseFileEvent, FileAvailability } from '../../../src-shared/domain/index.js';
import { FILE_AVAILABILITIES, DOWNLOADABLE_AVAILABILITIES } from '../../../src-shared/domain/index.js';
import { hashInts, hashSeed, Random } from '../prng.js';
import { FILE_INDICATORS, FILES, SCENARIOS } from './event-scenarios.js';
import type { Scenario, SeedFile } from './event-scenarios.js';
import { fileHashes, openFileContent } from '../bodies/source-file.js';
import type { FileHashes } from '../bodies/source-file.js';
import type { Readable } from 'node:stream';

/** The parts of an event both the list item and the full detail need. */
export interface EventCore {
  ordinal: number;
  eventId: string;
  timestampMs: number;
  actor: Actor;
  scenario: Scenario;
  file: SeedFile;
  directory: string | null;
  availability: FileAvailability;
  sizeInBytes: number;
  archiveId: string | null;
  indicators: { name: string; id: string; weight: number }[];
  score: number;
  severity: CaseFileEvent['riskSeverity'];
  deviceName: string;
  rng: Random;
}

const AVAILABILITY_WEIGHTS: readonly (readonly [FileAvailability, number])[] = [
  ['EXACT_FILE_AVAILABLE', 45],
  ['RECENT_FILE_AVAILABLE', 15],
  ['PENDING', 10],
  ['NO_FILE_AVAILABLE', 22],
  ['ERROR', 8],
];

export function severityOf(score: number): NonNullable<CaseFileEvent['riskSeverity']> {
  if (score <= 0) return 'NO_RISK_INDICATED';
  if (score <= 3) return 'LOW';
  if (score <= 6) return 'MODERATE';
  if (score <= 9) return 'HIGH';
  return 'CRITICAL';
}

/** Indicator IDs are stable per indicator name. */
const indicatorIds = new Map<string, string>();
function indicatorId(name: string): string {
  let id = indicatorIds.get(name);
  if (id === undefined) {
    id = Random.of('indicator', name).uuid();
    indicatorIds.set(name, id);
  }
  return id;
}

// Stream tags for per-event randomness (integers, so the hot path builds no strings).
const TAG_AVAILABILITY = 1;
const TAG_EVENT = 2;
const TAG_EVENT_ID = 3;

export class EventCatalog {
  private readonly actorOf: number[] = [];
  private readonly timeOf: number[] = [];
  private readonly availabilityOf: number[] = [];
  private readonly sizeOf: number[] = [];
  /** Case number whose "archive" (a zip seen on the endpoint) this event came out of, or -1. */
  private readonly archiveOf: number[] = [];
  private readonly ids: (string | undefined)[] = [];
  private readonly hashCache = new Map<number, FileHashes>();

  private readonly seedHash: number;

  constructor(
    readonly seed: number,
    private readonly actors: readonly Actor[],
  ) {
    this.seedHash = hashSeed(seed, 'events');
  }

  private rngFor(tag: number, ordinal: number): Random {
    return new Random(hashInts(this.seedHash, tag, ordinal));
  }

  get size(): number {
    return this.actorOf.length;
  }

  /** Adds an event; its availability comes from the seed, its file size is set by the caller. */
  add(actorIndex: number, timestampMs: number, archiveCase: number, sizeInBytes: number): number {
    const ordinal = this.actorOf.length;
    const rng = this.rngFor(TAG_AVAILABILITY, ordinal);
    this.actorOf.push(actorIndex);
    this.timeOf.push(Math.floor(timestampMs));
    this.availabilityOf.push(FILE_AVAILABILITIES.indexOf(rng.weighted(AVAILABILITY_WEIGHTS)));
    this.sizeOf.push(Math.max(0, Math.floor(sizeInBytes)));
    this.archiveOf.push(archiveCase);
    return ordinal;
  }

  setSize(ordinal: number, sizeInBytes: number): void {
    this.sizeOf[ordinal] = Math.max(0, Math.floor(sizeInBytes));
  }

  availability(ordinal: number): FileAvailability {
    return FILE_AVAILABILITIES[this.availabilityOf[ordinal] ?? 3] ?? 'NO_FILE_AVAILABLE';
  }

  /** Whether a captured source file can be downloaded for this event. */
  hasFile(ordinal: number): boolean {
    return DOWNLOADABLE_AVAILABILITIES.includes(this.availability(ordinal));
  }

  fileSize(ordinal: number): number {
    return this.sizeOf[ordinal] ?? 0;
  }

  timestampMs(ordinal: number): number {
    return this.timeOf[ordinal] ?? 0;
  }

  /** `0_<uuid>_<device number>_<random number>_<ordinal>`, the shape real event IDs have. */
  idOf(ordinal: number): string {
    const cached = this.ids[ordinal];
    if (cached !== undefined) return cached;
    const rng = this.rngFor(TAG_EVENT_ID, ordinal);
    const device = Random.of(this.seed, 'device', this.actorOf[ordinal] ?? 0).digits(18);
    const id = `0_${rng.uuid()}_${device}_${rng.digits(18)}_${ordinal}`;
    this.ids[ordinal] = id;
    return id;
  }

  /** The ordinal of an event ID of this tenant, or undefined. */
  find(eventId: string): number | undefined {
    const last = eventId.lastIndexOf('_');
    const tail = eventId.slice(last + 1);
    if (last < 0 || !/^\d{1,9}$/.test(tail)) return undefined;
    const ordinal = Number(tail);
    if (ordinal >= this.size) return undefined;
    return this.idOf(ordinal) === eventId ? ordinal : undefined;
  }

  archiveIdOf(ordinal: number): string | null {
    const owner = this.archiveOf[ordinal] ?? -1;
    return owner < 0 ? null : Random.of(this.seed, 'archive', owner).hex(32);
  }

  /** The captured file's name and type (the same draw `core()` makes, without the rest). */
  file(ordinal: number): SeedFile {
    const rng = this.rngFor(TAG_EVENT, ordinal);
    rng.next(); // the scenario
    return rng.pick(FILES);
  }

  core(ordinal: number): EventCore {
    const rng = this.rngFor(TAG_EVENT, ordinal);
    const actorIndex = this.actorOf[ordinal] ?? 0;
    const actor = this.actors[actorIndex] ?? this.actors[0];
    if (!actor) throw new Error('no actors');
    const scenario = rng.pick(SCENARIOS);
    const file = rng.pick(FILES);
    const local = (actor.name.split('@')[0] ?? 'user').replace(/[^a-z0-9]/gi, '');
    // One device per person: the same host name on all of an actor's endpoint events.
    const host = Random.of(this.seed, 'host', actorIndex);
    const deviceName = `${host.pick(['DESKTOP', 'LAPTOP', 'MBP'])}-${host.hex(6).toUpperCase()}`;
    const directory =
      scenario.observer !== 'Endpoint'
        ? null
        : deviceName.startsWith('MBP')
          ? `/Users/${local}/${rng.pick(['Documents', 'Desktop', 'Downloads', 'work'])}/`
          : `C:/Users/${local}/${rng.pick(['Documents', 'Desktop', 'Downloads', 'OneDrive - Example'])}/`;
    const indicators: EventCore['indicators'] = [];
    const addIndicator = (entry: [string, number] | undefined | null): void => {
      if (!entry) return;
      indicators.push({ name: entry[0], id: indicatorId(entry[0]), weight: entry[1] });
    };
    addIndicator(scenario.indicator);
    if (scenario.indicator) addIndicator(FILE_INDICATORS[file.category]);
    if (actor.endDate && scenario.indicator) addIndicator(['Departing employee', 4]);
    const hour = new Date(this.timestampMs(ordinal)).getUTCHours();
    if (scenario.indicator && (hour < 6 || hour > 21)) addIndicator(['Off-hours activity', 2]);
    const score = indicators.reduce((sum, i) => sum + i.weight, 0);
    return {
      ordinal,
      eventId: this.idOf(ordinal),
      timestampMs: this.timestampMs(ordinal),
      actor,
      scenario,
      file,
      directory,
      availability: this.availability(ordinal),
      sizeInBytes: this.fileSize(ordinal),
      archiveId: this.archiveIdOf(ordinal),
      indicators,
      score,
      severity: severityOf(score),
      deviceName,
      rng,
    };
  }

  /** The abbreviated item of `GET /v1/cases/{n}/fileevent`. */
  item(ordinal: number): CaseFileEvent {
    const c = this.core(ordinal);
    return {
      eventId: c.eventId,
      eventTimestamp: new Date(c.timestampMs).toISOString(),
      exposure: c.scenario.exposure,
      fileAvailability: c.availability,
      fileName: c.file.name,
      filePath: c.directory,
      riskIndicators: c.indicators.map((i) => ({ name: i.name, weight: i.weight })),
      riskScore: c.score,
      riskSeverity: c.severity,
    };
  }

  /** MD5 and SHA-256 of the event's file (computed by reading the generated bytes once, then cached). */
  async hashes(ordinal: number): Promise<FileHashes> {
    const cached = this.hashCache.get(ordinal);
    if (cached) return cached;
    const computed = await fileHashes(this.contentKey(ordinal), this.fileSize(ordinal));
    this.hashCache.set(ordinal, computed);
    return computed;
  }

  /** The captured file's bytes as a stream, identical on every call and in every emulator with this seed. */
  openContent(ordinal: number): Readable {
    return openFileContent(this.contentKey(ordinal), this.fileSize(ordinal));
  }

  private contentKey(ordinal: number): string {
    return `${this.seed}:${this.idOf(ordinal)}`;
  }
}
