/** Entry point of `case-desk` (bin/case-desk.js and `npm run case-desk`). */
import { processIo } from './io.js';
import { runCli } from './run.js';

// `case-desk … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processIo());
