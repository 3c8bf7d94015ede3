import { ActionError } from 'actionwire/server';
import { rawRequest, type RawResponse } from '../helpers/raw-http.js';
import { startHardened } from '../helpers/hardened-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { route, serveRoutes, type InProcessServer } from '../runtime/in-process-server.js';

const allowedOrigins = ['https://*.example.com', 'http://trusted.test:8080', 'null'];
const json = { 'content-type': 'application/json' };
const echoBody = JSON.stringify({ profile: { name: 'n' } });

/** The response's `access-control-*` headers, by name. */
function corsHeaders(response: RawResponse): Record<string, unknown> {
  return Object.fromEntries(Object.entries(response.headers).filter(([name]) => name.startsWith('access-control-')));
}

function vary(response: RawResponse): string[] {
  const value = response.headers['vary'];
  return typeof value === 'string' ? value.split(',').map((name) => name.trim().toLowerCase()) : [];
}

describe('CORS for allowedOrigins', () => {
  let plain: ServerProcess;
  let credentialed: ServerProcess;
  beforeAll(async () => {
    [plain, credentialed] = await Promise.all([
      startHardened({ allowedOrigins, bodyLimit: 1000 }),
      startHardened({ allowedOrigins, corsCredentials: true, corsMaxAge: 60 }),
    ]);
  });
  afterAll(async () => {
    await plain?.stop();
    await credentialed?.stop();
  });
  /** `echo` is in the fixture's actions module; `hostile/count` names its module. */
  const at = (server: ServerProcess, action: string): string => new URL(`/actions/${action.includes('/') ? action : `actions/${action}`}`, server.url).href;
  const preflight = (url: string, origin: string, method = 'POST', requestHeaders?: string): Promise<RawResponse> =>
    rawRequest(url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, ...(requestHeaders === undefined ? {} : { 'access-control-request-headers': requestHeaders }) },
    });

  describe('preflight', () => {
    it.each([
      ['an allowed exact origin', 'http://trusted.test:8080'],
      ['an allowed wildcard subdomain', 'https://app.example.com'],
      ['a deeper wildcard subdomain', 'https://a.b.example.com'],
      ['an allowed opaque origin', 'null'],
    ])('from %s → 204 with the CORS headers', async (_what, origin) => {
      const response = await preflight(at(plain, 'echo'), origin, 'POST', 'content-type,x-tag');
      expect(response.status).toBe(204);
      expect(corsHeaders(response)).toEqual({
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type, x-tag',
        'access-control-max-age': '600',
      });
      expect(vary(response)).toEqual(expect.arrayContaining(['origin', 'access-control-request-headers']));
      expect(response.text).toBe('');
    });

    it('without requested headers, allows none; with corsCredentials and corsMaxAge, says so', async () => {
      expect(corsHeaders(await preflight(at(plain, 'echo'), 'https://app.example.com'))).not.toHaveProperty('access-control-allow-headers');
      const response = await preflight(at(credentialed, 'echo'), 'https://app.example.com', 'POST', 'content-type');
      expect(response.status).toBe(204);
      expect(corsHeaders(response)).toMatchObject({ 'access-control-allow-credentials': 'true', 'access-control-max-age': '60', 'access-control-allow-origin': 'https://app.example.com' });
    });

    it.each([
      ['a disallowed origin', 'echo', 'https://evil.test', 'POST', 'content-type', 403, 'Cross-origin calls to this action are not allowed'],
      ['a lookalike of the wildcard', 'echo', 'https://example.com.evil.test', 'POST', undefined, 403, 'Cross-origin calls to this action are not allowed'],
      ['the wildcard domain over http', 'echo', 'http://app.example.com', 'POST', undefined, 403, 'Cross-origin calls to this action are not allowed'],
      ['a method other than POST', 'echo', 'https://app.example.com', 'PUT', undefined, 403, 'Actions are called with POST, not PUT'],
      ['a path with no action', 'nothing', 'https://app.example.com', 'POST', undefined, 404, 'There is no action at /actions/actions/nothing'],
      ['requested headers that are not header names', 'echo', 'https://app.example.com', 'POST', 'content-type, x(tag)', 403, 'Access-Control-Request-Headers is not a list of header names'],
    ])('for %s → a refusal without CORS headers', async (_what, action, origin, method, requested, status, detail) => {
      const response = await preflight(at(plain, action), origin, method, requested);
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.json()).toMatchObject({ status, detail });
      expect(corsHeaders(response)).toEqual({});
    });

    it('an OPTIONS that is not a preflight is still 405 with Allow: POST', async () => {
      const response = await rawRequest(at(plain, 'echo'), { method: 'OPTIONS', headers: { origin: 'https://app.example.com' } });
      expect(response.status).toBe(405);
      expect(response.headers['allow']).toBe('POST');
      expect((await rawRequest(at(plain, 'echo'), { method: 'OPTIONS' })).status).toBe(405);
    });
  });

  describe('calls from an allowed origin', () => {
    const origin = 'https://app.example.com';
    it.each([
      ['200', 'echo', json, echoBody, 200],
      ['204 (void, setting cookies)', 'remember', json, JSON.stringify({ value: 'v' }), 204],
      ['400 (arguments that do not match)', 'hostile/count', json, JSON.stringify({ n: 'one' }), 400],
      ['400 (not JSON)', 'echo', json, '{', 400],
      ['404 (no action)', 'nothing', json, '{}', 404],
      ['413 (over bodyLimit)', 'echo', json, JSON.stringify({ profile: { name: 'n'.repeat(2000) } }), 413],
      ['415 (JSON to a form action)', 'upload', json, '{}', 415],
      ['418 (an ActionError)', 'teapot', json, '', 418],
    ])('%s carries Access-Control-Allow-Origin and Vary: Origin', async (_what, action, headers, body, status) => {
      const response = await rawRequest(at(plain, action), { headers: { ...headers, origin }, body });
      expect(response.status).toBe(status);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(vary(response)).toContain('origin');
      expect(response.headers).not.toHaveProperty('access-control-allow-credentials');
      if (status >= 400) expect(response.headers['content-type']).toBe('application/problem+json');
    });

    it('405 for another method carries them too, and exposes Allow', async () => {
      const response = await rawRequest(at(plain, 'echo'), { method: 'GET', headers: { origin } });
      expect(response.status).toBe(405);
      expect(corsHeaders(response)).toEqual({ 'access-control-allow-origin': origin, 'access-control-expose-headers': 'allow' });
    });

    it('never lists Set-Cookie among the exposed headers', async () => {
      const response = await rawRequest(at(credentialed, 'remember'), { headers: { ...json, origin }, body: JSON.stringify({ value: 'v' }) });
      expect(response.headers['set-cookie']).toHaveLength(2);
      expect(response.headers).not.toHaveProperty('access-control-expose-headers');
    });

    it('with corsCredentials, every answer says Access-Control-Allow-Credentials: true', async () => {
      for (const [action, body, status] of [['echo', echoBody, 200], ['hostile/count', '{}', 400], ['teapot', '', 418]] as const) {
        const response = await rawRequest(at(credentialed, action), { headers: { ...json, origin: 'http://trusted.test:8080' }, body });
        expect(response.status).toBe(status);
        expect(corsHeaders(response)).toMatchObject({ 'access-control-allow-origin': 'http://trusted.test:8080', 'access-control-allow-credentials': 'true' });
      }
    });
  });

  describe('everything else is unchanged', () => {
    it.each([
      ['without Origin', undefined, 200],
      ['from the same origin', 'SAME', 200],
      ['from a disallowed origin', 'https://evil.test', 403],
    ])('%s: no CORS headers, no Vary', async (_what, origin, status) => {
      const sameOrigin = `http://${new URL(plain.url).host}`;
      const headers = { ...json, ...(origin === undefined ? {} : { origin: origin === 'SAME' ? sameOrigin : origin }) };
      const response = await rawRequest(at(plain, 'echo'), { headers, body: echoBody });
      expect(response.status).toBe(status);
      expect(corsHeaders(response)).toEqual({});
      expect(response.headers).not.toHaveProperty('vary');
    });

    it('a disallowed origin still gets 404 and 405 without CORS headers', async () => {
      const missing = await rawRequest(at(plain, 'nothing'), { headers: { ...json, origin: 'https://evil.test' }, body: '{}' });
      expect(missing.status).toBe(404);
      expect(corsHeaders(missing)).toEqual({});
      const get = await rawRequest(at(plain, 'echo'), { method: 'GET', headers: { origin: 'https://evil.test' } });
      expect(get.status).toBe(405);
      expect(corsHeaders(get)).toEqual({});
    });
  });
});

