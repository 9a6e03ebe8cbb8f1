/**
 * `profiles add | update | list | show | remove | test | use`: saved connections, shared with the app. The
 * secret goes to the OS keychain; it is read from a hidden prompt or `--secret-stdin`, never from an
 * argument (arguments end up in shell history and the process list).
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { TenantProfileView } from '../../../src-shared/domain/profile.js';
import { REGIONS } from '../../../src-shared/domain/regions.js';
import { KEYCHAIN_CAUSES } from '../../core/credentials/keychain-reasons.js';
import { addOutputOptions } from '../context.js';
import type { CliContext, OutputOptions } from '../context.js';
import { cliKeychainFailure } from '../connection.js';
import { UsageError } from '../errors.js';
import { writeList, writeRecord } from '../output/format.js';
import { safeText } from '../output/safe-text.js';

const LIST_COLUMNS = ['selected', 'label', 'region', 'baseUrl', 'clientId', 'secret'] as const;
const SHOW_FIELDS = [
  'label',
  'profileId',
  'region',
  'baseUrl',
  'clientId',
  'secret',
  'selected',
  'createdAt',
  'lastUsedAt',
] as const;

/** Where the secret is, in words (the secret itself is never shown). */
function secretPlace(view: TenantProfileView): string {
  if (view.sessionOnly) return 'this session only';
  return view.hasSecret ? 'keychain' : 'missing';
}

function row(view: TenantProfileView, marker = true): Record<string, unknown> {
  return {
    selected: marker ? (view.selected ? '*' : '') : view.selected ? 'yes' : 'no',
    label: view.label,
    profileId: view.profileId,
    region: view.region ?? 'custom',
    baseUrl: view.baseUrl,
    clientId: view.clientId,
    secret: secretPlace(view),
    createdAt: view.createdAt,
    lastUsedAt: view.lastUsedAt,
  };
}

async function tenantProfile(ctx: CliContext, name: string): Promise<TenantProfileView> {
  const view = await ctx.profiles().get(name);
  if (view.kind !== 'tenant') {
    throw new UsageError(
      'The demo workspace is built into the app; the command line works with saved profiles.',
    );
  }
  return view;
}

/** The secret: all of stdin (one trailing newline dropped) or a hidden prompt on a terminal. */
async function readSecret(ctx: CliContext, fromStdin: boolean | undefined, label: string): Promise<string> {
  let secret: string;
  if (fromStdin) {
    secret = (await ctx.io.stdin()).replace(/\r?\n$/u, '');
    if (secret.trim() === '')
      throw new UsageError('--secret-stdin read nothing: pipe the API client secret in.');
  } else if (ctx.io.isTTY && ctx.io.promptSecret) {
    secret = await ctx.io.promptSecret(`API client secret for "${safeText(label)}" (not shown): `);
    if (secret.trim() === '') throw new UsageError('No secret was entered.');
  } else {
    throw new UsageError(
      'No secret given, and there is no terminal to ask on. Pipe it in with --secret-stdin ' +
        '(it is never taken as an argument).',
    );
  }
  return secret;
}

/** Options that would take a secret as an argument: hidden, and refused with a reason. */
function addRefusedSecretOptions(command: Command): Command {
  return command
    .addOption(new Option('--secret <secret>').hideHelp())
    .addOption(new Option('--client-secret <secret>').hideHelp());
}

/** `ask`: how to be asked for the secret instead, e.g. "Leave it out". */
function refuseSecretArgument(opts: { secret?: string; clientSecret?: string }, ask: string): void {
  if (opts.secret !== undefined || opts.clientSecret !== undefined) {
    throw new UsageError(
      'The secret is never accepted as an argument (it would show in shell history and the process ' +
        `list). ${ask} to be asked for it, or pipe it in with --secret-stdin.`,
    );
  }
}

interface AddOptions {
  region?: string;
  url?: string;
  clientId: string;
  secretStdin?: boolean;
  secret?: string;
  clientSecret?: string;
}

