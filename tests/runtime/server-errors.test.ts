import { jest } from '@jest/globals';
import { ActionError, type ErrorReport } from '../../runtime/server/index.js';
import { route, serveRoutes, type InProcessServer } from './in-process-server.js';

const onError = jest.fn<(error: unknown, report: ErrorReport) => void>();
const thrown = {
  unavailable: new ActionError(503, 'the database is down at 10.0.0.7', { code: 'db-down', headers: { 'Retry-After': '30' } }),
  exposed: new ActionError(503, 'Down for maintenance until noon', { expose: true }),
  conflict: new ActionError(409, 'Already taken', { code: 'taken' }),
  badValue: new ActionError(401, 'Sign in', { headers: { 'WWW-Authenticate': 'Cookie\r\nSet-Cookie: admin=1' } }),
  badName: new ActionError(401, 'Sign in', { headers: { 'WWW Authenticate': 'Cookie' } }),
};

let server: InProcessServer;
beforeAll(async () => {
  const throwing = (name: keyof typeof thrown) =>
    route(`errors/${name}`, false, () => {
      throw thrown[name];
    });
  server = await serveRoutes((Object.keys(thrown) as Array<keyof typeof thrown>).map(throwing), { onError });
});
afterAll(() => server.close());
beforeEach(() => onError.mockClear());

async function call(name: keyof typeof thrown): Promise<{ response: Response; body: Record<string, unknown> }> {
  const response = await fetch(server.url(`/actions/errors/${name}`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('an ActionError of status 500 or more is a server error', () => {
  it('gets an errorId, reaches onError, and hides its message by default', async () => {
    const { response, body } = await call('unavailable');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(body).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'db-down', errorId: expect.any(String) });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBe(thrown.unavailable);
    expect(onError.mock.calls[0]?.[1]).toMatchObject({ errorId: body.errorId, route: 'errors/unavailable' });
  });

  it('shows its message when it says expose', async () => {
    const { body } = await call('exposed');
    expect(body).toMatchObject({ status: 503, detail: 'Down for maintenance until noon', errorId: expect.any(String) });
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('below 500 stays the client’s business: message shown, no errorId, no onError', async () => {
    const { response, body } = await call('conflict');
    expect(response.status).toBe(409);
    expect(body).toEqual({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'Already taken', code: 'taken' });
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('an ActionError carrying a header that cannot be sent', () => {
  it.each([
    ['a value with a line break', 'badValue' as const, '"WWW-Authenticate"', 'ERR_INVALID_CHAR'],
    ['a name with a space', 'badName' as const, '"WWW Authenticate"', 'ERR_INVALID_HTTP_TOKEN'],
  ])('(%s) answers 500 problem+json with an errorId and reports it to onError', async (_what, name, header, code) => {
    const { response, body } = await call(name);
    expect(response.status).toBe(500);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(body).toMatchObject({ status: 500, title: 'Internal Server Error', errorId: expect.any(String) });
    expect(onError).toHaveBeenCalledTimes(1);
    const [error, report] = onError.mock.calls[0] ?? [];
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`actionwire: an ActionError (401) carries a header that cannot be sent: ${header}`);
    expect((error as Error).cause).toMatchObject({ code });
    expect(report?.errorId).toBe(body.errorId);
  });
});
