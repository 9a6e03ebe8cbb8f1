/**
 * Words for where a profile connects — the region by name, a custom URL by its host, the demo
 * workspace on this computer — shared by the profiles page and the window header.
 */
import { REGIONS, findRegion } from '../../../src-shared/domain/regions.js';
import type { Region, RegionName } from '../../../src-shared/domain/regions.js';

/** The region picker's value for "a URL of my own". */
export const CUSTOM_REGION = 'custom';

export { REGIONS };

/** "United States (US1) — api.us.code42.com". */
export function regionOptionLabel(region: Region): string {
  return `${region.label} — ${hostOf(region.url)}`;
}

export function hostOf(url: string): string {
  return URL.parse(url)?.host ?? url;
}

export interface Whereabouts {
  kind: 'demo' | 'tenant' | null;
  region: RegionName | null;
  baseUrl: string | null;
}

/** What the header and the list say for the region: its name, a custom URL's host, or the demo's. */
export function regionText(where: Whereabouts): string {
  if (where.kind === 'demo') return 'On this computer';
  if (where.region !== null) return findRegion(where.region)?.label ?? where.region;
  return where.baseUrl === null ? '' : `Custom URL: ${hostOf(where.baseUrl)}`;
}
