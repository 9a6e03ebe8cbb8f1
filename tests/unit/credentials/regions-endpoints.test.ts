import { describe, expect, it } from 'vitest';
import { REGIONS, findRegion, regionForUrl } from '../../../src-shared/domain/regions.js';
import {
  clientIdProblem,
  labelProblem,
  resolveEndpoint,
  secretProblem,
} from '../../../src-main/core/credentials/profiles.js';

describe('regions', () => {
  it('offers the ten regional gateways of incydr-api.md §1.1, all https', () => {
    expect(REGIONS.map((r) => r.name)).toEqual([
      'us',
      'us2',
      'ie',
      'gov',
      'us7',
      'uk',
      'au',
      'ca',
      'de',
      'za',
    ]);
    for (const r of REGIONS) {
      expect(r.url).toBe(`https://api.${r.name}.code42.com`);
      expect(r.console).toBe(`console.${r.name}.code42.com`);
      expect(r.label).not.toBe('');
    }
  });

  it('finds a region by name or by URL', () => {
    expect(findRegion(' US2 ')?.url).toBe('https://api.us2.code42.com');
    expect(findRegion('mars')).toBeUndefined();
    expect(regionForUrl('https://API.de.code42.com/')?.name).toBe('de');
    expect(regionForUrl('https://api.de.code42.com.evil.com')).toBeUndefined();
  });
});

describe('resolveEndpoint', () => {
  it('turns a region into its URL', () => {
    expect(resolveEndpoint({ region: 'ie' })).toEqual({ region: 'ie', baseUrl: 'https://api.ie.code42.com' });
  });

  it('recognises a regional URL typed by hand', () => {
    expect(resolveEndpoint({ baseUrl: 'https://api.za.code42.com/' })).toEqual({
      region: 'za',
      baseUrl: 'https://api.za.code42.com',
    });
  });

  it('accepts a custom https URL and http only to this computer', () => {
    expect(resolveEndpoint({ baseUrl: 'https://gw.example.com/incydr/' })).toEqual({
      baseUrl: 'https://gw.example.com/incydr',
    });
    expect(resolveEndpoint({ baseUrl: 'http://127.0.0.1:8042' })).toEqual({
      baseUrl: 'http://127.0.0.1:8042',
    });
    expect(resolveEndpoint({ baseUrl: 'http://[::1]:8042/' })).toEqual({ baseUrl: 'http://[::1]:8042' });
  });

  it.each([
    [{ baseUrl: 'http://api.us.code42.com' }, 'baseUrl', /https:\/\//u],
    [{ baseUrl: 'http://10.0.0.5:8042' }, 'baseUrl', /https:\/\//u],
    [{ baseUrl: 'not a url' }, 'baseUrl', /Not a valid URL/u],
    [{ baseUrl: 'https://user:pw@api.us.code42.com' }, 'baseUrl', /user name or password/u],
    [{ region: 'mars' }, 'region', /Unknown region "mars"\. Regions: us, us2/u],
    [{ region: 'us', baseUrl: 'https://x.example.com' }, 'baseUrl', /not both/u],
    [{}, 'baseUrl', /Choose a region/u],
  ])('refuses %j as a VALIDATION problem of %s', (input, field, message) => {
    let caught: unknown;
    try {
      resolveEndpoint(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(message) });
    expect((caught as { details: unknown }).details).toEqual([
      { path: [field], message: expect.any(String) },
    ]);
  });
});

describe('field rules', () => {
  it('labels: not empty, not too long, no control characters, not the demo workspace', () => {
    expect(labelProblem('Work (EU)')).toBeUndefined();
    expect(labelProblem('  ')).toMatch(/needs a name/u);
    expect(labelProblem('x'.repeat(65))).toMatch(/at most 64/u);
    expect(labelProblem('evil\u202Egnp')).toMatch(/control/u);
    expect(labelProblem('a\nb')).toMatch(/control/u);
    expect(labelProblem('demo')).toMatch(/built-in demo/u);
    expect(labelProblem('Demo Workspace')).toMatch(/built-in demo/u);
  });

  it('client IDs are one word', () => {
    expect(clientIdProblem('key-1a2b3c')).toBeUndefined();
    expect(clientIdProblem('')).toMatch(/missing/u);
    expect(clientIdProblem('key 1')).toMatch(/looks wrong/u);
    expect(clientIdProblem('key:1')).toMatch(/looks wrong/u);
  });

  it('secret problems never quote the secret', () => {
    expect(secretProblem('')).toMatch(/missing/u);
    const twoLines = 'line-one-SECRET\nline-two';
    expect(secretProblem(twoLines)).toBe('The API client secret must be one line.');
    expect(secretProblem('y'.repeat(5000))).not.toContain('yyyy');
  });
});
