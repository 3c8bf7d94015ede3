import { IncomingMessage } from 'node:http';
import { ActionError } from '../action-error.js';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body is larger than ${limit} bytes`);
  }
}

export class BodyTimeoutError extends Error {
  constructor(readonly timeout: number) {
    super(`request body did not arrive within ${timeout} ms`);
  }
}

/** Stops reading a request's body: what is left stays on the wire, held back by TCP flow control. */
export function stopReading(request: IncomingMessage): void {
  request.unpipe();
  request.pause();
}

/** True while part of the body has yet to arrive, so the connection's next request would start inside it. */
function bodyUnfinished(request: IncomingMessage): boolean {
  if (request.complete) return false;
  const declared = request.headers['content-length'];
  return (declared !== undefined && declared !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/**
 * Refuses a request without reading the rest of its body (a 100 MB upload to a wrong path costs no
 * 100 MB), and returns the headers its answer needs: `Connection: close` while part of the body is
 * unread, none when it had no body or all of it has arrived.
 */
export function refuseBody(request: IncomingMessage): Record<string, string> {
  const declared = Number(request.headers['content-length']);
  if (bodyUnfinished(request) && Number.isFinite(declared) && declared <= DRAINED_BODY) {
    // A small body is read to its end and dropped: closing while the client still writes it would give
    // the client an EPIPE instead of our answer, and keeping the connection costs nothing.
    request.resume();
    return {};
  }
  stopReading(request);
  return bodyUnfinished(request) ? { Connection: 'close' } : {};
}

/** Refused bodies up to this size (declared by Content-Length) are drained rather than cut off. */
const DRAINED_BODY = 64 * 1024;

/** The client went away (or its connection broke) before the whole body arrived: nobody is left to answer. */
export function bodyReadFailure(error: NodeJS.ErrnoException | undefined): ActionError {
  if (error === undefined || error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return new ActionError(400, 'The client closed the connection before sending the whole body', { cause: error });
  }
  return new ActionError(400, `The request body could not be read: ${error.message}`, { cause: error });
}

/** The longest delay setTimeout honours; beyond it (and at 0) there is no time limit. */
const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * Calls `expire` after `timeout` ms; undefined (nothing to clear) when there is no time limit, or when
 * the whole request has already arrived (`complete`: a small body comes with its headers), which spares
 * most calls a timer.
 */
export function bodyTimer(request: IncomingMessage, timeout: number, expire: () => void): NodeJS.Timeout | undefined {
  return timeout > 0 && timeout <= LONGEST_TIMER && !request.complete ? setTimeout(expire, timeout) : undefined;
}

/**
 * For a body whose length the headers do not say (chunked): whether it ends before its first byte. Reads
 * no further than the first chunk, so one with content can still be refused unread beyond it.
 */
export function endsEmpty(request: IncomingMessage, timeout: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void): void => {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('close', onClose);
      outcome();
    };
    const onData = (chunk: Buffer): void => {
      if (chunk.length === 0) return;
      request.pause();
      finish(() => resolve(false));
    };
    const onEnd = (): void => finish(() => resolve(true));
    const onClose = (): void => finish(() => reject(bodyReadFailure(undefined)));
    const timer = bodyTimer(request, timeout, () => {
      stopReading(request);
      finish(() => reject(new BodyTimeoutError(timeout)));
    });
    request.on('data', onData).once('end', onEnd).once('close', onClose);
  });
}

function ignore(): void {}

/** The body was consumed before the action router ran: a server error, with a log line saying so. */
class BodyReadBeforeError extends Error {
  constructor() {
    super(
      'actionwire: the request body was read before the action router ran (a body parser mounted before it?): mount the action router before body parsers, or mount those on other paths only',
    );
  }
}

/**
 * Why a body cannot be read at all, decided from its headers before any byte is: it was read already (by a
 * middleware before the router), or it declares more than `limit` bytes (then it is left unread).
 */
export function refusalBeforeReading(request: IncomingMessage, limit: number): Error | undefined {
  const declared = Number(request.headers['content-length']);
  if (request.readableEnded && (declared > 0 || request.headers['transfer-encoding'] !== undefined)) return new BodyReadBeforeError();
  if (Number.isFinite(declared) && declared > limit) {
    stopReading(request);
    return new BodyTooLargeError(limit);
  }
  return undefined;
}

function asText(text: string): string {
  return text;
}

/**
 * Reads the whole body as UTF-8, refusing (before buffering it all) one over `limit` bytes,
 * whether the client declared its length or streams it chunked, and one still incomplete after
 * `timeout` ms (0: no time limit). A refused body is left unread. `parse` turns the text into what
 * the promise resolves to (its exception rejects it): one promise for reading and parsing.
 *
 * Looks at the request in the event loop's check phase (`setImmediate`), when the parser has read the rest
 * of the packet that brought the headers, which holds the whole of most bodies (on the next tick it has not:
 * Node runs the ticks between the parser's callbacks): a body that has all arrived by then (`complete`) is
 * taken from the stream's buffer in one `read()`, without listeners, flowing mode or timer; only a body
 * still on its way is read chunk by chunk, with a timer for its time limit. Under load this also answers the
 * calls of one loop iteration together.
 */
export function readBody(request: IncomingMessage, limit: number, timeout?: number): Promise<string>;
export function readBody<T>(request: IncomingMessage, limit: number, timeout: number, parse: (text: string) => T): Promise<T>;
export function readBody<T>(request: IncomingMessage, limit: number, timeout = 0, parse: (text: string) => T | string = asText): Promise<T | string> {
  const refusal = refusalBeforeReading(request, limit);
  if (refusal) return Promise.reject(refusal);
  // An IncomingMessage keeps an error nobody listens to to itself; another stream would throw it before we look.
  const stream: NodeJS.EventEmitter = request;
  if (!(stream instanceof IncomingMessage)) stream.on('error', ignore);
  return new Promise((resolve, reject) => {
    const settle = (text: string): void => {
      let value: T | string;
      try {
        value = parse(text);
      } catch (error) {
        reject(error);
        return;
      }
      resolve(value);
    };
    setImmediate(() => {
      if (request.complete && request.readableFlowing !== true) {
        if (request.readableLength > limit) {
          stopReading(request);
          reject(new BodyTooLargeError(limit));
          return;
        }
        // everything is buffered: one read() takes it all (and lets the stream end)
        const all = request.read() as Buffer | null;
        settle(all === null ? '' : all.toString('utf8'));
        return;
      }
      if (request.destroyed) {
        reject(bodyReadFailure(request.errored ?? undefined));
        return;
      }
      readArriving(request, limit, timeout, settle, reject);
    });
  });
}

/** Reads a body still arriving, chunk by chunk, within `limit` bytes and `timeout` ms. */
function readArriving(request: IncomingMessage, limit: number, timeout: number, settle: (text: string) => void, reject: (error: unknown) => void): void {
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let received = 0;
  const finish = (): void => {
    clearTimeout(timer);
    request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
  };
  const refuse = (error: Error): void => {
    finish();
    stopReading(request);
    reject(error);
  };
  const timer = bodyTimer(request, timeout, () => refuse(new BodyTimeoutError(timeout)));
  const onData = (chunk: Buffer): void => {
    received += chunk.length;
    if (received > limit) refuse(new BodyTooLargeError(limit));
    else if (first === undefined) first = chunk;
    else (chunks ??= [first]).push(chunk);
  };
  const onEnd = (): void => {
    finish();
    settle(chunks !== undefined ? Buffer.concat(chunks, received).toString('utf8') : first === undefined ? '' : first.toString('utf8'));
  };
  const onError = (error: Error): void => {
    finish();
    reject(bodyReadFailure(error));
  };
  const onClose = (): void => {
    finish();
    reject(bodyReadFailure(undefined));
  };
  request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
}
