import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body is larger than ${limit} bytes`);
  }
}

/** Stops reading what is left of a request we will not use, so the keep-alive connection stays usable. */
export function discardBody(request: IncomingMessage): void {
  request.unpipe();
  request.resume();
}

/**
 * Reads the whole body as UTF-8, refusing (before buffering it all) one over `limit` bytes,
 * whether the client declared its length or streams it chunked.
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    discardBody(request);
    throw new BodyTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    received += buffer.length;
    if (received > limit) {
      discardBody(request);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(buffer);
  }
  return chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
}
