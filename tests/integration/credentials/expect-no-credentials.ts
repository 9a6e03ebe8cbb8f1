/** The assertions on a recorded full session, shared with the keychain variant. */
import { expect } from 'vitest';
import type { SessionRecord } from './full-session.js';
import { TENANT_A, TENANT_B, WRONG_SECRET } from './full-session.js';

export function expectNoCredentials(record: SessionRecord): void {
  // There must be something to search, and the wire must have carried what we search for.
  expect(record.bearers.length).toBeGreaterThanOrEqual(2); // one token per tenant at least
  expect(record.basics).toContain(Buffer.from(`${TENANT_A.clientId}:${TENANT_A.secret}`).toString('base64'));
  expect(record.basics).toContain(Buffer.from(`${TENANT_A.clientId}:${WRONG_SECRET}`).toString('base64'));
  expect(record.results.length).toBeGreaterThan(15);
  const results = JSON.stringify(record.results);
  const log = record.logLines.join('\n');
  expect(results).toContain(TENANT_A.clientId); // client IDs are not secret and are shown
  expect(log).toContain('added a profile');
  expect(log).toContain('removed a profile');
  expect(log).toMatch(/GET \/v1\/cases/u);
  expect(record.casesSeen.a.length).toBeGreaterThan(0);
  expect(record.casesSeen.b).not.toEqual(record.casesSeen.a); // the switch reached the other tenant

  const forbidden = [TENANT_A.secret, TENANT_B.secret, WRONG_SECRET, ...record.bearers, ...record.basics];
  for (const [where, text] of Object.entries({ results, log })) {
    for (const value of forbidden) {
      expect(text.includes(value), `${where} contains a credential`).toBe(false);
    }
    expect(text, where).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./u);
  }
}