describe('CORS on server errors and on headers an action sets', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await serveRoutes(
      [
        route('crash/now', false, () => {
          throw new Error('database unreachable');
        }),
        route('limit/now', false, () => {
          throw new ActionError(429, 'Slow down', { headers: { 'Retry-After': '30', 'X-Request-Id': 'r1' } });
        }),
      ],
      { allowedOrigins: ['http://spa.test'], onError: () => undefined },
    );
  });
  afterAll(() => server.close());
  const call = (path: string): Promise<RawResponse> => rawRequest(server.url(path), { headers: { ...json, origin: 'http://spa.test' }, body: '{}' });

  it('a 500 carries Access-Control-Allow-Origin, so the page can read its errorId', async () => {
    const response = await call('/actions/crash/now');
    expect(response.status).toBe(500);
    expect(response.headers['access-control-allow-origin']).toBe('http://spa.test');
    expect(vary(response)).toContain('origin');
    expect(response.json()).toHaveProperty('errorId');
  });

  it('headers an ActionError sets are exposed to the page', async () => {
    const response = await call('/actions/limit/now');
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('30');
    expect(corsHeaders(response)).toEqual({ 'access-control-allow-origin': 'http://spa.test', 'access-control-expose-headers': 'retry-after, x-request-id' });
  });
});
