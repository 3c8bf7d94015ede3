import type { ServerResponse } from 'node:http';

/** The answer headers of a stream: no caching, no proxy buffering (nginx reads `X-Accel-Buffering`). */
const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  'X-Accel-Buffering': 'no',
};

/** One SSE field per line of `text`: a line break inside data would end the field. */
function dataLines(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`).join('') : `data: ${text}\n`;
}

/**
 * The `text/event-stream` answer of a streaming action on Node's response: the headers flushed at once, then one
 * write per event. `message` reports whether the socket took the bytes (false: wait for `drained()` before the next).
 */
export class EventStreamWriter {
  private started = false;

  /** `beforeStart`: sets the last headers (CORS) just before they are sent */
  constructor(
    private readonly res: ServerResponse,
    private readonly beforeStart: () => void,
  ) {}

  get isStarted(): boolean {
    return this.started;
  }

  /** Sends the status and headers now (the headers an action set stay): the client sees the stream open. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.beforeStart();
    this.res.statusCode = 200;
    for (const [name, value] of Object.entries(STREAM_HEADERS)) this.res.setHeader(name, value);
    this.res.removeHeader('Content-Length');
    this.res.flushHeaders();
  }

  message(id: number, json: string): boolean {
    return this.write(`event: message\nid: ${id}\n${dataLines(json)}\n`);
  }

  done(json: string): void {
    this.write(`event: done\n${dataLines(json)}\n`);
    this.res.end();
  }

  error(problemJson: string): void {
    this.write(`event: error\n${dataLines(problemJson)}\n`);
    this.res.end();
  }

  /** A comment line: keeps proxies and the client's idle timers from closing a quiet stream. Skipped while the socket is full. */
  ping(): void {
    if (!this.res.writableNeedDrain) this.write(': ping\n\n');
  }

  /** Resolves when the socket took what was written, or the connection closed. */
  drained(): Promise<void> {
    if (!this.res.writableNeedDrain || this.res.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }

  private write(text: string): boolean {
    this.start();
    if (this.res.destroyed || this.res.writableEnded) return true;
    return this.res.write(text);
  }
}
