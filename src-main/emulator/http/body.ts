/** Reading request bodies with a size cap, and the JSON rules of the API (415 without a JSON type). */
import type { IncomingMessage } from 'node:http';
import { BadRequestError, UnsupportedMediaTypeError } from '../errors.js';

/** Large enough for 10,000 event IDs in one attach request, with room to spare. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class PayloadTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new PayloadTooLargeError(`Request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = mediaType(req);
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new UnsupportedMediaTypeError(
      `Content-Type '${type || '(none)'}' is not supported; use application/json`,
    );
  }
  const raw = await readBody(req);
  if (raw.length === 0) throw new BadRequestError('Required request body is missing');
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (e) {
    throw new BadRequestError(`JSON parse error: ${(e as Error).message}`);
  }
}
