/** The flags of `npm run emulator`, parsed with node:util parseArgs (bad flags → UsageError). */
import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './server.js';

export const USAGE = `Usage: npm run emulator -- [options]

Options:
  --port N              port on 127.0.0.1 (default 8042; 0 = any free port)
  --cases N             number of seeded cases (default 60)
  --seed N              seed for all generated data (default 42)
  --client-id ID        API client ID to accept (default key-demo-0000)
  --client-secret S     API client secret to accept (default demo-secret)
  --token-ttl SECONDS   bearer token lifetime (default 900)
  --export-mb N         size captured files so each full case ZIP is about N MB (default: a few KB)
  --fault-rate F        fraction 0..1 of requests that misbehave (default 0)
  --hostile-filenames   send hostile Content-Disposition names on downloads
  --quiet               do not log requests
  -h, --help            show this help`;

/** The port used when none is given: the one the official SDK's tests use. */
export const DEFAULT_PORT = 8042;

export class UsageError extends Error {}

function wholeNumber(
  name: string,
  raw: string | undefined,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > max)
    throw new UsageError(`--${name} needs a whole number, got '${raw}'`);
  return Number(raw);
}

function decimal(name: string, raw: string | undefined, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new UsageError(`--${name} needs a number from 0 to ${max}, got '${raw}'`);
  }
  return value;
}

export type EmulatorArgs = EmulatorOptions & { quiet: boolean; portGiven: boolean };

export function parseEmulatorArgs(argv: string[]): EmulatorArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        cases: { type: 'string' },
        seed: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'token-ttl': { type: 'string' },
        'export-mb': { type: 'string' },
        'fault-rate': { type: 'string' },
        'hostile-filenames': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';
  const seedRaw = values.seed;
  if (seedRaw !== undefined && !/^-?\d+$/.test(seedRaw))
    throw new UsageError(`--seed needs an integer, got '${seedRaw}'`);
  const ttl = wholeNumber('token-ttl', values['token-ttl']);
  if (ttl === 0) throw new UsageError('--token-ttl must be at least 1');
  for (const name of ['client-id', 'client-secret'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} must not be empty`);
  }
  const port = wholeNumber('port', values.port, 65535);
  return {
    port: port ?? DEFAULT_PORT,
    portGiven: port !== undefined,
    cases: wholeNumber('cases', values.cases, 10_000_000),
    seed: seedRaw === undefined ? undefined : Number(seedRaw),
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    tokenTtlSeconds: ttl,
    exportMb: decimal('export-mb', values['export-mb'], 1_000_000),
    faultRate: decimal('fault-rate', values['fault-rate'], 1),
    hostileFilenames: values['hostile-filenames'] ?? false,
    quiet: values.quiet ?? false,
  };
}
