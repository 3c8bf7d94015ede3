import { jest } from '@jest/globals';
import { cookies, getContext, headers, type ActionRouterOptions } from '../../runtime/server/index.js';
import { rawRequest, type RawResponse } from '../helpers/raw-http.js';
import { route, serveRoutes, type InProcessServer } from '../runtime/in-process-server.js';

const allowed = 'https://app.example.com';

/** What an action sees of the caller's cookies, every way it can look; it also sets one and deletes another. */
function probe(): Record<string, unknown> {
  const seen = { cookie: cookies().get('session') ?? null, header: headers().get('cookie'), koa: getContext().get('cookie') || null };
  cookies().set('visited', 'yes');
  cookies().delete('old');
  return seen;
}

const calls = {
  json: { path: '/actions/probe/json', headers: { 'content-type': 'application/json' }, body: '{}' },
  form: { path: '/actions/probe/form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' },
};

async function serve(options: ActionRouterOptions): Promise<InProcessServer> {
  return serveRoutes([route('probe/json', false, probe), route('probe/form', true, probe)], { allowedOrigins: [allowed], ...options });
}

function call(server: InProcessServer, kind: keyof typeof calls, origin: string | undefined): Promise<RawResponse> {
  const { path, headers: contentType, body } = calls[kind];
  return rawRequest(server.url(path), { headers: { ...contentType, cookie: 'session=s1', ...(origin === undefined ? {} : { origin }) }, body });
}

const withCookies = { cookie: 's1', header: 'session=s1', koa: 'session=s1' };
const withoutCookies = { cookie: null, header: null, koa: null };

describe('cookies on calls from an allowed cross origin', () => {
  let plain: InProcessServer;
  let credentialed: InProcessServer;
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  beforeAll(async () => {
    [plain, credentialed] = await Promise.all([serve({}), serve({ corsCredentials: true })]);
  });
  afterAll(async () => {
    warn.mockRestore();
    await Promise.all([plain?.close(), credentialed?.close()]);
  });
  beforeEach(() => warn.mockClear());

  describe.each(['json', 'form'] as const)('a %s POST', (kind) => {
    it('without corsCredentials: the action sees no cookie, and the cookies it sets are dropped with a warning', async () => {
      const response = await call(plain, kind, allowed);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual(withoutCookies);
      expect(response.headers).not.toHaveProperty('set-cookie');
      expect(response.headers['access-control-allow-origin']).toBe(allowed);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(new RegExp(`Set-Cookie \\(visited, old\\).*${calls[kind].path}.*${allowed}.*corsCredentials`));
    });

    it('with corsCredentials: the action sees the cookie, and sets cookies', async () => {
      const response = await call(credentialed, kind, allowed);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual(withCookies);
      expect(response.headers['set-cookie']).toHaveLength(2);
      expect(warn).not.toHaveBeenCalled();
    });

    it.each([
      ['from the same origin', 'SAME'],
      ['without Origin', undefined],
    ])('%s, either setting: cookies as usual', async (_what, origin) => {
      for (const server of [plain, credentialed]) {
        const response = await call(server, kind, origin === 'SAME' ? `http://127.0.0.1:${server.port}` : origin);
        expect(response.status).toBe(200);
        expect(response.json()).toEqual(withCookies);
        expect(response.headers['set-cookie']).toHaveLength(2);
      }
      expect(warn).not.toHaveBeenCalled();
    });
  });

  it('warns once per action, not on every call', async () => {
    const server = await serve({});
    try {
      for (let i = 0; i < 3; i++) expect((await call(server, 'json', allowed)).headers).not.toHaveProperty('set-cookie');
      await call(server, 'form', allowed);
      expect(warn.mock.calls.map(([line]) => String(line).includes('/actions/probe/json'))).toEqual([true, false]);
    } finally {
      await server.close();
    }
  });
});
