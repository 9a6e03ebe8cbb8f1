/**
 * The key saved settings (the case list's views, the export library) are kept under, decided here
 * and nowhere else; apart from session-manager.ts so the command line can use it without loading the
 * emulator. The demo workspace is one profile; a tenant connection is its base URL and API client ID
 * (the emulator's random port makes the demo's URL useless as a key). A connection opened from a
 * saved profile uses the profile's ID instead; this key is for a connection made without one.
 */
export function profileKeyFor(kind: 'demo' | 'tenant', baseUrl: string, clientId: string): string {
  return kind === 'demo' ? 'demo' : `tenant:${baseUrl}|${clientId}`;
}
