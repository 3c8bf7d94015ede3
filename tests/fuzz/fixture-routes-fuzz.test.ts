import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { hardenedDir, startHardened } from '../helpers/hardened-servers.js';
import { repoRoot } from '../helpers/paths.js';
import { rawRequest } from '../helpers/raw-http.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

/**
 * Every route of the fixture projects (the type families and the hardened app) under hostile bodies:
 * top-level null, arrays and scalars, huge arrays, deep nesting, prototype keys at every level,
 * numbers JSON cannot carry, impossible dates, and bodies the client abandons half-way.
 * No 5xx, a bounded answer, prototypes untouched, the heap back where it was, and still serving.
 */
const DEFAULT_BODY_LIMIT = 1024 * 1024;

function isConnectionCut(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ECONNRESET';
}

const RUNS = Number(process.env.ACTIONWIRE_FUZZ_RUNS ?? 40);
/** A fixed seed for `npm test`, new cases for a longer run, a printed seed replayed with ACTIONWIRE_FUZZ_SEED. */
const SEED =
  process.env.ACTIONWIRE_FUZZ_SEED !== undefined ? { seed: Number(process.env.ACTIONWIRE_FUZZ_SEED) } : process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261126 };
const typesDir = join(repoRoot, 'tests', 'fixtures', 'types');

interface RequestSchema {
  properties?: Record<string, unknown>;
}

function jsonRoutes(dir: string, generated: string): Array<{ route: string; params: string[] }> {
  const spec = JSON.parse(readFileSync(join(dir, generated, 'openapi.json'), 'utf8')) as {
    paths: Record<string, { post: { requestBody?: { content: Record<string, { schema: RequestSchema }> } } }>;
  };
  return Object.entries(spec.paths).map(([route, item]) => ({ route, params: Object.keys(item.post.requestBody?.content['application/json']?.schema.properties ?? {}) }));
}

const hostileScalar = fc.constantFrom('1e400', '-1e400', '"2021-02-31T00:00:00Z"', '"2021-01-01T24:00:00Z"', '"9007199254740993"', '"AAAA="', '""', 'null', 'true', '0', '-0', '1.5');

/** Raw JSON text (so that 1e400 and "__proto__" keys survive as sent), nested up to `depth`. */
function hostileJson(depth: number): fc.Arbitrary<string> {
  if (depth === 0) return fc.oneof(hostileScalar, fc.jsonValue({ maxDepth: 1 }).map((value) => JSON.stringify(value) ?? 'null'));
  const inner = hostileJson(depth - 1);
  const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'a', 'kind', '0', '1.5', '');
  return fc.oneof(
    inner,
    fc.array(inner, { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(key, inner), { maxLength: 4 }).map((entries) => `{${entries.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`),
    fc.tuple(fc.integer({ min: 1000, max: 100_000 }), inner).map(([count, item]) => `[${new Array(count).fill(item.length > 40 ? '{}' : item).join(',')}]`),
    fc.integer({ min: 10, max: 70 }).map((levels) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)),
  );
}

function hostileBody(params: string[]): fc.Arbitrary<string> {
  const args = fc.array(fc.tuple(fc.constantFrom(...params, '__proto__', 'constructor', 'extra'), hostileJson(2)), { maxLength: params.length + 1 });
  return fc.oneof(
    { weight: 6, arbitrary: args.map((entries) => `{${entries.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`) },
    hostileJson(2),
    fc.constantFrom('null', '[]', '"x"', '7', '{"__proto__":{"polluted":1}}'),
  );
}

/** Sends the headers and half of a body, then drops the connection. */
function abandoned(url: string, body: string): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length * 2 + 10}\r\n\r\n${body}`);
      setTimeout(() => socket.destroy(), 5);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

/** The statuses a JSON body may get from the fuzzed routes: an answer, a problem with the arguments, a refusal of its size. */
const ANSWERED = [200, 204, 400, 413];
/** Actions that throw an ActionError of their own, by route, and its status. */
const THROWN: Record<string, number> = { '/actions/actions/teapot': 418 };

async function probe(server: ServerProcess): Promise<{ heapUsed: number; polluted: string[] }> {
  return (await rawRequest(`${server.url}__probe`, { method: 'GET' })).json() as { heapUsed: number; polluted: string[] };
}

describe.each([
  ['the hardened app', hardenedDir, 'src/generated'],
  ['the type families', typesDir, 'src/generated'],
])('fuzzing every route of %s', (_name, dir, generated) => {
  let server: ServerProcess;
  beforeAll(async () => {
    if (dir === hardenedDir) {
      server = await startHardened({}, ['--expose-gc']);
    } else {
      server = await startServerProcess(join(dir, 'dist', 'server.js'), { NODE_OPTIONS: '--expose-gc' });
    }
  });
  afterAll(() => server?.stop());

  it('never answers 5xx, answers small, keeps prototypes and the heap, and keeps serving', async () => {
    const routes = jsonRoutes(dir, generated).filter(({ route }) => !/upload/.test(route));
    expect(routes.length).toBeGreaterThan(5);
    await probe(server);
    const before = await probe(server);
    for (const { route, params } of routes) {
      await fc.assert(
        fc.asyncProperty(hostileBody(params), async (body) => {
          const response = await rawRequest(new URL(route, server.url).href, { headers: { 'content-type': 'application/json' }, body }).catch((error: unknown) => {
            // A body over the limit is answered 413 and its connection closed unread; a client still writing it may
            // see the close (EPIPE, ECONNRESET) before the answer. That refusal is what the server should do.
            if (Buffer.byteLength(body) > DEFAULT_BODY_LIMIT && isConnectionCut(error)) return undefined;
            throw error;
          });
          if (response === undefined) return;
          if (!ANSWERED.includes(response.status) && THROWN[route] !== response.status) throw new Error(`${route} answered ${response.status} to ${body.slice(0, 200)}: ${response.text.slice(0, 300)}`);
          if (response.status >= 400) {
            expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
            expect(response.text.length).toBeLessThan(8 * 1024);
          } else {
            // an echo answers with what it was sent, never more than that
            expect(response.text.length).toBeLessThanOrEqual(body.length * 2 + 1024);
          }
        }),
        { numRuns: RUNS, ...SEED },
      );
      await abandoned(new URL(route, server.url).href, '{"value":[1,2,');
    }
    const after = await probe(server);
    expect(after.polluted).toEqual([]);
    expect(before.polluted).toEqual([]);
    expect(after.heapUsed).toBeLessThan(before.heapUsed + 32 * 1024 * 1024);
    const first = routes[0];
    if (!first) throw new Error('no route');
    expect((await rawRequest(new URL(first.route, server.url).href, { headers: { 'content-type': 'application/json' }, body: 'null' })).status).toBe(400);
  });
});
