/**
 * Everything the CLI touches outside itself, so `runCli` runs the same in a terminal and in a test:
 * output streams, stdin, environment, whether a person is at the keyboard, and how to ask them.
 */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { CliFailure } from './errors.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of stdin as text (for `-` arguments). */
  stdin(): Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
  /** True when stdin and stderr are terminals: only then does the CLI ask questions. */
  isTTY: boolean;
  /** Asks a question on the terminal and returns the answer line. */
  prompt(question: string): Promise<string>;
  /** Like `prompt`, but the answer is not shown as it is typed (for secrets). */
  promptSecret?(question: string): Promise<string>;
  /** Folder that relative paths start from; default `process.cwd()`. */
  cwd?: string;
  /** Clock for relative dates such as `30d`; default the real one. */
  now?: () => Date;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The real process: writes go straight to the streams (the exit code is set, never `process.exit`). */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: () => readAll(process.stdin),
    env: process.env,
    isTTY: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    prompt: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    promptSecret: (question) => hiddenPrompt(question),
    cwd: process.cwd(),
  };
}

/**
 * Reads one line from the terminal without echoing it: readline writes its echo to a stream that
 * drops everything, and the question and the final newline go straight to stderr.
 */
async function hiddenPrompt(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  // In raw mode Ctrl-C reaches readline, not the process: end the question instead of hanging.
  const cancel = new AbortController();
  rl.on('SIGINT', () => cancel.abort());
  try {
    return await rl.question('', { signal: cancel.signal });
  } catch (error) {
    if (cancel.signal.aborted) throw new CliFailure('CANCELLED', 'Cancelled: nothing was entered.');
    throw error;
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