export function registerProfiles(program: Command, ctx: CliContext): void {
  const profiles = program
    .command('profiles')
    .description('Saved connections (the secret is kept in the system keychain)');

  const add = profiles
    .command('add')
    .description('Save a connection: tests it first, then keeps the secret in the system keychain')
    .argument('<name>', 'a name for the profile, e.g. work (unique, case does not matter)')
    .addOption(
      new Option(
        '--region <region>',
        `the Incydr region: ${REGIONS.map((r) => r.name).join(', ')}`,
      ).conflicts('url'),
    )
    .option('--url <url>', 'a custom API URL instead (https://, or http:// to this computer only)')
    .requiredOption('--client-id <id>', 'the API client ID (key-…)')
    .option('--secret-stdin', 'read the secret from stdin instead of asking for it');
  // Refused with an explanation: a secret on the command line leaks into history and `ps`.
  addRefusedSecretOptions(add)
    .addHelpText(
      'after',
      `
The secret is asked for on the terminal (not shown as you type), or read from stdin with
--secret-stdin; it is never accepted as an argument. The connection is tested before anything is
saved. The first profile saved becomes the selected one (see: case-desk profiles use).

Regions:
${REGIONS.map((r) => `  ${r.name.padEnd(5)} ${r.url.padEnd(27)} ${r.label} (${r.console})`).join('\n')}

Examples:
  case-desk profiles add work --region us --client-id key-1a2b3c
  printf '%s' "$SECRET" | case-desk profiles add lab --url http://127.0.0.1:8042 --client-id key-demo-0000 --secret-stdin`,
    )
    .action(async (name: string, opts: AddOptions) => {
      refuseSecretArgument(opts, 'Leave it out');
      if (opts.region === undefined && opts.url === undefined) {
        throw new UsageError(`Give --region (${REGIONS.map((r) => r.name).join(', ')}) or --url.`);
      }
      const secret = await readSecret(ctx, opts.secretStdin, name);
      let view: TenantProfileView;
      try {
        view = await ctx.profiles().add({
          label: name,
          ...(opts.region === undefined ? {} : { region: opts.region }),
          ...(opts.url === undefined ? {} : { baseUrl: opts.url }),
          clientId: opts.clientId,
          secret,
        });
      } catch (error) {
        throw cliKeychainFailure(error);
      }
      const selected = view.selected ? ' It is the selected profile.' : '';
      ctx.io.stdout(
        `Saved profile "${safeText(view.label)}" (${view.baseUrl}, client ${safeText(view.clientId)}). ` +
          `The connection works; the secret is in the system keychain.${selected}\n`,
      );
    });

  registerUpdate(profiles, ctx);

  const list = profiles.command('list').description('List the saved profiles (* = selected)');
  addOutputOptions(list, { columns: false });
  list.action(async (opts: OutputOptions) => {
    const views = (await ctx.profiles().list()).filter((v): v is TenantProfileView => v.kind === 'tenant');
    if (opts.format === 'json' || opts.format === 'jsonl') {
      writeList(ctx.io, views, opts.format, LIST_COLUMNS);
      return;
    }
    if (views.length === 0 && opts.format === 'table') {
      ctx.io.stderr(
        'No profiles are saved. Add one with: case-desk profiles add NAME --region us --client-id ID\n',
      );
      return;
    }
    writeList(
      ctx.io,
      views.map((v) => row(v)),
      opts.format,
      LIST_COLUMNS,
    );
    // "missing" may only mean the keychain cannot be reached right now: say so once.
    if (views.some((v) => !v.hasSecret)) {
      const status = await ctx.profiles().keychainStatus();
      if (!status.available) ctx.io.stderr(`note: ${KEYCHAIN_CAUSES[status.reason]}\n`);
    }
  });

  const show = profiles
    .command('show')
    .description('Show one profile (never its secret)')
    .argument('<name>', 'the profile name');
  addOutputOptions(show, { columns: false });
  show.action(async (name: string, opts: OutputOptions) => {
    const view = await tenantProfile(ctx, name);
    if (opts.format === 'json' || opts.format === 'jsonl') writeRecord(ctx.io, view, opts.format);
    else writeRecord(ctx.io, row(view, false), opts.format, { fields: SHOW_FIELDS });
  });

  profiles
    .command('remove')
    .description('Remove a profile and its keychain entry (asks first on a terminal)')
    .argument('<name>', 'the profile name')
    .option('-y, --yes', 'remove without asking (needed when not on a terminal)')
    .action(async (name: string, opts: { yes?: boolean }) => {
      const view = await tenantProfile(ctx, name);
      if (!opts.yes) {
        if (!ctx.io.isTTY) {
          throw new UsageError(
            `Not removing profile "${safeText(view.label)}" without confirmation: there is no terminal to ask on. Add --yes to remove it.`,
          );
        }
        const answer = await ctx.io.prompt(
          `Remove profile "${safeText(view.label)}" (${view.baseUrl}) and its secret? [y/N] `,
        );
        if (!/^y(es)?$/iu.test(answer.trim())) {
          ctx.io.stderr(`Profile "${safeText(view.label)}" was not removed.\n`);
          ctx.exitCode = 1;
          return;
        }
      }
      const removed = await ctx.profiles().remove(view.profileId);
      const secret = removed.keychainEntryRemoved ? ' and its secret from the keychain' : '';
      ctx.io.stdout(`Removed profile "${safeText(removed.label)}"${secret}.\n`);
      if (removed.keychainProblem) ctx.io.stderr(`warning: ${safeText(removed.keychainProblem)}\n`);
    });

  profiles
    .command('test')
    .description('Test a profile: sign in to Incydr with its saved ID and secret')
    .argument('<name>', 'the profile name')
    .action(async (name: string) => {
      const view = await tenantProfile(ctx, name);
      try {
        const result = await ctx.profiles().test(view.profileId);
        ctx.io.stdout(
          `The connection works: profile "${safeText(view.label)}", ${view.baseUrl}, tenant ${safeText(result.tenantId)}.\n`,
        );
      } catch (error) {
        throw cliKeychainFailure(error);
      }
    });

  profiles
    .command('use')
    .description('Select the profile that commands use without --profile (the app opens it on start too)')
    .argument('<name>', 'the profile name')
    .action(async (name: string) => {
      const view = await tenantProfile(ctx, name);
      const selected = await ctx.profiles().select(view.profileId);
      ctx.io.stdout(`Now using profile "${safeText(selected.label)}" (${view.baseUrl}).\n`);
    });
}

