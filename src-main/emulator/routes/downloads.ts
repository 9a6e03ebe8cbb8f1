/**
 * Downloads: summary PDF, full ZIP, file-events CSV and a captured source file (incydr-api.md §2.7,
 * §2.8, §2.11, §2.15, §2.17). Every body has an exact Content-Length and streams.
 */
import { Readable } from 'node:stream';
import type { EmulatorEnv, RouteDef } from '../context.js';
import { renderEventsCsv } from '../bodies/csv.js';
import { renderCasePdf } from '../bodies/pdf.js';
import { buildZip } from '../bodies/zip.js';
import type { ZipEntry } from '../bodies/zip.js';
import { NotFoundError, ProblemError } from '../errors.js';
import { parseBoolean } from '../http/params.js';
import type { Reply } from '../http/reply.js';
import { hostileDisposition, normalDisposition } from '../hostile-names.js';
import { caseOf } from './path-params.js';

/** `attachment; filename=…`, or the next hostile form when `--hostile-filenames` is on. */
export function disposition(env: EmulatorEnv, fileName: string): string {
  if (!env.hostile.enabled) return normalDisposition(fileName);
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  env.stats.hostileNamesServed++;
  return hostileDisposition(env.hostile.next++, base, ext).header;
}

function download(
  env: EmulatorEnv,
  contentType: string,
  fileName: string,
  body: Buffer | { length: number; open: () => Readable },
): Reply {
  const source = Buffer.isBuffer(body) ? { length: body.length, open: () => Readable.from([body]) } : body;
  return {
    kind: 'stream',
    status: 200,
    headers: { 'Content-Type': contentType, 'Content-Disposition': disposition(env, fileName) },
    length: source.length,
    open: source.open,
  };
}

export const downloadRoutes: RouteDef[] = [
  {
    method: 'GET',
    template: '/v1/cases/{caseNumber}/export',
    handler: async (rc) => {
      const r = caseOf(rc);
      const pdf = await renderCasePdf(r, rc.query.get('language') ?? undefined);
      return download(rc.env, 'application/pdf', `Case-${r.number}.pdf`, pdf);
    },
  },
  {
    method: 'GET',
    template: '/v1/cases/{caseNumber}/export/full',
    handler: async (rc) => {
      const r = caseOf(rc);
      const summary = parseBoolean(rc.query, 'summary') ?? true;
      const fileEvents = parseBoolean(rc.query, 'fileEvents') ?? true;
      const files = parseBoolean(rc.query, 'files') ?? true;
      if (!summary && !fileEvents && !files) {
        throw new ProblemError('INVALID_EXPORT_OPTIONS', 'must include at least one export type');
      }
      const { catalog } = rc.env.tenant;
      const dir = `Case-${r.number}`;
      const entries: ZipEntry[] = [];
      if (summary) {
        entries.push({
          path: `${dir}/${dir}.pdf`,
          buffer: await renderCasePdf(r, rc.query.get('language') ?? undefined),
        });
      }
      if (fileEvents) {
        entries.push({
          path: `${dir}/${dir}-file-events.csv`,
          buffer: await renderEventsCsv(catalog, r.events),
        });
      }
      if (files) {
        for (const o of r.events) {
          if (!catalog.hasFile(o)) continue;
          entries.push({
            path: `${dir}/source-files/${catalog.idOf(o)}/${catalog.file(o).name}`,
            size: catalog.fileSize(o),
            open: () => catalog.openContent(o),
          });
        }
      }
      const zip = await buildZip(entries, new Date(Math.floor(r.updatedAtUs / 1000)));
      return download(rc.env, 'application/zip', `${dir}.zip`, zip);
    },
  },
  {
    method: 'GET',
    template: '/v1/cases/{caseNumber}/fileevent/export',
    handler: async (rc) => {
      const r = caseOf(rc);
      const csv = await renderEventsCsv(rc.env.tenant.catalog, r.events);
      return download(rc.env, 'text/csv', `Case-${r.number}-file-events.csv`, csv);
    },
  },
  {
    method: 'GET',
    template: '/v1/cases/{caseNumber}/fileevent/{eventId}/file',
    handler: (rc) => {
      const r = caseOf(rc);
      const { catalog } = rc.env.tenant;
      const ordinal = rc.env.store.eventOnCase(r, catalog.find(rc.params.eventId ?? ''));
      if (!catalog.hasFile(ordinal)) throw new NotFoundError('No file was captured for this event');
      return download(rc.env, 'application/octet-stream', catalog.file(ordinal).name, {
        length: catalog.fileSize(ordinal),
        open: () => catalog.openContent(ordinal),
      });
    },
  },
];
