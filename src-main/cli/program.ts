/** The command tree. Commander's own errors throw (exitOverride) so `runCli` can return exit code 2. */
import { Command } from 'commander';
import type { CliContext } from './context.js';
import { registerCasesCrud } from './commands/cases-crud.js';
import { registerCasesList } from './commands/cases-list.js';
import { registerDownload } from './commands/download.js';
import { registerExport } from './commands/export.js';
import { registerFileEvents } from './commands/file-events.js';
import { registerProfiles } from './commands/profiles.js';
import { DATA_DIR_ENV } from '../core/credentials/data-dir.js';
import { CONNECTION_ENV } from './connection.js';
import { VERSION } from './version.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('case-desk');
  // Set before any subcommand is added: commander copies these settings to each new subcommand.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout(text),
      writeErr: (text) => ctx.io.stderr(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true);

  program
    .description(
      'Work Incydr cases from the command line: list, show, create, update, delete, file events, downloads.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--profile <name>', 'connect with this saved profile (see: case-desk profiles)')
    .addHelpText(
      'after',
      `
Connection, first match wins:
  1. --profile NAME          a saved profile (case-desk profiles add); its secret is in the system keychain
  2. the INCYDR_* variables  when any is set (as the official Incydr SDK):
       ${CONNECTION_ENV.url}                 e.g. https://api.us.code42.com
       ${CONNECTION_ENV.clientId}       the API client ID (key-…)
       ${CONNECTION_ENV.clientSecret}   its secret
  3. the selected profile    (case-desk profiles use NAME; the app's last used profile)

Other settings:
  ${DATA_DIR_ENV}         where profiles are saved (default: ~/.config/case-desk on Linux,
                             ~/Library/Application Support/Case Desk on macOS, %APPDATA%\\Case Desk on Windows)
  INCYDR_LOG_LEVEL           debug, info, warn (default) or error: request log on stderr

Exit status: 0 success; 1 the API, the network or the disk failed (the problem code and a sentence on
stderr); 2 a usage error.`,
    );

  // The global --profile reaches the connection before any command's action runs.
  program.hook('preAction', () => {
    ctx.profileName = program.opts<{ profile?: string }>().profile;
  });

  const cases = program.command('cases').description('Incydr cases');
  registerCasesList(cases, ctx);
  registerCasesCrud(cases, ctx);
  registerFileEvents(cases, ctx);
  registerDownload(cases, ctx);
  registerExport(cases, ctx);
  registerProfiles(program, ctx);
  return program;
}
