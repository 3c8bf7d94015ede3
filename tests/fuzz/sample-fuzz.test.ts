import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '../helpers/paths.js';
import { rawRequest } from '../helpers/raw-http.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const sampleDir = join(repoRoot, 'sample');
let server: ServerProcess;
let routes: string[];

beforeAll(async () => {
  routes = Object.keys((JSON.parse(readFileSync(join(sampleDir, 'generated', 'openapi.json'), 'utf8')) as { paths: object }).paths);
  server = await startServerProcess(join(repoRoot, 'tests', 'fuzz', 'sample-with-probe.js'));
});
afterAll(() => server?.stop());

const validBodies: Record<string, unknown> = {
  '/actions/app/actions/createUser': { data: { name: 'Fuzz', email: 'fuzz@example.com', password: 'long-enough-pw', role: 'member', joinedAt: '2020-01-01T00:00:00Z' } },
  '/actions/app/session/signIn': { email: 'admin@example.com', password: 'wrong' },
};

/** A valid body with one place replaced, a key added, or a prototype key smuggled in as raw JSON. */
function mutated(route: string): fc.Arbitrary<string> {
  const base = validBodies[route] ?? {};
  const text = JSON.stringify(base);
  return fc.oneof(
    fc.constant(text),
    fc.tuple(fc.jsonValue(), fc.string({ maxLength: 12 })).map(([value, key]) => JSON.stringify({ ...(base as object), [key]: value })),
    fc.jsonValue().map((value) => text.replace(/"[^"]*"(?=[,}])/, JSON.stringify(value) ?? 'null')),
    fc.jsonValue().map((value) => `{"__proto__":${JSON.stringify(value) ?? 'null'},"constructor":{"prototype":{"polluted":true}}${text === '{}' ? '' : ',' + text.slice(1, -1)}}`),
    fc.integer({ min: 1, max: 200 }).map((depth) => '['.repeat(depth * 50) + ']'.repeat(depth * 50)),
    fc.string({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  );
}

const contentTypes = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', '', 'application/json; charset=utf-16', 'application/problem+json'),
  fc.string({ maxLength: 30 }).filter((value) => /^[\x21-\x7e ]*$/.test(value)),
);

const headerValue = fc.string({ maxLength: 40 }).filter((value) => /^[\x20-\x7e]*$/.test(value));

describe('fuzzing every sample route', () => {
  it('never answers 5xx, always with problem+json for errors, and leaves prototypes alone', async () => {
    const statuses = new Map<number, number>();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          mutated(route),
          contentTypes,
          fc.option(fc.constantFrom('SAME', 'https://evil.test', 'null', 'garbage'), { nil: undefined }),
          fc.option(headerValue, { nil: undefined }),
          fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH'),
          async (body, contentType, origin, cookie, method) => {
            const host = new URL(server.url).host;
            const headers: Record<string, string> = {};
            if (contentType !== '') headers['content-type'] = contentType;
            if (origin !== undefined) headers.origin = origin === 'SAME' ? `http://${host}` : origin;
            if (cookie !== undefined) headers.cookie = `sample_session=${cookie}`;
            const response = await rawRequest(new URL(route, server.url).href, { method, headers, body: method === 'GET' ? undefined : body });
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            expect(response.status).toBeLessThan(500);
            if (response.status >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          },
        ),
        { numRuns: 120 },
      );
    }
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 401, 403, 405, 415]));
    const probe = (await (await fetch(new URL('/__probe', server.url))).json()) as Record<string, unknown>;
    expect(probe).toEqual({ objectPrototypeChanged: false, arrayPrototypeChanged: false, plainObjectInherits: 0 });
    const stillServing = await fetch(new URL('/actions/app/session/whoAmI', server.url), { method: 'POST' });
    expect(stillServing.status).toBe(200);
  });
});
