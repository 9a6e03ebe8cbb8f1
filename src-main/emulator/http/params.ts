/** Query-string value parsing shared by the routes, with the API's error for each kind of bad value. */
import { BadRequestError, ProblemError } from '../errors.js';

const INT32_MAX = 2_147_483_647;

/** `true`/`True`/`TRUE`/`false`/…; undefined when absent or empty; 400 otherwise. */
export function parseBoolean(params: URLSearchParams, name: string): boolean | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new BadRequestError(`Failed to convert value '${raw}' of parameter '${name}' to boolean`);
}

/** A whole number within 1..2147483647, else the given problem (or a binding error when no code is given). */
export function parsePositiveInt(
  params: URLSearchParams,
  name: string,
  fallback: number,
  problem?: string,
): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const value = /^[+-]?\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(value) && value >= 1 && value <= INT32_MAX) return value;
  if (problem) throw new ProblemError(problem, `${name} must be a whole number from 1 to ${INT32_MAX}`);
  throw new BadRequestError(`Invalid value '${raw}' for parameter '${name}'`);
}

/** An integer with no range rule (range checks belong to the caller); 400 binding error when malformed. */
export function parseInteger(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^[+-]?\d{1,10}$/.test(raw)) {
    throw new BadRequestError(`Failed to convert value '${raw}' of parameter '${name}' to int`);
  }
  return Number(raw);
}

/** Every value of a repeatable parameter; Spring also splits comma-separated values, so we do too. */
export function parseList(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A string filter; empty counts as absent. */
export function parseString(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  return raw === null || raw === '' ? undefined : raw;
}
