import { once } from 'node:events';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa, { type Context } from 'koa';
import { registerActions } from '../../runtime/client/action-registry.js';
import { configureClient, fromReference } from '../../runtime/client/index.js';
import { createCaller, defaultCaller } from '../../runtime/client/internal.js';

/** What one request to the server carried. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  /** the JSON body, or the form's fields (files by name) */
  body: unknown;
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];

async function readBody(ctx: Context): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = ctx.get('content-type');
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    return [...form].map(([name, value]) => [name, typeof value === 'string' ? value : `file:${value.name}`]);
  }
  return raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
}

// the registration the generated client/_references.js would make
registerActions(
  '/actions',
  [
    ['/actions/http/todos/rename', ['id', 'title'], 0, ['r', 'Todo']],
    ['/actions/http/todos/upload', ['form'], 1, 0],
    ['/actions/http/todos/ping', [], 0, 0],
  ],
  { Todo: ['o', { due: 'd', undo: 'R' }] },
);

beforeAll(async () => {
  const router = new Router({ prefix: '/actions' });
  router.post('/http/todos/load', (ctx) => {
    ctx.body = { title: 'Groceries', rename: { $action: 'http/todos/rename', bound: 'SEAL-1' }, upload: { $action: 'http/todos/upload', bound: 'SEAL-2' } };
  });
  router.post('/http/todos/rename', (ctx) => {
    ctx.body = { id: 't1', due: '2026-03-04T05:06:07.000Z', undo: { $action: 'http/todos/ping' } };
  });
  router.post('/http/todos/upload', (ctx) => {
    ctx.body = { stored: true };
  });
  router.post('/http/todos/ping', (ctx) => {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify('pong');
  });
  const app = new Koa();
  app.use(async (ctx, next) => {
    received.push({ path: ctx.path, headers: ctx.headers, body: await readBody(ctx) });
    await next();
  });
  app.use(router.routes());
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  configureClient({});
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
});

interface Loaded {
  title: string;
  rename: (id: string, title?: string) => Promise<{ id: string; due: Date; undo: () => Promise<string> }>;
  upload: (form?: FormData) => Promise<{ stored: boolean }>;
}

const loadPlan = ['o', { rename: 'R', upload: 'R' }] as const;

describe('action references over HTTP', () => {
  it('come back from a call as functions that post their arguments by name with the seal', async () => {
    const call = createCaller({ baseUrl });
    const loaded = await call<Loaded>('/actions/http/todos/load', {}, loadPlan);
    expect(loaded.title).toBe('Groceries');
    expect(typeof loaded.rename).toBe('function');
    const renamed = await loaded.rename('t1', 'Shopping');
    expect(received.map(({ path, body }) => ({ path, body }))).toEqual([
      { path: '/actions/http/todos/load', body: {} },
      { path: '/actions/http/todos/rename', body: { id: 't1', title: 'Shopping', $bound: 'SEAL-1' } },
    ]);
    expect(received[1]?.headers['content-type']).toMatch(/^application\/json/);
    // revived with the shape's plan: a Date, and a reference again (one that captures nothing: no "$bound")
    expect(renamed.due).toEqual(new Date('2026-03-04T05:06:07.000Z'));
    await expect(renamed.undo()).resolves.toBe('pong');
    expect(received[2]).toMatchObject({ path: '/actions/http/todos/ping', body: {} });
  });

  it('post a form action as multipart, with the seal as a field, leaving the caller’s form alone', async () => {
    const loaded = await createCaller({ baseUrl })<Loaded>('/actions/http/todos/load', {}, loadPlan);
    const form = new FormData();
    form.append('title', 'Shopping');
    form.append('photo', new File(['jpeg'], 'cart.jpg', { type: 'image/jpeg' }));
    await expect(loaded.upload(form)).resolves.toEqual({ stored: true });
    await expect(loaded.upload()).resolves.toEqual({ stored: true });
    expect(received.slice(1).map(({ path, body }) => ({ path, body }))).toEqual([
      {
        path: '/actions/http/todos/upload',
        body: [
          ['title', 'Shopping'],
          ['photo', 'file:cart.jpg'],
          ['$bound', 'SEAL-2'],
        ],
      },
      { path: '/actions/http/todos/upload', body: [['$bound', 'SEAL-2']] },
    ]);
    expect(received[1]?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect([...form.keys()]).toEqual(['title', 'photo']);
  });

  it('call through the ky instance of the caller they came through, headers and all', async () => {
    const call = createCaller({ baseUrl, headers: { x: '1' } });
    const loaded = await call<Loaded>('/actions/http/todos/load', {}, loadPlan);
    const renamed = await loaded.rename('t1');
    await renamed.undo();
    expect(received.map((request) => [request.path, request.headers.x])).toEqual([
      ['/actions/http/todos/load', '1'],
      ['/actions/http/todos/rename', '1'],
      ['/actions/http/todos/ping', '1'],
    ]);
    expect(received[1]?.body).toEqual({ id: 't1', $bound: 'SEAL-1' });
  });

  it('through the default caller, follow the latest configureClient, as the generated functions do', async () => {
    configureClient({ baseUrl, headers: { x: 'before' } });
    const loaded = await defaultCaller<Loaded>('/actions/http/todos/load', {}, loadPlan);
    configureClient({ baseUrl, headers: { x: 'after' } });
    await loaded.rename('t1');
    // fromReference without a caller uses the default one too
    await expect(fromReference({ $action: 'http/todos/ping' })()).resolves.toBe('pong');
    expect(received.map((request) => [request.path, request.headers.x])).toEqual([
      ['/actions/http/todos/load', 'before'],
      ['/actions/http/todos/rename', 'after'],
      ['/actions/http/todos/ping', 'after'],
    ]);
  });

  it('made with fromReference and a caller, call through that caller', async () => {
    const ping = fromReference<() => Promise<string>>({ $action: 'http/todos/ping', bound: 'SEAL-3' }, createCaller({ baseUrl, headers: { x: '2' } }));
    await expect(ping()).resolves.toBe('pong');
    expect(received).toMatchObject([{ path: '/actions/http/todos/ping', body: { $bound: 'SEAL-3' }, headers: { x: '2' } }]);
  });
});
