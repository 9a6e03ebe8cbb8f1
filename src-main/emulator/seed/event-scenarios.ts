/**
 * Flavours of seeded file events: how the data left (or could leave), with the FileEventV2 values that
 * go with it. The detail builder fills every group; a scenario only says what differs.
 */

export interface Scenario {
  key: string;
  action: string;
  vector: string;
  observer: 'Endpoint' | 'GoogleDrive' | 'Office365' | 'Salesforce';
  exposure: string[];
  source: { category: string | null; name: string | null; domains?: string[] };
  destination: { category: string | null; name: string | null; domains?: string[]; url?: string };
  indicator: [string, number] | null;
  detector: string;
  extra?: 'usb' | 'email' | 'git' | 'print' | 'share' | 'report';
}

export const SCENARIOS: readonly Scenario[] = [
  {
    key: 'usb',
    action: 'removable-media-created',
    vector: 'REMOVABLE_MEDIA',
    observer: 'Endpoint',
    exposure: ['RemovableMedia'],
    source: { category: 'Device', name: null },
    destination: { category: 'Removable Media', name: 'SanDisk Ultra USB 3.0' },
    indicator: ['Removable media', 5],
    detector: 'Endpoint',
    extra: 'usb',
  },
  {
    key: 'dropbox',
    action: 'application-read',
    vector: 'UPLOADED',
    observer: 'Endpoint',
    exposure: ['ApplicationRead', 'OutsideTrustedDomains'],
    source: { category: 'Device', name: null },
    destination: {
      category: 'Cloud Storage',
      name: 'Dropbox',
      domains: ['dropbox.com'],
      url: 'https://www.dropbox.com/home/Uploads',
    },
    indicator: ['Dropbox upload', 5],
    detector: 'Endpoint',
  },
  {
    key: 'webmail',
    action: 'application-read',
    vector: 'UPLOADED',
    observer: 'Endpoint',
    exposure: ['ApplicationRead', 'OutsideTrustedDomains'],
    source: { category: 'Device', name: null },
    destination: {
      category: 'Personal Email',
      name: 'Gmail',
      domains: ['mail.google.com'],
      url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
    },
    indicator: ['Personal webmail upload', 6],
    detector: 'Endpoint',
  },
  {
    key: 'email',
    action: 'file-emailed',
    vector: 'EMAILED',
    observer: 'Office365',
    exposure: ['OutsideTrustedDomains'],
    source: { category: 'Email', name: 'Microsoft 365', domains: ['outlook.office365.com'] },
    destination: { category: 'Email', name: 'External recipient' },
    indicator: ['Email to personal account', 5],
    detector: 'Microsoft 365 Email',
    extra: 'email',
  },
  {
    key: 'git',
    action: 'application-read',
    vector: 'GIT_PUSH',
    observer: 'Endpoint',
    exposure: ['OutsideTrustedDomains'],
    source: { category: 'Device', name: null },
    destination: { category: 'Source Code Repository', name: 'GitHub', domains: ['github.com'] },
    indicator: ['Git push to untrusted repository', 7],
    detector: 'Endpoint',
    extra: 'git',
  },
  {
    key: 'print',
    action: 'file-printed',
    vector: 'PRINTED',
    observer: 'Endpoint',
    exposure: [],
    source: { category: 'Device', name: null },
    destination: { category: 'Printer', name: 'HP LaserJet M507' },
    indicator: ['Printed', 2],
    detector: 'Endpoint',
    extra: 'print',
  },
  {
    key: 'share',
    action: 'file-shared',
    vector: 'SHARED',
    observer: 'GoogleDrive',
    exposure: ['IsPublic', 'SharedToDomain'],
    source: { category: 'Cloud Storage', name: 'Google Drive', domains: ['drive.google.com'] },
    destination: { category: null, name: null },
    indicator: ['Public link share', 6],
    detector: 'Google Drive',
    extra: 'share',
  },
  {
    key: 'sync',
    action: 'sync-app-modified',
    vector: 'SYNCED',
    observer: 'Endpoint',
    exposure: ['OutsideTrustedDomains'],
    source: { category: 'Device', name: null },
    destination: { category: 'Cloud Storage', name: 'OneDrive (personal)', domains: ['onedrive.live.com'] },
    indicator: ['Personal cloud sync', 4],
    detector: 'Endpoint',
  },
  {
    key: 'salesforce',
    action: 'file-downloaded',
    vector: 'DOWNLOADED',
    observer: 'Endpoint',
    exposure: [],
    source: { category: 'Business Tools', name: 'Salesforce', domains: ['example.my.salesforce.com'] },
    destination: { category: 'Device', name: null },
    indicator: ['Salesforce report download', 3],
    detector: 'Endpoint',
    extra: 'report',
  },
  {
    key: 'airdrop',
    action: 'application-read',
    vector: 'UPLOADED',
    observer: 'Endpoint',
    exposure: ['ApplicationRead'],
    source: { category: 'Device', name: null },
    destination: { category: 'Messaging', name: 'AirDrop' },
    indicator: ['AirDrop', 5],
    detector: 'Endpoint',
  },
  {
    key: 'modified',
    action: 'file-modified',
    vector: 'MODIFIED',
    observer: 'Endpoint',
    exposure: [],
    source: { category: 'Device', name: null },
    destination: { category: null, name: null },
    indicator: null,
    detector: 'Endpoint',
  },
];

