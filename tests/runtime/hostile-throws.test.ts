import { jest } from '@jest/globals';
import { ActionError, type ErrorReport } from '../../runtime/server/index.js';
import { route, serveRoutes, type InProcessServer } from './in-process-server.js';

/** Whatever an action throws, the answer is problem+json 500 with an errorId, and onError hears of it. */

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const everyTrapThrows = new Proxy(
  {},
  {
    getPrototypeOf() {
      throw new Error('trap: getPrototypeOf');
    },
    get() {
      throw new Error('trap: get');
    },
    has() {
      throw new Error('trap: has');
    },
    ownKeys() {
      throw new Error('trap: ownKeys');
    },
    getOwnPropertyDescriptor() {
      throw new Error('trap: getOwnPropertyDescriptor');
    },
  },
);

function withThrowingGetter<T extends object>(target: T, name: string): T {
  return Object.defineProperty(target, name, {
    get() {
      throw new Error(`getter: ${name}`);
    },
  });
}

const thrown: Record<string, () => unknown> = {
  prototypeTrap: () =>
    new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap: getPrototypeOf');
        },
      },
    ),
  everyTrap: () => everyTrapThrows,
  revoked: revokedProxy,
  messageGetter: () => withThrowingGetter(new Error('x'), 'message'),
  statusGetter: () => withThrowingGetter({ message: 'x' }, 'status'),
  actionErrorMessage: () => withThrowingGetter(new ActionError(503, 'x', { expose: true }), 'message'),
  actionErrorHeaders: () => withThrowingGetter(new ActionError(401, 'x'), 'headers'),
  nothing: () => null,
  undefinedValue: () => undefined,
  symbol: () => Symbol('thrown'),
};

const onError = jest.fn<(error: unknown, report: ErrorReport) => void>();
let server: InProcessServer;
let hostileHook: InProcessServer;
const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  const routes = Object.entries(thrown).map(([name, make]) =>
    route(`throws/${name}`, false, () => {
      throw make();
    }),
  );
  server = await serveRoutes(routes, { onError });
  hostileHook = await serveRoutes(routes, {
    onError: () => {
      throw revokedProxy();
    },
  });
});
afterAll(async () => {
  await server.close();
  await hostileHook.close();
  logged.mockRestore();
});
beforeEach(() => onError.mockClear());

async function call(on: InProcessServer, name: string): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
  const response = await fetch(on.url(`/actions/throws/${name}`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, type: response.headers.get('content-type'), body };
}

describe('a hostile thrown value', () => {
  it.each(Object.keys(thrown))('(%s) answers problem+json 500 with an errorId and reaches onError', async (name) => {
    const answer = await call(server, name);
    expect(answer).toEqual({ status: 500, type: 'application/problem+json', body: expect.objectContaining({ status: 500, errorId: expect.any(String) }) });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toMatchObject({ errorId: answer.body.errorId, route: `throws/${name}` });
  });

  it.each(Object.keys(thrown))('(%s) still answers so when onError itself throws a revoked Proxy', async (name) => {
    const answer = await call(hostileHook, name);
    expect(answer).toEqual({ status: 500, type: 'application/problem+json', body: expect.objectContaining({ status: 500, errorId: expect.any(String) }) });
  });
});
