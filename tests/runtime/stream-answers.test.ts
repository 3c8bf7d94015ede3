import type { RouteDefinition } from '../../runtime/server/internal.js';
import { buildActionRouter } from '../../runtime/server/internal.js';
import { route, serveRoutes, type InProcessServer } from './in-process-server.js';

/** A streaming route over `action`, writing items and results as JSON. */
function streamRoute(name: string, action: (...args: never[]) => unknown): RouteDefinition {
  return { ...route(name, false, action), encode: undefined, stream: { encodeItem: (value) => JSON.stringify(value), encodeResult: (value) => JSON.stringify(value) } };
}

/** The router's handling of streaming routes that the generated-project tests do not reach. */
describe('streaming answers', () => {
  let server: InProcessServer;
  const errors: unknown[] = [];

  beforeAll(async () => {
    server = await serveRoutes(
      [
        streamRoute('numbers', async function* () {
          yield 1;
          yield 2;
          return 'end';
        }),
        streamRoute('notIterable', async () => 42),
      ],
      { allowedOrigins: ['https://app.example'], onError: (error) => void errors.push(error) },
    );
  });
  afterAll(() => server.close());

  const call = (name: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(server.url(`/actions/${name}`), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

  it('gives an allowed cross origin its CORS headers on the stream, sent before the first event', async () => {
    const response = await call('numbers', { origin: 'https://app.example' });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('vary')).toMatch(/Origin/);
    expect(await response.text()).toBe('event: message\nid: 1\ndata: 1\n\nevent: message\nid: 2\ndata: 2\n\nevent: done\ndata: "end"\n\n');
  });

  it('answers a streaming action that returned no async iterable with a 500 problem naming it', async () => {
    const response = await call('notIterable');
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ detail: 'actionwire: the streaming action notIterable returned number, not an async iterable or a ReadableStream' });
    expect(errors).toHaveLength(1);
  });

  it('refuses a streamPingInterval that is not a positive number of milliseconds', () => {
    expect(() => buildActionRouter([], '/actions', { streamPingInterval: 0 })).toThrow('actionwire: options.streamPingInterval must be a number of milliseconds above 0; got 0');
  });
});
