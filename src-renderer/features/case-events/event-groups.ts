/**
 * A FileEventV2 (incydr-api.md §3.2) arranged the way an investigator reads an event: what happened,
 * who, which file, from where, to where, how risky — then process, response controls, git and the
 * report. Values become plain strings here (the drawer shows them as text, never as HTML); empty
 * values are dropped, and a group with nothing left is not shown. Unknown keys are ignored, as the
 * API adds fields often.
 */
import type { FileEventV2 } from '../../../src-shared/domain/file-event.js';
import { enumLabel, formatCount } from '../../lib/format.js';

export type DetailKind = 'text' | 'mono' | 'date' | 'list';

export interface DetailRow {
  label: string;
  kind: DetailKind;
  /** One string, or several for `list`. */
  value: string | string[];
}

export interface DetailGroup {
  id: string;
  title: string;
  rows: DetailRow[];
}

type Bag = Record<string, unknown>;

function bag(value: unknown): Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Bag) : {};
}

/** A scalar as text; null for nothing worth showing. */
function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return null;
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(scalar).filter((v): v is string => v !== null);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${size.toFixed(size < 10 ? 1 : 0)} ${units[unit]} (${formatCount(bytes)} bytes)`;
}

class Rows {
  readonly rows: DetailRow[] = [];

  add(label: string, value: unknown, kind: Exclude<DetailKind, 'list'> = 'text'): this {
    const text = scalar(value);
    if (text !== null) this.rows.push({ label, kind, value: text });
    return this;
  }

  list(label: string, value: unknown): this {
    const items = strings(value);
    if (items.length > 0) this.rows.push({ label, kind: 'list', value: items });
    return this;
  }

  /** An enum value as words: `GIT_PUSH` → "Git push". */
  word(label: string, value: unknown): this {
    const text = scalar(value);
    return text === null ? this : this.add(label, /^[A-Z0-9_]+$/.test(text) ? enumLabel(text) : text);
  }

  bytes(label: string, value: unknown): this {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      this.rows.push({ label, kind: 'text', value: formatBytes(value) });
    }
    return this;
  }

  /** Removable media as one line: "SanDisk Ultra USB 3.0 (SanDisk, USB, 57.3 GB), serial …, volume …". */
  media(label: string, value: unknown): this {
    const m = bag(value);
    const name = scalar(m.name) ?? scalar(m.mediaName);
    const facts = [scalar(m.vendor), scalar(m.busType)].filter((v): v is string => v !== null);
    if (typeof m.capacity === 'number' && m.capacity > 0) facts.push(formatBytes(m.capacity).split(' (')[0]!);
    const parts = [
      name === null ? null : facts.length > 0 ? `${name} (${facts.join(', ')})` : name,
      scalar(m.serialNumber) === null ? null : `serial ${scalar(m.serialNumber)}`,
      strings(m.volumeName).length > 0 ? `volume ${strings(m.volumeName).join(', ')}` : null,
      strings(m.partitionId).length > 0 ? `partition ${strings(m.partitionId).join(', ')}` : null,
    ].filter((v): v is string => v !== null);
    if (parts.length > 0) this.rows.push({ label, kind: 'text', value: parts.join('; ') });
    return this;
  }

  /** Browser tabs: "title — url" per tab. */
  tabs(label: string, value: unknown): this {
    const items = (Array.isArray(value) ? value : [])
      .map((tab) => {
        const t = bag(tab);
        const url = scalar(t.url);
        const title = scalar(t.title);
        return url && title && title !== url ? `${title} — ${url}` : (url ?? title);
      })
      .filter((v): v is string => v !== null);
    if (items.length > 0) this.rows.push({ label, kind: 'list', value: items });
    return this;
  }
}

function group(id: string, title: string, build: (rows: Rows) => void): DetailGroup {
  const rows = new Rows();
  build(rows);
  return { id, title, rows: rows.rows };
}

/** Indicator names with their weights: "Dropbox upload (weight 5)". */
function indicators(value: unknown): string[] {
  return (Array.isArray(value) ? value : [])
    .map((item) => {
      if (typeof item === 'string') return item;
      const i = bag(item);
      const name = scalar(i.name);
      if (name === null) return null;
      return typeof i.weight === 'number' ? `${name} (weight ${i.weight})` : name;
    })
    .filter((v): v is string => v !== null);
}

export function eventGroups(event: FileEventV2): DetailGroup[] {
  const e = bag(event.event);
  const user = bag(event.user);
  const file = bag(event.file);
  const hash = bag(file.hash);
  const source = bag(event.source);
  const destination = bag(event.destination);
  const risk = bag(event.risk);
  const untrusted = bag(risk.untrustedValues);
  const process = bag(event.process);
  const extension = bag(process.extension);
  const controls = bag(event.responseControls);
  const justification = bag(controls.userJustification);
  const git = bag(event.git);
  const report = bag(event.report);

  const groups = [
    group('event', 'What happened', (r) =>
      r
        .add('Time', event['@timestamp'], 'date')
        .word('Action', e.action)
        .word('Vector', e.vector)
        .add('Data source', e.observer)
        .add('Detector', e.detectorDisplayName)
        .list('Shared as', e.shareType)
        .add('Ingested', e.ingested, 'date')
        .add('Event ID', e.id, 'mono'),
    ),
    group('who', 'Who', (r) =>
      r.add('User', user.email).add('User ID', user.id, 'mono').add('Device ID', user.deviceUid, 'mono'),
    ),
    group('file', 'What file', (r) => {
      r.add('Name', file.name).add('Path', file.directory, 'mono');
      if (scalar(file.originalName) !== scalar(file.name)) r.add('Original name', file.originalName);
      if (scalar(file.originalDirectory) !== scalar(file.directory)) {
        r.add('Original path', file.originalDirectory, 'mono');
      }
      r.bytes('Size', file.sizeInBytes)
        .add('Type', file.category)
        .add('MIME type', file.mimeType, 'mono')
        .add('SHA-256', hash.sha256, 'mono')
        .add('SHA-256 error', hash.sha256Error)
        .add('MD5', hash.md5, 'mono')
        .add('MD5 error', hash.md5Error)
        .add('Owner', file.owner)
        .add('Created', file.created, 'date')
        .add('Modified', file.modified, 'date')
        .word('Change', file.changeType)
        .add('URL', file.url, 'mono')
        .add('Password protected', file.passwordProtected === true ? true : null)
        .add('Archive ID', file.archiveId, 'mono')
        .list(
          'Classifications',
          (Array.isArray(file.classifications) ? file.classifications : []).map((c) =>
            [scalar(bag(c).value), scalar(bag(c).vendor)].filter(Boolean).join(' — '),
          ),
        );
    }),
    group('source', 'From where', (r) =>
      r
        .add('Category', source.category)
        .add('Name', source.name)
        .add('Domain', source.domain, 'mono')
        .list('Domains', source.domains)
        .add('IP address', source.ip, 'mono')
        .list('Private IP addresses', source.privateIp)
        .list('User', bag(source.user).email)
        .add('Email from', bag(source.email).from)
        .add('Email sender', bag(source.email).sender)
        .add('Account', source.accountName)
        .add('Account type', source.accountType)
        .add('Operating system', source.operatingSystem)
        .add('Remote host', source.remoteHostname, 'mono')
        .media('Removable media', source.removableMedia)
        .tabs('Browser tabs', source.tabs),
    ),
    group('destination', 'To where', (r) =>
      r
        .add('Category', destination.category)
        .add('Name', destination.name)
        .list('Domains', destination.domains)
        .add('IP address', destination.ip, 'mono')
        .list('Private IP addresses', destination.privateIp)
        .list('Email recipients', bag(destination.email).recipients)
        .add('Email subject', bag(destination.email).subject)
        .tabs('Browser tabs', destination.tabs)
        .add('Account', destination.accountName)
        .add('Account type', destination.accountType)
        .list('User', bag(destination.user).email)
        .media('Removable media', destination.removableMedia)
        .add('Printer', destination.printerName)
        .add('Print job', destination.printJobName)
        .add('Printed file backup', destination.printedFilesBackupPath, 'mono')
        .add('Operating system', destination.operatingSystem)
        .add('Remote host', destination.remoteHostname, 'mono'),
    ),
    group('risk', 'Risk', (r) =>
      r
        .add('Score', risk.score)
        .word('Severity', risk.severity)
        .list('Indicators', indicators(risk.indicators))
        .add('Trusted', risk.trusted)
        .add('Trust reason', risk.trustReason)
        .list('Untrusted domains', untrusted.domains)
        .list('Untrusted accounts', untrusted.accountNames)
        .list('Untrusted git repositories', untrusted.gitRepositoryUris)
        .list('Untrusted Slack workspaces', untrusted.slackWorkspaces)
        .list('Untrusted URL paths', untrusted.urlPaths),
    ),
    group('process', 'Process', (r) =>
      r
        .add('Executable', process.executable, 'mono')
        .add('Owner', process.owner)
        .add('Browser', extension.browser)
        .add('Browser version', extension.version)
        .add('Signed-in browser user', extension.loggedInUser),
    ),
    group('controls', 'Response controls', (r) =>
      r
        .word('Preventative control', controls.preventativeControl)
        .word('Justification', justification.reason)
        .add('Justification text', justification.text),
    ),
    group('git', 'Git', (r) =>
      r
        .add('Repository', git.repositoryUri, 'mono')
        .add('Repository user', git.repositoryUser)
        .add('Repository email', git.repositoryEmail)
        .add('Local path', git.repositoryEndpointPath, 'mono')
        .add('Last commit', git.lastCommitHash, 'mono')
        .add('Git event ID', git.eventId, 'mono'),
    ),
    group('report', 'Report', (r) =>
      r
        .add('Name', report.name)
        .add('Description', report.description)
        .word('Type', report.type)
        .add('Rows', report.count)
        .add('Report ID', report.id, 'mono')
        .list('Columns', report.headers),
    ),
  ];
  return groups.filter((g) => g.rows.length > 0);
}
