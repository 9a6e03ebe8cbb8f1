/**
 * The seeded tenant: people, cases in every status, file events attached to cases, and a pool of events
 * that exist but are attached to no case. Everything follows from the seed; timestamps are laid out
 * backwards from a fixed anchor so two emulators with the same seed hold identical data.
 */
import type { CaseStatus } from '../../../src-shared/domain/index.js';
import { Random } from '../prng.js';
import type { CaseRecord } from '../store/case-record.js';
import { formatMicros, formatMidnight, MICROS_PER_DAY } from '../time.js';
import { CASE_TOPICS, DESCRIPTIONS, findingsFor } from './case-text.js';
import { EventCatalog } from './event-catalog.js';
import { seedPeople } from './people.js';
import type { People } from './people.js';

/** Seeded history ends here (2026-10-01T00:00:00Z). */
export const SEED_ANCHOR_MS = Date.UTC(2026, 9, 1);
const HISTORY_DAYS = 730;
/** Events that exist in the tenant but start attached to no case (room for the 10,000 cap test). */
export const POOL_EVENTS = 12_000;
/** Room left in a full ZIP for the PDF, the CSV and the archive's own headers. */
const ZIP_OVERHEAD_BYTES = 96 * 1024;

export interface TenantOptions {
  seed: number;
  cases: number;
  exportMb: number;
  eventsPerCase: { min: number; max: number };
}

export interface Tenant {
  tenantUid: string;
  people: People;
  catalog: EventCatalog;
  cases: CaseRecord[];
  /** Ordinals from here on start attached to no case. */
  poolStart: number;
}

function defaultFileSize(rng: Random): number {
  // A few KB, log-uniform between 0.8 KB and 48 KB.
  return Math.round(Math.exp(Math.log(800) + rng.next() * (Math.log(48_000) - Math.log(800))));
}

/**
 * `<topic> — <person>`, unique: a repeat gets ` (2)`, ` (3)`, … as investigators number them, and a name
 * over 50 characters loses the end of its topic, never the person or the number.
 */
function caseName(
  rng: Random,
  handle: string | null,
  counts: Map<string, number>,
  taken: Set<string>,
): string {
  const topic = rng.pick(CASE_TOPICS);
  const base = handle ? `${topic} — ${handle}` : topic;
  let k = counts.get(base) ?? 0;
  for (;;) {
    k++;
    const tail = `${handle ? ` — ${handle}` : ''}${k === 1 ? '' : ` (${k})`}`;
    const name = `${topic.slice(0, Math.max(1, 50 - tail.length)).trimEnd()}${tail}`.slice(0, 50);
    if (!taken.has(name)) {
      counts.set(base, k);
      taken.add(name);
      return name;
    }
  }
}

