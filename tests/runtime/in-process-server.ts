import { once, EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import Koa from 'koa';
import { type ActionRouterOptions } from '../../runtime/server/index.js';
import { buildActionRouter, type RouteDefinition } from '../../runtime/server/internal.js';

/** What the server did with one request, reported once its middleware chain has finished. */
interface Settled {
  path: string;
  status: number;
}

export interface InProcessServer {
  port: number;
  url: (path: string) => string;
  /** resolves when the next request's headers have reached Koa */
  nextArrival: () => Promise<void>;
  /** resolves when the next request has been fully handled (a handler stuck forever never resolves it) */
  nextSettled: () => Promise<Settled>;
  /** the bytes the server has read from all its connections so far */
  bytesRead: () => number;
  close: () => Promise<void>;
}

/** A Koa app on 127.0.0.1 port 0 serving these routes under `/actions`, observed from the outside. */
export async function serveRoutes(routes: readonly RouteDefinition[], options: ActionRouterOptions = {}): Promise<InProcessServer> {
  const events = new EventEmitter();
  const app = new Koa();
  app.use(async (ctx, next) => {
    events.emit('arrival');
    try {
      await next();
    } finally {
      events.emit('settled', { path: ctx.path, status: ctx.status } satisfies Settled);
    }
  });
  const router = buildActionRouter(routes, '/actions', options);
  app.use(router.routes()).use(router.allowedMethods());
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => sockets.add(socket));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    nextArrival: async () => {
      await once(events, 'arrival');
    },
    nextSettled: async () => (await once(events, 'settled'))[0] as Settled,
    bytesRead: () => [...sockets].reduce((total, socket) => total + socket.bytesRead, 0),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route that answers its arguments back, or runs `action` instead. */
export function route(name: string, form: boolean, action: (...args: never[]) => unknown = (value: never) => value): RouteDefinition {
  return {
    route: name,
    decode: (body) => [body as never],
    form,
    encode: (value) => JSON.stringify(value instanceof FormData ? Object.fromEntries([...value].map(([key, item]) => [key, typeof item === 'string' ? item : item.name])) : value),
    mayReturnNothing: false,
    action,
  };
}

export interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** A bare TCP connection, so a test can send half a request, trickle it, or never end it. */
export class RawConnection {
  private received = Buffer.alloc(0);
  private closed = false;
  private readonly changed = new EventEmitter();
  /** resolves when the server ends or drops the connection */
  readonly ended: Promise<void>;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.changed.emit('data');
    });
    socket.on('error', () => undefined);
    this.ended = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.once('close', () => {
      this.closed = true;
      this.changed.emit('data');
    });
  }

  static async open(port: number): Promise<RawConnection> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    return new RawConnection(socket);
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(data, (error) => (error ? reject(error) : resolve())));
  }

  /** The first complete response (one with a Content-Length, as every actionwire answer has). */
  async response(): Promise<RawResponse> {
    for (;;) {
      const parsed = parseResponse(this.received);
      if (parsed !== undefined) return parsed;
      if (this.closed) throw new Error(`the connection closed before a whole response: ${this.received.toString('latin1')}`);
      await once(this.changed, 'data');
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function parseResponse(bytes: Buffer): RawResponse | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd === -1) return undefined;
  const [statusLine = '', ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const length = Number(headers.get('content-length') ?? 0);
  if (bytes.length < headEnd + 4 + length) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body: bytes.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8') };
}

/** A request head as a string; the body, if any, is written after it. */
export function requestHead(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
}
