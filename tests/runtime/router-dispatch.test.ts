import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Koa from 'koa';
import { buildActionRouter, type RouteDefinition } from '../../runtime/server/index.js';

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
