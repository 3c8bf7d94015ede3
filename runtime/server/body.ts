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
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    discardBody(request);
    return Promise.reject(new BodyTooLargeError(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (): void => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received <= limit) {
        chunks.push(chunk);
        return;
      }
      finish();
      discardBody(request);
      reject(new BodyTooLargeError(limit));
    };
    const onEnd = (): void => {
      finish();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error): void => {
      finish();
      reject(error);
    };
    const onClose = (): void => onError(new Error('the client closed the connection before sending the whole body'));
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
