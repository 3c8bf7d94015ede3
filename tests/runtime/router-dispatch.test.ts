import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Koa from 'koa';
import { buildActionRouter, type RouteDefinition } from '../../runtime/server/internal.js';
import { RawConnection, requestHead, route, serveRoutes, type InProcessServer, type RawResponse } from './in-process-server.js';

/** 2,000 routes answering their own index: one map lookup must find each of them. */
const routes: RouteDefinition[] = Array.from({ length: 2000 }, (_, index) => ({
  route: `module${Math.floor(index / 10)}/action${index % 10}`,
  decode: () => [],
  form: false,
  encode: (value) => JSON.stringify(value),
  mayReturnNothing: false,
  action: () => index,
}));

describe('the action router', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = new Koa();
    const router = buildActionRouter(routes, '/actions', { prefix: '/api' });
    app.use(router.routes()).use(router.allowedMethods());
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = (path: string): Promise<Response> => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

  it('finds every action under the prefix and base path, with or without a trailing slash', async () => {
    expect(await (await post('/api/actions/module0/action0')).json()).toBe(0);
    expect(await (await post('/api/actions/module199/action9')).json()).toBe(1999);
    expect(await (await post('/api/actions/module57/action3/')).json()).toBe(573);
  });

  it('answers 404 for unknown actions, other casing and paths outside the prefix, and 405 with Allow for other methods', async () => {
    for (const path of ['/api/actions/module200/action0', '/api/actions/Module0/action0', '/api/actions', '/api/actions/module0']) {
      const response = await post(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await post('/actions/module0/action0')).status).toBe(404);
    const get = await fetch(`${base}/api/actions/module0/action0`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('request paths with percent-escapes', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    const names = ['my file/f', "it's/f", 'café/f', 'a/b/f', 'a%2Fb/f', '100%/f'];
    server = await serveRoutes(names.map((name) => route(name, false, () => name)));
  });
  afterAll(() => server.close());

  async function post(path: string): Promise<RawResponse> {
    const connection = await RawConnection.open(server.port);
    await connection.write(requestHead('POST', path, { 'content-type': 'application/json', 'content-length': 2 }) + '{}');
    const response = await connection.response();
    connection.destroy();
    return response;
  }

  it.each([
    ['/actions/my%20file/f', 'my file/f'],
    ["/actions/it's/f", "it's/f"],
    ['/actions/it%27s/f', "it's/f"],
    ['/actions/caf%C3%A9/f', 'café/f'],
    ['/actions/caf%c3%a9/f/', 'café/f'],
    ['/actions/a/b/f', 'a/b/f'],
    ['/actions/%61/b/%66', 'a/b/f'],
    ['/actions/a%252Fb/f', 'a%2Fb/f'],
    ['/actions/100%25/f', '100%/f'],
    ['/actions/100%/f', '100%/f'],
    ['/actions/a%2Fb/f', 'a%2Fb/f'],
  ])('%s finds %s', async (path, name) => {
    const response = await post(path);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toBe(name);
  });

  it.each(['/actions/a%2fb/f', '/actions/a/b%2Ff', '/actions/a/b/f%2F', '/actions/%E0%A4%A/f', '/actions/caf%C3/f', '/actions/my%2/f', '/actions/my%20file%2Ff'])(
    '%s is 404 problem+json: an encoded slash separates nothing, a malformed escape names nothing',
    async (path) => {
      const response = await post(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.parse(response.body)).toMatchObject({ status: 404, title: 'Not Found' });
    },
  );
});
