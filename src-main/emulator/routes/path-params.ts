/** Path parameters, with the framework's 400 for a value of the wrong type. */
import { BadRequestError } from '../errors.js';
import type { RequestContext } from '../context.js';
import type { CaseRecord } from '../store/case-record.js';

export function caseNumberOf(rc: RequestContext): number {
  const raw = rc.params.caseNumber ?? '';
  if (!/^\d{1,15}$/.test(raw)) {
    throw new BadRequestError(`Failed to convert value '${raw}' of path variable 'caseNumber' to long`);
  }
  return Number(raw);
}

export function caseOf(rc: RequestContext): CaseRecord {
  return rc.env.store.require(caseNumberOf(rc));
}
