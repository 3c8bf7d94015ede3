import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Router from '@koa/router';
import Koa from 'koa';
import { cookies, headers, toReference } from '../../runtime/server/index.js';
import { buildActionRouter, type RouteDefinition } from '../../runtime/server/internal.js';
import { RawConnection, requestHead } from './in-process-server.js';

/** The request path of issue 12: routes() serves the action mount itself; what Koa and @koa/router users rely on must hold. */

function action(name: string, run: (...args: never[]) => unknown): RouteDefinition {
  return { route: name, decode: (body) => [body as never], form: false, encode: (value) => JSON.stringify(value), mayReturnNothing: true, action: run };
}

async function listen(app: Koa): Promise<{ base: string; server: Server }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A Koa app serving one action, `m/echo`, that returns its input, with the router built with `options`. */
function listenEcho(options: Parameters<typeof buildActionRouter>[2]): Promise<{ base: string; server: Server }> {
  const app = new Koa();
  app.use(buildActionRouter([action('m/echo', (input: never) => input)], '/actions', options).routes());
  return listen(app);
}

const post = (url: string, body = '{}', extra: Record<string, string> = {}): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...extra }, body });

describe('the action router’s routes()', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ path: string; matched: unknown; status: number }> = [];

  beforeAll(async () => {
    const routes = [
      action('m/sync', (input: never) => ({ sync: input })),
      action('m/async', async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { tag: headers().get('x-tag'), same: headers() === headers(), isHeaders: headers() instanceof Headers };
      }),
      action('m/cookie', async () => {
        cookies().set('session', 'abc');
        return null;
      }),
      action('m/nothing', () => undefined),
      action('m/reference', async () => {
        await Promise.resolve();
        return toReference(routes[0]?.action as () => unknown);
      }),
    ];
    const app = new Koa();
    app.use(async (ctx, next) => {
      ctx.set('X-Before', 'set before next');
      await next();
      // what Koa users do after next(): read and change the answer
      ctx.set('X-After', 'set after next');
      seen.push({ path: ctx.path, matched: (ctx as unknown as { _matchedRoute?: unknown })._matchedRoute, status: ctx.status });
    });
    const router = buildActionRouter(routes, '/actions');
    router.get('/hello', (ctx) => {
      ctx.body = 'hello';
    });
    app.use(router.routes()).use(router.allowedMethods());
    app.use((ctx) => {
      ctx.body = 'downstream';
    });
    ({ server, base } = await listen(app));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers sync and async actions, with the headers of middlewares before and after it', async () => {
    const sync = await post(`${base}/actions/m/sync`, '{"a":1}');
    expect(sync.status).toBe(200);
    expect(sync.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await sync.json()).toEqual({ sync: { a: 1 } });
    expect(sync.headers.get('x-before')).toBe('set before next');
    expect(sync.headers.get('x-after')).toBe('set after next');
    const later = await post(`${base}/actions/m/async`, '{}', { 'x-tag': 'seen' });
    expect(await later.json()).toEqual({ tag: 'seen', same: true, isHeaders: true });
    expect(seen.at(-1)).toEqual({ path: '/actions/m/async', matched: '/actions/*rest', status: 200 });
  });

  it('sends the cookies an action sets, 204 for nothing, and writes references through the serving router', async () => {
    const cookie = await post(`${base}/actions/m/cookie`);
    expect(cookie.headers.get('set-cookie')).toMatch(/^session=abc; Path=\/; HttpOnly; SameSite=Lax$/);
    expect((await post(`${base}/actions/m/nothing`)).status).toBe(204);
    expect(await (await post(`${base}/actions/m/reference`)).json()).toEqual({ $action: 'm/sync' });
  });

  it('keeps routes a user added to the router, and leaves other paths to the middlewares after it', async () => {
    expect(await (await fetch(`${base}/hello`)).text()).toBe('hello');
    expect(await (await fetch(`${base}/elsewhere`)).text()).toBe('downstream');
    expect(await (await fetch(`${base}/actionsx/m/sync`)).text()).toBe('downstream');
  });

  it('answers problems under the mount in any letter case, as @koa/router matched it', async () => {
    for (const path of ['/ACTIONS/m/sync', '/Actions/none', '/actions', '/actions/']) {
      const response = await post(base + path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const refused = await post(`${base}/actions/m/sync`, '{}', { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    const bad = await post(`${base}/actions/m/sync`, '{"a":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ detail: 'The request body is not valid JSON' });
  });
});

describe('the action router mounted in another router', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = new Koa();
    const actions = buildActionRouter([action('m/echo', (input: never) => input)], '/actions', { prefix: '/v1' });
    const parent = new Router();
    // the handlers answer the paths the router was built for: mounted without a path of its own
    parent.use(actions.routes());
    app.use(parent.routes()).use(parent.allowedMethods());
    ({ server, base } = await listen(app));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('serves its actions through the parent’s copies of its layers, which keep the router’s own middleware', async () => {
    const response = await post(`${base}/v1/actions/m/echo`, '{"x":2}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ x: 2 });
  });
});

describe('JSON bodies near the depth limit', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ server, base } = await listenEcho({ maxDepth: 3 }));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('accepts exactly the limit and refuses one level more, however short the text', async () => {
    expect((await post(`${base}/actions/m/echo`, '{"a":[{}]}')).status).toBe(200);
    expect((await post(`${base}/actions/m/echo`, '[[[[]]]]')).status).toBe(400);
    expect((await post(`${base}/actions/m/echo`, '{"a":[{"b":[]}]}')).status).toBe(400);
    expect((await post(`${base}/actions/m/echo`, '  ')).status).toBe(200);
  });
});

describe('bodies that arrive with their headers (read from the buffer in one go)', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    ({ server } = await listenEcho({ bodyLimit: 64 }));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const call = (body: string): string => requestHead('POST', '/actions/m/echo', { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }) + body;

  it('answers several calls sent in one packet on one connection, each with its own body', async () => {
    const connection = await RawConnection.open(port);
    let text = '';
    const both = new Promise<void>((resolve) => {
      connection.socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('{"n":"zwei"}')) resolve();
      });
    });
    await connection.write(call('{"n":1}') + call('{"n":"zwei"}'));
    await both;
    expect(text.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(text.indexOf('{"n":1}')).toBeLessThan(text.indexOf('{"n":"zwei"}'));
    connection.destroy();
  });

  it('refuses a chunked body over the limit that arrived whole, and one declared over it', async () => {
    const chunked = await RawConnection.open(port);
    const big = JSON.stringify({ text: 'x'.repeat(100) });
    await chunked.write(requestHead('POST', '/actions/m/echo', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }) + `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`);
    expect((await chunked.response()).status).toBe(413);
    chunked.destroy();
    const declared = await RawConnection.open(port);
    await declared.write(call(big));
    expect((await declared.response()).status).toBe(413);
    declared.destroy();
  });

  it('reads a body that trickles in after its headers', async () => {
    const connection = await RawConnection.open(port);
    await connection.write(requestHead('POST', '/actions/m/echo', { 'Content-Type': 'application/json', 'Content-Length': 9 }) + '{"a"');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await connection.write(':"b"}');
    const response = await connection.response();
    expect([response.status, response.body]).toEqual([200, '{"a":"b"}']);
    connection.destroy();
  });
});
