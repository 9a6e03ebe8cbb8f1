/**
 * `npm run emulator -- [--port N] [--cases N] [--seed N] [--client-id ID] [--client-secret S]
 * [--token-ttl SECONDS] [--export-mb N] [--fault-rate F] [--hostile-filenames] [--quiet]`
 *
 * Starts the Incydr emulator on 127.0.0.1 and prints how to point Case Desk at it. The credentials it
 * prints are the emulator's own demo credentials, not secrets.
 */
import { startEmulator } from './server.js';
import { DEFAULT_PORT, parseEmulatorArgs, USAGE, UsageError } from './cli-args.js';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseEmulatorArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`emulator: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const { quiet, portGiven, ...options } = parsed;
  const log = quiet ? undefined : (line: string) => console.log(line);
  const started = performance.now();
  let emulator;
  try {
    emulator = await startEmulator({ ...options, log });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' && !portGiven) {
      console.error(`emulator: port ${DEFAULT_PORT} is busy; using a free port instead`);
      emulator = await startEmulator({ ...options, port: 0, log });
    } else if (code === 'EADDRINUSE') {
      console.error(`emulator: port ${options.port} is already in use; pick another with --port`);
      process.exit(1);
    } else {
      throw e;
    }
  }
  const o = emulator.options;
  const lines = [
    `Incydr emulator listening on ${emulator.url}  (ready in ${Math.round(performance.now() - started)} ms)`,
    `  tenant ${emulator.tenantUid}: ${o.cases} cases, seed ${o.seed}, token lifetime ${o.tokenTtlSeconds} s` +
      (o.faultRate > 0 ? `, fault rate ${o.faultRate}` : '') +
      (o.hostileFilenames ? ', hostile filenames' : '') +
      (o.exportMb > 0 ? `, ~${o.exportMb} MB per case export` : ''),
    `  API client ID:     ${emulator.clientId}`,
    `  API client secret: ${emulator.clientSecret}`,
    '',
    'Point the Case Desk CLI (or the official incydr SDK) at it:',
    `  export INCYDR_URL=${emulator.url} INCYDR_API_CLIENT_ID=${emulator.clientId} INCYDR_API_CLIENT_SECRET=${emulator.clientSecret}`,
    '  npx case-desk --help',
    '',
    'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));

  let closing = false;
  const stop = (): void => {
    if (closing) process.exit(130);
    closing = true;
    console.log('\nStopping the emulator…');
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`emulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
