/**
 * Writes a Reply to the socket, applying a fault that strikes after execution (a reset mid-body, or a
 * Content-Length that promises more than is sent). Streams respect back-pressure throughout.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FaultPlan } from '../faults.js';
import type { Reply } from './reply.js';

/** A reset cuts at most this far into a body, so a cut multi-gigabyte download fails quickly. */
const MAX_CUT_BYTES = 256 * 1024;

function resetSocket(socket: Socket | null): void {
  if (!socket || socket.destroyed) return;
  // A real TCP RST (ECONNRESET on the client), not a polite FIN.
  socket.resetAndDestroy();
}

function waitWritable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function flushed(res: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) {
      resolve();
      return;
    }
    res.write(chunk, () => resolve());
  });
}

/** Copies up to `limit` bytes from the stream, waiting for drain; returns when done or when the client left. */
async function copyLimited(source: Readable, res: ServerResponse, limit: number): Promise<void> {
  let written = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (res.destroyed) return;
      const piece = written + chunk.length > limit ? chunk.subarray(0, limit - written) : chunk;
      written += piece.length;
      if (written >= limit) {
        await flushed(res, piece);
        return;
      }
      if (!res.write(piece)) await waitWritable(res);
    }
  } finally {
    source.destroy();
  }
}

export async function sendReply(
  res: ServerResponse,
  reply: Reply,
  fault: FaultPlan | undefined,
): Promise<void> {
  const cut = fault?.kind === 'reset' || fault?.kind === 'wrong-length' ? fault : undefined;
  if (reply.kind === 'empty') {
    if (cut) {
      resetSocket(res.socket);
      return;
    }
    res.writeHead(reply.status, reply.headers);
    res.end();
    return;
  }

  let headers: Record<string, string>;
  let length: number;
  let open: () => Readable | Buffer;
  if (reply.kind === 'json') {
    const body = Buffer.from(JSON.stringify(reply.body), 'utf8');
    headers = { 'Content-Type': 'application/json', ...reply.headers };
    length = body.length;
    open = () => body;
  } else {
    headers = reply.headers;
    length = reply.length;
    open = reply.open;
  }

  if (!cut) {
    res.writeHead(reply.status, { ...headers, 'Content-Length': String(length) });
    const body = open();
    if (Buffer.isBuffer(body)) {
      res.end(body);
      return;
    }
    try {
      await pipeline(body, res);
    } catch {
      // The client went away mid-download; nothing to clean up beyond what pipeline destroyed.
    }
    return;
  }

  if (cut.kind === 'reset') {
    const limit = Math.min(MAX_CUT_BYTES, Math.max(1, Math.floor(length * cut.cutFraction)));
    res.writeHead(reply.status, { ...headers, 'Content-Length': String(length) });
    const body = open();
    if (Buffer.isBuffer(body)) await flushed(res, body.subarray(0, Math.min(limit, body.length)));
    else await copyLimited(body, res, Math.min(limit, length));
    resetSocket(res.socket);
    return;
  }

  // wrong-length: promise more than we send, send everything, then close the connection.
  const extra = Math.max(16, Math.floor(length / 4));
  res.writeHead(reply.status, { ...headers, 'Content-Length': String(length + extra) });
  const body = open();
  if (Buffer.isBuffer(body)) await flushed(res, body);
  else await copyLimited(body, res, Number.POSITIVE_INFINITY);
  res.socket?.end();
}
