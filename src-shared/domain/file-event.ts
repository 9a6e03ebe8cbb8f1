/** File-event shapes attached to cases (incydr-api.md §3). Event IDs are opaque strings. */

export const FILE_AVAILABILITIES = [
  'EXACT_FILE_AVAILABLE',
  'RECENT_FILE_AVAILABLE',
  'PENDING',
  'NO_FILE_AVAILABLE',
  'ERROR',
] as const;
export type FileAvailability = (typeof FILE_AVAILABILITIES)[number];

export const RISK_SEVERITIES = ['NO_RISK_INDICATED', 'LOW', 'MODERATE', 'HIGH', 'CRITICAL'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** The list item's indicator; older payloads carry plain strings, which readers normalise. */
export interface RiskIndicator {
  name: string;
  weight: number | null;
}

/** An item of `GET /v1/cases/{n}/fileevent` (abbreviated event). */
export interface CaseFileEvent {
  eventId: string;
  eventTimestamp: string | null;
  exposure: string[];
  fileAvailability: FileAvailability;
  fileName: string | null;
  filePath: string | null;
  riskIndicators: RiskIndicator[];
  riskScore: number | null;
  riskSeverity: RiskSeverity | null;
}

export interface CaseFileEventPage {
  events: CaseFileEvent[];
  totalCount: number;
}

/** Availabilities for which the captured source file can be downloaded. */
export const DOWNLOADABLE_AVAILABILITIES: readonly FileAvailability[] = [
  'EXACT_FILE_AVAILABLE',
  'RECENT_FILE_AVAILABLE',
];

type Nullable<T> = { [K in keyof T]: T[K] | null };

/**
 * The full event of `GET /v1/cases/{n}/fileevent/{id}` (FileEventV2). Only the groups the app reads
 * are typed; the API adds fields often, so every group also allows unknown keys.
 */
export interface FileEventV2 {
  '@timestamp': string | null;
  event: Nullable<{
    id: string;
    action: string;
    vector: string;
    observer: string;
    ingested: string;
    inserted: string;
    detectorDisplayName: string;
    shareType: string[];
    xfcEventId: string;
  }> & { id: string } & Record<string, unknown>;
  user: Nullable<{ email: string; id: string; deviceUid: string }> & Record<string, unknown>;
  file: Nullable<{
    name: string;
    directory: string;
    originalName: string;
    originalDirectory: string;
    sizeInBytes: number;
    category: string;
    mimeType: string;
    created: string;
    modified: string;
    owner: string;
    url: string;
    hash: Nullable<{ md5: string; sha256: string; md5Error: string; sha256Error: string }>;
  }> &
    Record<string, unknown>;
  source: Record<string, unknown>;
  destination: Record<string, unknown>;
  process: Record<string, unknown>;
  risk: Nullable<{
    score: number;
    severity: RiskSeverity;
    trusted: boolean;
    trustReason: string;
    indicators: { name: string; id: string | null; weight: number | null }[];
  }> &
    Record<string, unknown>;
  report: Record<string, unknown>;
  responseControls: Record<string, unknown>;
  git: Record<string, unknown>;
  [key: string]: unknown;
}
