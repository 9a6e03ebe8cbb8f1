/** Argument parsers shared by the commands; each failure is a commander error, so exit 2. */
import { InvalidArgumentError } from 'commander';

export function parseCaseNumber(value: string): number {
  const text = value.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('A case number is a whole number of at least 1.');
  }
  return n;
}

export function parsePositiveInt(value: string): number {
  const text = value.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('Expected a whole number of at least 1.');
  }
  return n;
}

/** For repeatable options that also take comma lists: `--status OPEN --status CLOSED,ARCHIVED`. */
export function collectList(value: string, previous: string[] | undefined): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [...(previous ?? []), ...items];
}
