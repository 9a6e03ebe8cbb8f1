/** What investigators write: case names, short descriptions and markdown findings. */
import type { Random } from '../prng.js';

export const CASE_TOPICS = [
  'Q1 source-code exfil',
  'Q2 source-code exfil',
  'Q3 source-code exfil',
  'Q4 source-code exfil',
  'Departing employee: USB copies',
  'Personal Dropbox uploads',
  'Salesforce report export',
  'GitHub push to personal repo',
  'Customer list emailed to Gmail',
  'Printed payroll files',
  'Zip archives to removable media',
  'Pricing sheet shared publicly',
  'After-hours bulk downloads',
  'Design files to personal OneDrive',
  'Contractor offboarding review',
  'Keys copied to USB',
  'Roadmap deck sent externally',
  'M&A documents on personal drive',
  'Mass deletion before resignation',
  'Source archive to WeTransfer',
  'HR records in personal email',
  'Board minutes shared to domain',
  'Slack export to personal account',
  'Legal hold review',
  'Sales pipeline exported to CSV',
  'Firmware images copied',
  'Data room access anomaly',
  'AirDrop transfers',
  'Finance model downloaded',
  'Benefits data printed',
  'Patent drafts to iCloud',
  'Watchlist: flight risk',
] as const;

export const DESCRIPTIONS = [
  'Large uploads to personal Dropbox after resignation notice.',
  'Alert from the departing-employee watchlist; manager confirmed last day is in two weeks.',
  'Multiple zip archives written to an unapproved USB drive outside business hours.',
  'Customer contact exports emailed to a personal Gmail address.',
  'Repository cloned and pushed to a personal GitHub account. Check whether it contains secrets.',
  'Pricing model shared with "anyone with the link" in Google Drive.',
  'HR flagged unusual access to compensation data ahead of the review cycle.',
  'Salesforce pipeline report downloaded and synced to a personal OneDrive.',
  'Spike in print jobs for confidential board material.',
  'Routine review requested by Legal as part of a litigation hold.',
  'Contractor account still active after the engagement ended; files moved to removable media.',
  'AirDrop transfers of design files to an unmanaged device.',
] as const;

const NEXT_STEPS = [
  'Interview scheduled with the employee and their manager',
  'Legal notified; preserve evidence under hold',
  'Request device collection from IT',
  'Revoke OAuth grants for the personal cloud app',
  'Confirm with the data owner whether the files are confidential',
  'Check the destination account for further shares',
  'Escalate to the CISO if more than 100 files are confirmed',
] as const;

/** Markdown findings with headings, lists, code and links, as an analyst would write them. */
export function findingsFor(rng: Random, subject: string | null, fileNames: readonly string[]): string {
  const who = subject ?? 'The subject';
  const count = rng.int(3, 900);
  const shown = fileNames.slice(0, 4);
  const steps = rng.shuffle(NEXT_STEPS).slice(0, rng.int(2, 4));
  const lines = [
    '## Summary',
    '',
    `${who} moved **${count} files** outside the company within ${rng.int(1, 14)} days.`,
    '',
    '### Evidence',
    '',
    ...(shown.length > 0 ? shown.map((f) => `- \`${f}\``) : ['- _No file events attached yet_']),
    `- Risk indicators observed: *${rng.pick(['Zip', 'Source code', 'Departing employee', 'Off-hours activity'])}*`,
    '',
    '### Next steps',
    '',
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    '',
    'Hash check run on the collected copy:',
    '',
    '```bash',
    `sha256sum ${shown[0] ?? 'evidence.zip'}`,
    '```',
    '',
    `See the [acceptable use policy](https://intranet.example.com/policies/acceptable-use) and ticket SEC-${rng.int(1000, 9999)}.`,
  ];
  return lines.join('\n');
}
