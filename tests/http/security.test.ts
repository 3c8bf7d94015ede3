import { rawRequest } from '../helpers/raw-http.js';
import { startHardened } from '../helpers/hardened-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { cookies, getContext, headers } from 'actionwire/server';

const json = { 'content-type': 'application/json' };
const body = JSON.stringify({ profile: { name: 'n' } });

describe('cross-site request forgery', () => {
  let plain: ServerProcess;
  let proxied: ServerProcess;
  beforeAll(async () => {
    [plain, proxied] = await Promise.all([
      startHardened({ allowedOrigins: ['https://*.example.com', 'http://trusted.test:8080', 'null'] }),
      startHardened({ trustProxy: true }),
    ]);
  });
  afterAll(async () => {
    await plain?.stop();
    await proxied?.stop();
  });
  const echo = (server: ServerProcess): string => new URL('/actions/actions/echo', server.url).href;

  it.each([
    ['no Origin (curl, servers)', undefined, 200],
    ['the same origin', 'SAME', 200],
    ['another site', 'https://evil.test', 403],
    ['a lookalike of an allowed wildcard', 'https://example.com.evil.test', 403],
    ['an allowed wildcard subdomain', 'https://app.example.com', 200],
    ['a deeper subdomain of the wildcard', 'https://a.b.example.com', 200],
    ['the bare wildcard domain itself', 'https://example.com', 403],
    ['the wildcard domain over http', 'http://app.example.com', 403],
    ['an allowed exact origin', 'http://trusted.test:8080', 200],
    ['the allowed origin on another port', 'http://trusted.test:8081', 403],
    ['an allowed opaque origin', 'null', 200],
    ['a malformed Origin', 'not a url', 403],
  ])('%s (Origin: %s) → %i', async (_what, origin, status) => {
    const host = new URL(plain.url).host;
    const headers = { ...json, ...(origin === undefined ? {} : { origin: origin === 'SAME' ? `http://${host}` : origin }) };
    const response = await rawRequest(echo(plain), { headers, body });
    expect(response.status).toBe(status);
    if (status === 403) expect(response.json()).toMatchObject({ title: 'Forbidden', detail: 'Cross-origin calls to this action are not allowed' });
  });

  it('trusts X-Forwarded-Host only when told to', async () => {
    const forwarded = { ...json, origin: 'https://public.example.org', 'x-forwarded-host': 'public.example.org' };
    expect((await rawRequest(echo(proxied), { headers: forwarded, body })).status).toBe(200);
    expect((await rawRequest(echo(plain), { headers: forwarded, body })).status).toBe(403);
  });

  it('refuses a cross-site form post (what a hostile page can send without JavaScript)', async () => {
    const response = await rawRequest(new URL('/actions/actions/upload', plain.url).href, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.test' },
      body: 'a=1',
    });
    expect(response.status).toBe(403);
  });
});

describe('undeclared input properties', () => {
  let strict: ServerProcess;
  let stripping: ServerProcess;
  beforeAll(async () => {
    [strict, stripping] = await Promise.all([startHardened(), startHardened({ unknownProperties: 'strip' })]);
  });
  afterAll(async () => {
    await strict?.stop();
    await stripping?.stop();
  });
  const payload = '{"profile":{"name":"n","isAdmin":true,"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}}';

  it('are refused by default, each named', async () => {
    const response = await rawRequest(new URL('/actions/actions/echo', strict.url).href, { headers: json, body: payload });
    expect(response.status).toBe(400);
    expect(response.json().errors).toEqual([
      { path: '/profile/isAdmin', message: 'is not a declared property' },
      { path: '/profile/__proto__', message: 'is not a declared property' },
      { path: '/profile/constructor', message: 'is not a declared property' },
    ]);
  });

  it('are dropped under unknownProperties: "strip", and never pollute a prototype', async () => {
    const response = await rawRequest(new URL('/actions/actions/echo', stripping.url).href, { headers: json, body: payload });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: 'n' });
    const probe = await (await fetch(new URL('/__probe', stripping.url))).json();
    expect(probe).toMatchObject({ polluted: [], plainObjectHasExtra: false });
  });
});

describe('cookies()', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startHardened();
  });
  afterAll(() => server?.stop());

  it('sets cookies with HttpOnly, SameSite, Path and Max-Age, and deletes them', async () => {
    const set = await rawRequest(new URL('/actions/actions/remember', server.url).href, { headers: json, body: '{"value":"v1"}' });
    expect(set.status).toBe(204);
    const cookies = set.headers['set-cookie'] ?? [];
    expect(cookies[0]).toMatch(/^remembered=v1; Max-Age=3600; Path=\/actions; Expires=[^;]+ GMT; HttpOnly; SameSite=Strict$/);
    expect(cookies[0]).not.toMatch(/Secure/);
    expect(cookies[1]).toBe('visible=yes; Path=/; SameSite=Lax');
    const deleted = await rawRequest(new URL('/actions/actions/forget', server.url).href, { headers: { ...json, cookie: 'remembered=v1' }, body: '{}' });
    expect(deleted.headers['set-cookie']?.[0]).toBe('remembered=; Max-Age=0; Path=/actions; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly');
  });

  it('reads the request cookie and header inside the action', async () => {
    const seen = await rawRequest(new URL('/actions/actions/whoami', server.url).href, { headers: { ...json, cookie: 'tag=c1', 'x-tag': 'h1' }, body: '{"tag":"t1"}' });
    expect(seen.json()).toEqual({ tag: 't1', header: 'h1', cookie: 'c1', path: '/actions/actions/whoami' });
  });
});

describe('the request context outside an action', () => {
  it('is a clear error', () => {
    const message = 'actionwire: headers(), cookies(), lastEventId(), signal() and getContext() work only while an action is handling a request';
    expect(() => headers()).toThrow(message);
    expect(() => cookies()).toThrow(message);
    expect(() => getContext()).toThrow(message);
  });
});
