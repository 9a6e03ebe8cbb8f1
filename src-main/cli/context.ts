/**
 * What every command gets: the IO, a lazily made API client, the saved profiles, the clock, the chosen
 * output format.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { incydrClientFactory } from '../core/credentials/connection-test.js';
import { dataDirFromEnv } from '../core/credentials/data-dir.js';
import { KeytarSecretStore } from '../core/credentials/keytar-store.js';
import { ProfileService } from '../core/credentials/profile-service.js';
import { FileProfileStore } from '../core/credentials/profile-store.js';
import { IncydrClient } from '../core/incydr/index.js';
import { postToInbox } from '../core/library/library-inbox.js';
import type { InboxEntry } from '../core/library/library-inbox.js';
import { LOG_LEVELS, createLogger } from '../core/log.js';
import type { LogLevel, Logger } from '../core/log.js';
import { profileKeyFor } from '../core/session/profile-key.js';
import { resolveConnection } from './connection.js';
import type { Connection } from './connection.js';
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
  private made: Promise<IncydrClient> | undefined;
  private connection: Connection | undefined;
  private client_: IncydrClient | undefined;
  private service: ProfileService | undefined;
  /** Set by a command that ends without an exception but not in success (e.g. a declined prompt). */
  exitCode = 0;
  /** The global `--profile NAME`, set before a command runs. */
  profileName: string | undefined;

  constructor(readonly io: CliIo) {}

  /**
   * The client, created on first use so `--help` and usage errors need no connection settings. Where
   * the connection comes from: see resolveConnection (--profile > INCYDR_* > the selected profile).
   */
  client(): Promise<IncydrClient> {
    this.made ??= (async () => {
      const request = { env: this.io.env, profiles: () => this.profiles() };
      const connection = await resolveConnection(
        this.profileName === undefined ? request : { ...request, profile: this.profileName },
      );
      this.connection = connection;
      const logger = this.logger([connection.clientSecret]);
      this.client_ = new IncydrClient({
        baseUrl: connection.baseUrl,
        clientId: connection.clientId,
        clientSecret: connection.clientSecret,
        userAgent: CLI_USER_AGENT,
        logger,
      });
      return this.client_;
    })();
    return this.made;
  }

  /** The data folder shared with the app: CASE_DESK_DATA_DIR, else the platform's app-data folder. */
  dataDir(): string {
    return dataDirFromEnv({ env: this.io.env, ...(this.io.cwd === undefined ? {} : { cwd: this.io.cwd }) });
  }

  /** The saved profiles in the data folder. */
  profiles(): ProfileService {
    if (this.service === undefined) {
      const logger = this.logger([]);
      this.service = new ProfileService({
        store: new FileProfileStore(this.dataDir()),
        keychain: new KeytarSecretStore({ logger }),
        clients: incydrClientFactory({ userAgent: CLI_USER_AGENT, logger }),
        logger,
        now: () => this.now(),
      });
    }
    return this.service;
  }

  /**
   * Whom the app's export library files this run's exports under: the profile, or for the INCYDR_*
   * variables the key the app gives a connection made with the same URL and client ID.
   */
  async libraryOwner(): Promise<{ profileKey: string; profileLabel: string }> {
    await this.client();
    const c = this.connection as Connection;
    return {
      profileKey: c.profileId ?? profileKeyFor('tenant', c.baseUrl, c.clientId),
      profileLabel: c.profile ?? '',
    };
  }

  /**
   * Records saved files in the app's export library (through its inbox: library-inbox.ts). A failure
   * is a warning: the files are saved, and the command's own output lists them.
   */
  async recordInLibrary(entries: readonly InboxEntry[]): Promise<void> {
    try {
      await postToInbox(this.dataDir(), entries, () => this.now());
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.io.stderr(
        `warning: the files were saved but not recorded in the app's export library: ${safeText(detail)}\n`,
      );
    }
  }

  /** The request log on stderr, at INCYDR_LOG_LEVEL. */
  logger(secrets: readonly string[]): Logger {
    return createLogger({
      level: logLevel(this.io.env['INCYDR_LOG_LEVEL']),
      write: (line) => this.io.stderr(`${safeText(line)}\n`),
      secrets,
    });
  }

  now(): Date {
    return this.io.now?.() ?? new Date();
  }

  close(): void {
    this.client_?.close();
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
