/**
 * A tiny logger that is safe to point at a file or a bug report: it never prints the Authorization
 * header, bearer or basic credentials, JWTs or values of secret-looking fields, and it replaces the
 * user's home folder with `~` (design.md §6).
 */
import { homedir } from 'node:os';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** Lowest level written; default `info`. */
  level?: LogLevel;
  /** Where lines go; default stderr. */
  write?: (line: string) => void;
  /** Home folder to replace with `~`; default `os.homedir()`. */
  home?: string;
  /** Extra literal strings to hide (for example a client secret the caller holds). */
  secrets?: readonly string[];
  /** Clock for the line prefix; tests pin it. */
  now?: () => Date;
}

/** A logger that drops everything (the client's default). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const REDACTED = '[redacted]';
// Field names whose values are never printed.
const SECRET_KEY = /secret|password|passwd|token|authorization|cookie|api[-_]?key|credential/iu;

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const redactOptions: RedactOptions = {
    home: options.home ?? safeHomedir(),
    secrets: options.secrets ?? [],
  };
  const emit = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const rendered = fields ? ` ${renderFields(fields, redactOptions)}` : '';
    write(`${now().toISOString()} ${level.toUpperCase()} ${redact(message, redactOptions)}${rendered}`);
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}

export interface RedactOptions {
  home?: string;
  secrets?: readonly string[];
}

/** Hides credentials in free text and shortens the home folder to `~`. */
export function redact(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const secret of options.secrets ?? []) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  out = out
    // `Authorization: Bearer x`, `"authorization":"Basic x"`, `authorization=x` … the whole value goes.
    .replace(/(authorization["']?\s*[:=]\s*["']?)[^"'\r\n,}]+/giu, `$1${REDACTED}`)
    .replace(/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/giu, `$1 ${REDACTED}`)
    // JWTs anywhere (three base64url parts starting with the `{"` header).
    .replace(/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/gu, REDACTED)
    // `client_secret=x`, `"access_token": "x"`, `password: x`.
    .replace(
      /((?:client[-_]?secret|secret|password|access[-_]?token|refresh[-_]?token|api[-_]?key)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/giu,
      `$1${REDACTED}`,
    );
  const home = options.home;
  if (home && home.length > 1) {
    // Only the whole folder: `/home/al` must not turn `/home/alice` into `~ice`.
    const escaped = home.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    out = out.replace(new RegExp(`${escaped}(?![A-Za-z0-9_.-])`, 'gu'), '~');
  }
  return out;
}

function renderFields(fields: LogFields, options: RedactOptions): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${renderValue(key, value, options, 0)}`)
    .join(' ');
}

function renderValue(key: string, value: unknown, options: RedactOptions, depth: number): string {
  if (SECRET_KEY.test(key)) return REDACTED;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') {
    const text = redact(value, options);
    return /[\s"=]/u.test(text) ? JSON.stringify(text) : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    const text = redact(value.message, options);
    return JSON.stringify(typeof code === 'string' ? `${code}: ${text}` : text);
  }
  if (depth >= 3) return '[…]';
  if (Array.isArray(value)) {
    return `[${value.map((item) => renderValue('', item, options, depth + 1)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}:${renderValue(k, v, options, depth + 1)}`)
      .join(',');
    return `{${inner}}`;
  }
  return REDACTED; // functions, symbols: nothing useful to print
}

function safeHomedir(): string | undefined {
  try {
    return homedir();
  } catch {
    return undefined;
  }
}
