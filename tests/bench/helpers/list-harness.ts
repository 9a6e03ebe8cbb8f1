// A benchmark helper run in its own process: the browser harness (built UI + real handlers) connected
// to an emulator of N cases. Playwright's driver gets a copy of every WebSocket frame the page
// receives (1 MB per page of 2,000 cases); in its own process that copying does not compete with
// the handlers for one event loop, as it would not in the app either.
// The emulator runs in a third process, as a tenant would be elsewhere: the demo workspace would run
// it inside the handlers' process, where serving the pages (sorting 20,000 cases, writing the JSON)
// would share one event loop with reading them, which neither the app against a real tenant nor the
// raw fetch it is measured against (another process) has to do.
// Prints one JSON line {url, emulatorUrl, clientId, clientSecret}, then serves until stdin closes.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DEFAULTS } from '../../../src-main/emulator/server.js';
import { ensureRendererBuilt } from '../../e2e/fixture.js';
import { startHarness } from '../../harness/index.js';

const cases = Number(process.argv[2] ?? 20_000);

ensureRendererBuilt();
const emulator = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'src-main/emulator/main.ts',
    '--port',
    '0',
    '--cases',
    String(cases),
    '--seed',
    '42',
    '--quiet',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const emulatorUrl = await new Promise<string>((resolve, reject) => {
  emulator.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
  createInterface({ input: emulator.stdout }).on('line', (line) => {
    const url = /listening on (http:\/\/\S+)/u.exec(line)?.[1];
    if (url) resolve(url);
  });
});
emulator.removeAllListeners('exit');
// The emulator's default credentials (it prints them; not secrets).
const { clientId, clientSecret } = DEFAULTS;

const harness = await startHarness();
await harness.session.connect({ baseUrl: emulatorUrl, clientId, clientSecret });
// The harness keeps every result for test assertions; a benchmark asserts nothing, so let them go.
const forget = setInterval(() => (harness.calls.length = 0), 500);
console.log(JSON.stringify({ url: harness.url, emulatorUrl, clientId, clientSecret }));
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(forget);
  emulator.kill();
  void harness.close().then(() => process.exit(0));
});