interface UpdateOptions {
  name?: string;
  region?: string;
  url?: string;
  clientId?: string;
  newSecret?: boolean;
  secretStdin?: boolean;
  secret?: string;
  clientSecret?: string;
}

/** `profiles update`: rename, move, change the client ID or rotate the secret of a saved profile. */
function registerUpdate(profiles: Command, ctx: CliContext): void {
  const update = profiles
    .command('update')
    .description('Change a profile: its name, region or URL, client ID or secret (tested before saving)')
    .argument('<name>', 'the profile name')
    .option('--name <new-name>', 'a new name for the profile')
    .addOption(
      new Option(
        '--region <region>',
        `move to an Incydr region: ${REGIONS.map((r) => r.name).join(', ')}`,
      ).conflicts('url'),
    )
    .option('--url <url>', 'move to a custom API URL (https://, or http:// to this computer only)')
    .option('--client-id <id>', 'a new API client ID (key-…)')
    .addOption(
      new Option('--new-secret', 'ask for a new secret (not shown as you type)').conflicts('secretStdin'),
    )
    .option('--secret-stdin', 'read a new secret from stdin');
  addRefusedSecretOptions(update).addHelpText(
    'after',
    `
A new URL, client ID or secret is tested against Incydr before anything is saved (with the saved
secret when no new one is given); a failed test changes nothing. A new secret replaces the one in
the system keychain. The profile keeps its ID, so the app's saved views and export library stay
with it.

Examples:
  case-desk profiles update work --new-secret
  printf '%s' "$SECRET" | case-desk profiles update work --client-id key-9f8e7d --secret-stdin
  case-desk profiles update work --name office`,
  );
  update.action(async (name: string, opts: UpdateOptions) => {
    refuseSecretArgument(opts, 'Use --new-secret');
    const view = await tenantProfile(ctx, name);
    const newSecret = opts.newSecret === true || opts.secretStdin === true;
    const settings = [opts.name, opts.region, opts.url, opts.clientId];
    if (!newSecret && settings.every((setting) => setting === undefined)) {
      throw new UsageError(
        'Nothing to change: give --name, --region or --url, --client-id, or --new-secret (or --secret-stdin).',
      );
    }
    const secret = newSecret ? await readSecret(ctx, opts.secretStdin, view.label) : undefined;
    let updated: TenantProfileView;
    try {
      updated = await ctx.profiles().update(view.profileId, {
        ...(opts.name === undefined ? {} : { label: opts.name }),
        ...(opts.region === undefined ? {} : { region: opts.region }),
        ...(opts.url === undefined ? {} : { baseUrl: opts.url }),
        ...(opts.clientId === undefined ? {} : { clientId: opts.clientId }),
        ...(secret === undefined ? {} : { secret }),
      });
    } catch (error) {
      throw cliKeychainFailure(error);
    }
    const tested =
      updated.baseUrl !== view.baseUrl || updated.clientId !== view.clientId || secret !== undefined;
    const renamed = updated.label === view.label ? '' : ` (was "${safeText(view.label)}")`;
    ctx.io.stdout(
      `Updated profile "${safeText(updated.label)}"${renamed}: ${updated.baseUrl}, client ${safeText(updated.clientId)}.` +
        (tested ? ' The connection works.' : '') +
        (secret === undefined ? '' : ' The new secret is in the system keychain.') +
        '\n',
    );
  });
}