export interface SeedFile {
  name: string;
  category: string;
  mimeType: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export const FILES: readonly SeedFile[] = [
  { name: 'payments-core.zip', category: 'Archive', mimeType: 'application/zip' },
  { name: 'customer-list-2024.csv', category: 'Spreadsheet', mimeType: 'text/csv' },
  { name: 'Q3-forecast.xlsx', category: 'Spreadsheet', mimeType: XLSX },
  { name: 'roadmap-2025.pptx', category: 'Presentation', mimeType: PPTX },
  { name: 'salary-bands.xlsx', category: 'Spreadsheet', mimeType: XLSX },
  { name: 'board-minutes-march.docx', category: 'Document', mimeType: DOCX },
  { name: 'design-spec-v4.pdf', category: 'Pdf', mimeType: 'application/pdf' },
  { name: 'deploy-keys.pem', category: 'Other', mimeType: 'application/x-pem-file' },
  { name: 'pricing-model.xlsx', category: 'Spreadsheet', mimeType: XLSX },
  { name: 'src-backup.tar.gz', category: 'Archive', mimeType: 'application/gzip' },
  { name: 'patent-draft-07.docx', category: 'Document', mimeType: DOCX },
  { name: 'firmware-v2.3.bin', category: 'Executable', mimeType: 'application/octet-stream' },
  { name: 'Präsentation Q3.pptx', category: 'Presentation', mimeType: PPTX },
  { name: 'Account Plan - ACME.docx', category: 'Document', mimeType: DOCX },
  { name: 'leads_export_2024-06.csv', category: 'Spreadsheet', mimeType: 'text/csv' },
  { name: 'auth-service.py', category: 'SourceCode', mimeType: 'text/x-python' },
  { name: 'MainActivity.java', category: 'SourceCode', mimeType: 'text/x-java' },
  { name: 'contracts.7z', category: 'Archive', mimeType: 'application/x-7z-compressed' },
  { name: 'headcount plan.xlsx', category: 'Spreadsheet', mimeType: XLSX },
  { name: 'benefits-enrollment.pdf', category: 'Pdf', mimeType: 'application/pdf' },
  { name: 'merger-dataroom-index.xlsx', category: 'Spreadsheet', mimeType: XLSX },
  { name: 'api-gateway.tar', category: 'Archive', mimeType: 'application/x-tar' },
];

/** Extra indicators that depend on the file or the person rather than the destination. */
export const FILE_INDICATORS: Record<string, [string, number] | undefined> = {
  Archive: ['Zip', 3],
  SourceCode: ['Source code', 3],
  Spreadsheet: ['Spreadsheet', 1],
  Executable: ['Executable', 2],
};
