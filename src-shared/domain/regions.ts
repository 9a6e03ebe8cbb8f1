/**
 * The ten regional Incydr API gateways (incydr-api.md §1.1), offered by name. A profile names one of
 * these or carries a custom URL; `regionForUrl` finds the region behind a URL someone typed.
 */

export const REGION_NAMES = ['us', 'us2', 'ie', 'gov', 'us7', 'uk', 'au', 'ca', 'de', 'za'] as const;
export type RegionName = (typeof REGION_NAMES)[number];

export interface Region {
  name: RegionName;
  /** What an investigator recognises: the console they sign in to. */
  label: string;
  /** The console host, e.g. `console.us.code42.com`. */
  console: string;
  /** The API base URL, always `https://`, no trailing slash. */
  url: string;
}

function region(name: RegionName, label: string): Region {
  return { name, label, console: `console.${name}.code42.com`, url: `https://api.${name}.code42.com` };
}

export const REGIONS: readonly Region[] = Object.freeze([
  region('us', 'United States (US1)'),
  region('us2', 'United States (US2)'),
  region('ie', 'Ireland'),
  region('gov', 'US Government'),
  region('us7', 'United States (US7)'),
  region('uk', 'United Kingdom'),
  region('au', 'Australia'),
  region('ca', 'Canada'),
  region('de', 'Germany'),
  region('za', 'South Africa'),
]);

export function isRegionName(value: string): value is RegionName {
  return (REGION_NAMES as readonly string[]).includes(value);
}

/** The region of that name (case-insensitive), or undefined. */
export function findRegion(name: string): Region | undefined {
  const wanted = name.trim().toLowerCase();
  return REGIONS.find((r) => r.name === wanted);
}

/** The region whose API URL this is (ignoring case and a trailing slash), or undefined. */
export function regionForUrl(url: string): Region | undefined {
  const wanted = url.trim().toLowerCase().replace(/\/+$/u, '');
  return REGIONS.find((r) => r.url === wanted);
}
