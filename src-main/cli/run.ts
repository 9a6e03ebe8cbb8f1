/** `runCli(argv, io)`: the whole command line as a function returning the exit code (tests run it in-process). */
import { CommanderError } from 'commander';
import { CliContext } from './context.js';
import { EXIT, describeError, exitCodeFor } from './errors.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = new CliContext(io);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    // Commander has printed its own message (or the help / version) already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    io.stderr(`${describeError(error)}\n`);
    return exitCodeFor(error);
  } finally {
    ctx.close();
  }
}

export type { CliIo } from './io.js';
