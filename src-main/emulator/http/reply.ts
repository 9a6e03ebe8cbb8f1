/**
 * What a handler answers, as data: the dispatcher sends it (and a fault may cut it short), and counts
 * whether the request was executed.
 */
import type { Readable } from 'node:stream';

export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'empty'; status: number; headers?: Record<string, string> }
  | {
      kind: 'stream';
      status: number;
      headers: Record<string, string>;
      /** Exact byte count of what `open()` yields; sent as Content-Length. */
      length: number;
      open: () => Readable;
    };

export function json(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return { kind: 'json', status, body, headers };
}

export function noContent(): Reply {
  return { kind: 'empty', status: 204 };
}

/** The Spring-style error body the gateway gives when there is no problem code. */
export function springError(
  status: number,
  error: string,
  message: string,
  path: string,
  headers?: Record<string, string>,
): Reply {
  return json({ timestamp: new Date().toISOString(), status, error, message, path }, status, headers);
}
