/** The ten regional API gateways (incydr-api.md §1.1), offered by name. */
export interface Region {
  id: string;
  name: string;
  host: string;
}

export const REGIONS: readonly Region[] = [
  { id: 'us', name: 'US', host: 'api.us.code42.com' },
  { id: 'us2', name: 'US2', host: 'api.us2.code42.com' },
  { id: 'us7', name: 'US7', host: 'api.us7.code42.com' },
  { id: 'gov', name: 'US Government', host: 'api.gov.code42.com' },
  { id: 'ie', name: 'Ireland', host: 'api.ie.code42.com' },
  { id: 'uk', name: 'United Kingdom', host: 'api.uk.code42.com' },
  { id: 'de', name: 'Germany', host: 'api.de.code42.com' },
  { id: 'au', name: 'Australia', host: 'api.au.code42.com' },
  { id: 'ca', name: 'Canada', host: 'api.ca.code42.com' },
  { id: 'za', name: 'South Africa', host: 'api.za.code42.com' },
];

export const CUSTOM_REGION = 'custom';

export function regionLabel(region: Region): string {
  return `${region.name} (${region.host})`;
}

export function regionUrl(id: string): string | null {
  const region = REGIONS.find((r) => r.id === id);
  return region ? `https://${region.host}` : null;
}
