/** What every command gets: the IO, a lazily made API client, the clock, the chosen output format. */
import { Option } from 'commander';
import type { Command } from 'commander';
import { IncydrClient } from '../core/incydr/index.js';
import { LOG_LEVELS, createLogger } from '../core/log.js';
import type { LogLevel } from '../core/log.js';
import { resolveConnection } from './connection.js';
import type { CliIo } from './io.js';
import { OUTPUT_FORMATS } from './output/format.js';
import type { OutputFormat } from './output/format.js';
import { safeText } from './output/safe-text.js';
import { VERSION } from './version.js';

export const CLI_USER_AGENT = `case-desk-cli/${VERSION}`;

/**
 * `INCYDR_LOG_LEVEL`, as the official SDK reads it (Python names such as WARNING are accepted too);
 * default `warn`, so only problems worth a look reach stderr.
 */
export function logLevel(value: string | undefined): LogLevel {
  const wanted = (value ?? '').trim().toLowerCase();
  if (wanted === 'warning') return 'warn';
  if (wanted === 'critical') return 'error';
  return (LOG_LEVELS as readonly string[]).includes(wanted) ? (wanted as LogLevel) : 'warn';
}

export class CliContext {
  private made: IncydrClient | undefined;
  /** Set by a command that ends without an exception but not in success (e.g. a declined prompt). */
  exitCode = 0;

  constructor(readonly io: CliIo) {}

  /** The client, created on first use so `--help` and usage errors need no connection settings. */
  client(): IncydrClient {
    if (this.made === undefined) {
      const connection = resolveConnection({ env: this.io.env });
      const logger = createLogger({
        level: logLevel(this.io.env['INCYDR_LOG_LEVEL']),
        write: (line) => this.io.stderr(`${safeText(line)}\n`),
        secrets: [connection.clientSecret],
      });
      this.made = new IncydrClient({ ...connection, userAgent: CLI_USER_AGENT, logger });
    }
    return this.made;
  }

  now(): Date {
    return this.io.now?.() ?? new Date();
  }

  close(): void {
    this.made?.close();
  }
}

export interface OutputOptions {
  format: OutputFormat;
  columns?: string;
}

/** `-f/--format` (and `--columns` where a command prints rows). */
export function addOutputOptions(command: Command, { columns }: { columns: boolean }): Command {
  command.addOption(
    new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'),
  );
  if (columns) {
    command.option(
      '--columns <names>',
      'comma list of columns for table and csv output (camelCase or snake_case)',
    );
  }
  return command;
}
