/** The file-events CSV (`/fileevent/export` and inside the ZIP): one row per attached event. */
import type { EventCatalog } from '../seed/event-catalog.js';
import { buildFileEventV2 } from '../seed/file-event-detail.js';

export const CSV_COLUMNS = [
  'eventId',
  'timestamp',
  'action',
  'vector',
  'observer',
  'userEmail',
  'fileName',
  'filePath',
  'fileSize',
  'fileCategory',
  'mimeType',
  'sha256',
  'md5',
  'fileAvailability',
  'sourceCategory',
  'sourceName',
  'destinationCategory',
  'destinationName',
  'riskScore',
  'riskSeverity',
  'riskIndicators',
] as const;

/** RFC 4180: quote when needed, double embedded quotes. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function str(group: unknown, key: string): unknown {
  return typeof group === 'object' && group !== null ? (group as Record<string, unknown>)[key] : undefined;
}

export async function renderEventsCsv(catalog: EventCatalog, ordinals: readonly number[]): Promise<Buffer> {
  const lines = [CSV_COLUMNS.join(',')];
  for (const o of ordinals) {
    const core = catalog.core(o);
    const e = buildFileEventV2(core, await catalog.hashes(o));
    const row = [
      core.eventId,
      e['@timestamp'],
      e.event.action,
      e.event.vector,
      e.event.observer,
      e.user.email,
      e.file.name,
      e.file.directory,
      e.file.sizeInBytes,
      e.file.category,
      e.file.mimeType,
      e.file.hash?.sha256,
      e.file.hash?.md5,
      core.availability,
      str(e.source, 'category'),
      str(e.source, 'name'),
      str(e.destination, 'category'),
      str(e.destination, 'name'),
      e.risk.score,
      e.risk.severity,
      core.indicators.map((i) => `${i.name} (${i.weight})`).join('; '),
    ];
    lines.push(row.map(csvField).join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
