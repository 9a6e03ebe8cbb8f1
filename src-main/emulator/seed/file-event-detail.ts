/**
 * The full FileEventV2 of an event (incydr-api.md §3.2): every group present, absent sub-objects with
 * null members and empty arrays, as the real API does.
 */
import type { FileEventV2 } from '../../../src-shared/domain/index.js';
import type { FileHashes } from '../bodies/source-file.js';
import { EMAIL_DOMAIN } from './names.js';
import type { EventCore } from './event-catalog.js';

function removableMedia(present: boolean, core: EventCore): Record<string, unknown> {
  if (!present) {
    return {
      busType: null,
      capacity: null,
      mediaName: null,
      name: null,
      partitionId: [],
      serialNumber: null,
      vendor: null,
      volumeName: [],
    };
  }
  return {
    busType: 'USB',
    capacity: 61_530_439_680,
    mediaName: 'SanDisk Ultra USB 3.0 Media',
    name: 'SanDisk Ultra USB 3.0',
    partitionId: [core.rng.uuid().toUpperCase()],
    serialNumber: core.rng.hex(20).toUpperCase(),
    vendor: 'SanDisk',
    volumeName: ['SANDISK'],
  };
}

function tabs(url: string | undefined, title: string | null): Record<string, unknown>[] {
  return url ? [{ title, titleError: null, url, urlError: null }] : [];
}

function msIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function buildFileEventV2(core: EventCore, hashes: FileHashes): FileEventV2 {
  const { scenario: sc, file, actor, rng } = core;
  const endpoint = sc.observer === 'Endpoint';
  const email = actor.name.includes('@') ? actor.name : `${actor.name}@${EMAIL_DOMAIN}`;
  const ingestedMs = core.timestampMs + rng.int(30_000, 600_000);
  const micros = String(rng.int(0, 999)).padStart(3, '0');
  const ingested = `${msIso(ingestedMs).slice(0, -1)}${micros}Z`;
  const inserted = `${msIso(ingestedMs + rng.int(100, 5000)).slice(0, -1)}${micros}Z`;
  const createdMs = core.timestampMs - rng.int(1, 400) * 86_400_000;
  const recipient = `${(actor.lastName ?? 'user').toLowerCase()}.${rng.int(70, 99)}@gmail.com`;
  const sourceIp = `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  const publicIp = `203.0.113.${rng.int(1, 254)}`;
  const repo = `https://github.com/${(actor.firstName ?? 'dev').toLowerCase()}-${rng.hex(4)}/backup.git`;
  const fileId = rng.hex(32);

  return {
    '@timestamp': msIso(core.timestampMs),
    event: {
      action: sc.action,
      id: core.eventId,
      ingested,
      inserted,
      observer: sc.observer,
      detectorDisplayName: sc.detector,
      relatedEvents: [],
      shareType: sc.extra === 'share' ? ['Public'] : [],
      vector: sc.vector,
      xfcEventId: null,
    },
    user: endpoint
      ? { deviceUid: core.eventId.split('_')[2] ?? null, email, id: actor.actorId }
      : { deviceUid: null, email: null, id: null },
    file: {
      acquiredFrom: [],
      category: file.category,
      categoryByBytes: file.category,
      categoryByExtension: file.category,
      changeType: sc.action === 'file-modified' ? 'MODIFIED' : null,
      classifications: [],
      cloudDriveId: endpoint ? null : rng.hex(28),
      created: msIso(createdMs),
      directory: core.directory,
      originalDirectory: core.directory,
      directoryId: [],
      hash: { md5: hashes.md5, md5Error: null, sha256: hashes.sha256, sha256Error: null },
      id: endpoint ? null : fileId,
      mimeType: file.mimeType,
      mimeTypeByBytes: file.mimeType,
      mimeTypeByExtension: file.mimeType,
      modified: msIso(core.timestampMs - rng.int(0, 3_600_000)),
      name: file.name,
      originalName: file.name,
      owner: endpoint ? (actor.name.split('@')[0] ?? null) : email,
      sizeInBytes: core.sizeInBytes,
      url: endpoint ? null : `https://drive.google.com/file/d/${fileId}/view`,
      archiveId: core.archiveId,
      parentArchiveId: null,
      passwordProtected: file.category === 'Archive' ? rng.chance(0.2) : false,
    },
    source: {
      accountName: null,
      accountType: null,
      category: sc.source.category,
      domain: endpoint ? `${core.deviceName.toLowerCase()}.corp.${EMAIL_DOMAIN}` : null,
      domains: sc.source.domains ?? [],
      email: sc.extra === 'email' ? { from: email, sender: email } : { from: null, sender: null },
      ip: endpoint ? publicIp : null,
      name: sc.source.name ?? (endpoint ? core.deviceName : null),
      operatingSystem: endpoint ? (core.deviceName.startsWith('MBP') ? 'Mac OS X' : 'Windows 11') : null,
      privateIp: endpoint ? [sourceIp, 'fe80::1'] : [],
      remoteHostname: null,
      removableMedia: removableMedia(false, core),
      tabs: [],
      user: { email: endpoint ? [] : [email] },
    },
    destination: {
      accountName: sc.key === 'dropbox' ? recipient : null,
      accountType: null,
      category: sc.destination.category,
      domains: sc.destination.domains ?? [],
      email:
        sc.extra === 'email'
          ? { recipients: [recipient], subject: `Fwd: ${file.name}` }
          : { recipients: [], subject: null },
      ip: sc.destination.domains ? `198.51.100.${rng.int(1, 254)}` : null,
      name: sc.destination.name,
      operatingSystem: null,
      printJobName: sc.extra === 'print' ? file.name : null,
      printerName: sc.extra === 'print' ? 'HP LaserJet M507 (Floor 3)' : null,
      printedFilesBackupPath: null,
      privateIp: [],
      removableMedia: removableMedia(sc.extra === 'usb', core),
      tabs: tabs(sc.destination.url, sc.destination.name),
      user: { email: [] },
      remoteHostname: null,
    },
    process: endpoint
      ? {
          executable:
            sc.vector === 'UPLOADED'
              ? 'C:/Program Files/Google/Chrome/Application/chrome.exe'
              : sc.extra === 'git'
                ? '/usr/bin/git'
                : 'C:/Windows/explorer.exe',
          owner: actor.name.split('@')[0] ?? null,
          extension: {
            browser: sc.vector === 'UPLOADED' ? 'Chrome' : null,
            version: sc.vector === 'UPLOADED' ? '131.0.6778.86' : null,
            loggedInUser: sc.vector === 'UPLOADED' ? email : null,
          },
        }
      : { executable: null, owner: null, extension: { browser: null, version: null, loggedInUser: null } },
    risk: {
      indicators: core.indicators,
      score: core.score,
      severity: core.severity,
      trustReason: null,
      trusted: false,
      untrustedValues: {
        accountNames: [],
        domains: sc.destination.domains ?? [],
        gitRepositoryUris: sc.extra === 'git' ? [repo] : [],
        slackWorkspaces: [],
        urlPaths: [],
      },
    },
    report:
      sc.extra === 'report'
        ? {
            count: rng.int(200, 20_000),
            description: 'All open opportunities with contacts',
            headers: ['Opportunity Name', 'Account Name', 'Amount', 'Close Date', 'Contact Email'],
            id: `00O${rng.hex(12)}`,
            name: 'Pipeline export - all regions',
            type: 'REPORT_TYPE_SAVED',
          }
        : { count: null, description: null, headers: [], id: null, name: null, type: null },
    responseControls: {
      preventativeControl: null,
      userJustification: { reason: null, text: null },
    },
    git:
      sc.extra === 'git'
        ? {
            eventId: rng.hex(40),
            lastCommitHash: rng.hex(40),
            repositoryEmail: email,
            repositoryEndpointPath: `/Users/${actor.name.split('@')[0] ?? 'dev'}/src/payments`,
            repositoryUri: repo,
            repositoryUser: (actor.firstName ?? 'dev').toLowerCase(),
          }
        : {
            eventId: null,
            lastCommitHash: null,
            repositoryEmail: null,
            repositoryEndpointPath: null,
            repositoryUri: null,
            repositoryUser: null,
          },
  };
}
