// A benchmark helper run in its own process: the browser harness (built UI + real handlers) with the
// demo workspace of N cases already open. Playwright's driver gets a copy of every WebSocket frame the
// page receives (1 MB per page of 2,000 cases); in its own process that copying does not compete with
// the handlers and the emulator for one event loop, as it would not in the app either.
// Prints one JSON line {url, emulatorUrl, clientId, clientSecret}, then serves until stdin closes.
import { ensureRendererBuilt } from '../../e2e/fixture.js';
import { startHarness } from '../../harness/index.js';

const cases = Number(process.argv[2] ?? 20_000);

ensureRendererBuilt();
const harness = await startHarness({ session: { demo: { cases, seed: 42 } } });
await harness.session.openDemo();
const emulator = harness.session.demoEmulator();
if (!emulator) throw new Error('the demo workspace did not open');
// The harness keeps every result for test assertions; a benchmark asserts nothing, so let them go.
const forget = setInterval(() => (harness.calls.length = 0), 500);
console.log(
  JSON.stringify({
    url: harness.url,
    emulatorUrl: emulator.url,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
  }),
);
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(forget);
  void harness.close().then(() => process.exit(0));
});