export function seedTenant(options: TenantOptions): Tenant {
  const { seed } = options;
  const anchorUs = SEED_ANCHOR_MS * 1000;
  const rng = Random.of(seed, 'cases');
  const people = seedPeople(seed, anchorUs);
  const parents = people.actors.filter((a) => a.parentActorId === null);
  const actorIndex = new Map(people.actors.map((a, i) => [a.actorId, i]));
  const assignable = people.users.filter((u) => u.active && !u.blocked);
  const catalog = new EventCatalog(seed, people.actors);
  const taken = new Set<string>();
  const nameCounts = new Map<string, number>();
  const cases: CaseRecord[] = [];
  const n = Math.max(0, Math.floor(options.cases));
  const spanUs = HISTORY_DAYS * MICROS_PER_DAY;

  for (let i = 0; i < n; i++) {
    const number = i + 1;
    // Spread over two years, increasing with the case number (numbers are sequential in time).
    const createdAtUs = Math.floor(anchorUs - spanUs + ((i + rng.next()) / Math.max(n, 1)) * spanUs);
    let status: CaseStatus = rng.weighted([
      ['OPEN', 70],
      ['CLOSED', 20],
      ['ARCHIVED', 10],
    ]);
    // Make sure even a small tenant has every status.
    if (n >= 3 && i === n - 3) status = 'CLOSED';
    if (n >= 3 && i === n - 2) status = 'ARCHIVED';
    const updatedAtUs =
      createdAtUs + Math.floor(rng.next() * Math.min(20 * MICROS_PER_DAY, anchorUs - createdAtUs));
    const subjectActor = rng.chance(0.95) ? rng.pick(parents) : undefined;
    const assignee = rng.chance(0.75) ? rng.pick(assignable) : undefined;
    const creator = rng.chance(0.15) ? people.apiUser : rng.pick(assignable);
    const modifier = rng.chance(0.5) ? creator : rng.pick(assignable);
    const name = caseName(rng, subjectActor?.name.split('@')[0] ?? null, nameCounts, taken);

    let archivalTimeUs: number | null = null;
    let archivalTime: string | null = null;
    if (status === 'CLOSED') {
      archivalTimeUs = Math.floor((updatedAtUs + 365 * MICROS_PER_DAY) / MICROS_PER_DAY) * MICROS_PER_DAY;
      archivalTime = formatMidnight(archivalTimeUs);
    } else if (status === 'ARCHIVED') {
      archivalTimeUs = updatedAtUs;
      archivalTime = formatMicros(updatedAtUs);
    }

    const events: number[] = [];
    if (status !== 'ARCHIVED') {
      const count = rng.int(options.eventsPerCase.min, options.eventsPerCase.max);
      const actorIdx = subjectActor
        ? (actorIndex.get(subjectActor.actorId) ?? 0)
        : rng.int(0, people.actors.length - 1);
      for (let e = 0; e < count; e++) {
        const ts = createdAtUs / 1000 - rng.int(60_000, 30 * 86_400_000);
        const archiveCase = rng.chance(0.2) ? number : -1;
        events.push(catalog.add(actorIdx, ts, archiveCase, defaultFileSize(rng)));
      }
      if (options.exportMb > 0) sizeForExport(catalog, events, options.exportMb, rng);
    }

    const fileNames = [...new Set(events.slice(0, 6).map((o) => catalog.file(o).name))];
    cases.push({
      number,
      name,
      nameKey: name.toLowerCase(),
      createdAt: formatMicros(createdAtUs),
      createdAtUs,
      updatedAt: formatMicros(updatedAtUs),
      updatedAtUs,
      archivalTime,
      archivalTimeUs,
      status,
      subject: subjectActor?.actorId ?? null,
      subjectUsername: subjectActor?.name ?? null,
      assignee: assignee?.userId ?? null,
      assigneeUsername: assignee?.username ?? null,
      createdByUserUid: creator.userId,
      createdByUsername: creator.username,
      lastModifiedByUserUid: modifier.userId,
      lastModifiedByUsername: modifier.username,
      description: rng.chance(0.9) ? rng.pick(DESCRIPTIONS) : null,
      findings: rng.chance(0.85) ? findingsFor(rng, subjectActor?.name ?? null, fileNames) : null,
      events,
      eventSet: null,
    });
  }

  const poolStart = catalog.size;
  const poolRng = Random.of(seed, 'pool');
  for (let i = 0; i < POOL_EVENTS; i++) {
    const ts = SEED_ANCHOR_MS - poolRng.int(0, HISTORY_DAYS) * 86_400_000 - poolRng.int(0, 86_399_999);
    const size =
      options.exportMb > 0
        ? Math.floor((options.exportMb * 1024 * 1024) / 8) * (0.5 + poolRng.next())
        : defaultFileSize(poolRng);
    catalog.add(poolRng.int(0, people.actors.length - 1), ts, -1, size);
  }

  return { tenantUid: Random.of(seed, 'tenant').uuid(), people, catalog, cases, poolStart };
}

/** Sizes a case's captured files so its full ZIP comes to about `exportMb` MB. */
function sizeForExport(
  catalog: EventCatalog,
  events: readonly number[],
  exportMb: number,
  rng: Random,
): void {
  const withFiles = events.filter((o) => catalog.hasFile(o));
  if (withFiles.length === 0) return;
  const budget = Math.max(0, exportMb * 1024 * 1024 - ZIP_OVERHEAD_BYTES - withFiles.length * 450);
  const weights = withFiles.map(() => 0.5 + rng.next());
  const total = weights.reduce((a, b) => a + b, 0);
  withFiles.forEach((o, i) => catalog.setSize(o, (budget * (weights[i] ?? 1)) / total));
}
