import { MODEL_VERSION } from '../../model/version.js';
import { jest } from '@jest/globals';
import { NotAnActionError, toReference, type ActionReference, type ErrorReport } from '../../runtime/server/index.js';
import { bindAction, buildActionRouter, defineActionRoutes, inlineAction, type RoutesModel } from '../../runtime/server/internal.js';
import type { ActionReference as ClientReference } from '../../runtime/client/reference.js';
import { serveRoutes } from './in-process-server.js';
import { fixture, model, NEW, NO_CAPTURE, OTHER, UPDATE, references, serve, type Served } from './references-fixtures.js';

const onError = jest.fn<(error: unknown, report: ErrorReport) => void>();
let served: Served;
beforeAll(async () => {
  served = await serve({ secret: NEW, onError });
});
afterAll(() => served.server.close());
beforeEach(() => onError.mockClear());

describe('actions in return values', () => {
  it('are written as references: file-level by route, inline with their seal, nested in objects, arrays, tuples and unions', async () => {
    const refs = await references(served);
    expect(refs.ping).toEqual({ $action: 'app/actions/ping' });
    expect(refs.noCapture).toEqual({ $action: NO_CAPTURE });
    expect(refs.update).toEqual({ $action: UPDATE, bound: expect.stringMatching(/^v1\./) });
    expect(Object.keys(refs.update ?? {})).toEqual(['$action', 'bound']);
    const body = (await served.post('app/actions/getActions', {})).body as { list: unknown[]; nested: { deeper: Array<{ $action: string; bound: string }> } };
    expect(body.list).toEqual(['text', { $action: 'app/actions/ping' }, { $action: UPDATE, bound: expect.any(String) }]);
    const [deeper] = body.nested.deeper;
    expect(deeper?.$action).toBe(UPDATE);
    // each reference opens on a following call
    for (const reference of [body.list[2] as { bound: string }, deeper]) {
      expect(await served.post(UPDATE, { title: 'again', $bound: reference?.bound })).toMatchObject({ status: 200, body: { id: '7' } });
    }
  });

  it('a plain function is a 500 whose log names it, not a reference', async () => {
    const answer = await served.post('app/actions/plain', { which: 'plain' });
    expect(answer).toMatchObject({ status: 500, type: 'application/problem+json', body: { errorId: expect.any(String) } });
    expect(onError).toHaveBeenCalledTimes(1);
    const [error, report] = onError.mock.calls[0] ?? [];
    expect(error).toBeInstanceOf(NotAnActionError);
    expect((error as Error).message).toBe(
      "the action's value at return value cannot reach the client: function helper is not a server action (only 'use server' functions, file-level or inline, can be sent to the client)",
    );
    expect(report).toMatchObject({ route: 'app/actions/plain', errorId: answer.body.errorId });
  });

  it('an inline action this router does not serve is a 500 too', async () => {
    const answer = await served.post('app/actions/plain', { which: 'foreign' });
    expect(answer.status).toBe(500);
    expect((onError.mock.calls[0]?.[0] as Error).message).toMatch(/the inline action elsewhere\/Thing\.run, which this action router does not serve/);
  });
});

describe('toReference', () => {
  it('outside a call: the most recently built router that serves the action writes it, and the reference works', async () => {
    const reference: ActionReference<typeof served.update> = toReference(served.update);
    // the same shape, phantom included, as the client's reference type that fromReference reads F from
    const forClient: ClientReference<typeof served.update> = reference;
    expect(forClient).toBe(reference);
    expect(reference).toEqual({ $action: UPDATE, bound: expect.any(String) });
    expect(await served.post(UPDATE, { title: 'from a page', $bound: reference.bound })).toMatchObject({ status: 200, body: { title: 'from a page', id: '7' } });
    expect(toReference(served.ping)).toEqual({ $action: 'app/actions/ping' });
  });

  it('reads captured values through getters, as the transformer binds them, at the moment the reference is written', async () => {
    let id = 8n;
    const live = bindAction(async (_bound: Record<string, unknown>, _title: string) => 'unused', UPDATE, {
      get id() {
        return id;
      },
      get post() {
        return { title: 'Live', at: new Date(1) };
      },
      get since() {
        return new Date(2);
      },
      get tags() {
        return new Map<string, number>();
      },
    });
    id = 9n;
    const reference = toReference(live);
    expect(await served.post(UPDATE, { title: 'live', $bound: reference.bound })).toMatchObject({ status: 200, body: { id: '9' } });
  });

  it('inside a call: the router serving the call writes it, even when another router was built since', async () => {
    const later = await serve({ secret: OTHER });
    try {
      const answer = await served.post('app/actions/inside', {});
      expect(answer.status).toBe(200);
      const inside = answer.body as { update: { bound: string }; ping: unknown };
      expect(inside.ping).toEqual({ $action: 'app/actions/ping' });
      expect((await served.post(UPDATE, { title: 'x', $bound: inside.update.bound })).status).toBe(200);
      expect((await later.post(UPDATE, { title: 'x', $bound: inside.update.bound })).status).toBe(400);
      // outside a call, the later router writes the references to its own functions
      expect((await later.post(UPDATE, { title: 'x', $bound: toReference(later.update).bound })).status).toBe(200);
    } finally {
      await later.server.close();
    }
  });

  it('captured values that break their declared types are refused with the action named', () => {
    const broken = bindAction(async (_bound: Record<string, unknown>, _title: string) => 'x', UPDATE, { id: 'not a bigint' });
    expect(() => toReference(broken)).toThrow(NotAnActionError);
    expect(() => toReference(broken)).toThrow(/the values the inline action app\/page\/Page\.update captured do not match their types \(.*bound values\.id: expected a bigint/);
  });

  it('with no router serving the action, says to create one first; a plain function is no action', () => {
    const nowhere = bindAction(async () => 'x', 'nowhere/Thing.run', {});
    expect(() => toReference(nowhere)).toThrow('create the action router (createActionRouter) before calling toReference');
    expect(() => toReference(async () => 'x')).toThrow(/create the action router/);
  });
});

describe('bindAction and inlineAction', () => {
  it('bindAction: callable on the server with the captured values first, named by its last route segment, the reference hidden', async () => {
    const hoisted = jest.fn(async (bound: Record<string, unknown>, a: number, b: string) => `${String(bound.id)}:${a}:${b}`);
    const bound = bindAction(hoisted, 'app/page/Page.section.save', { id: 3 });
    expect(await bound(1, 'two')).toBe('3:1:two');
    expect(hoisted).toHaveBeenCalledWith({ id: 3 }, 1, 'two');
    expect(bound.name).toBe('save');
    expect(Object.keys(bound)).toEqual([]);
    expect(JSON.stringify({ bound })).toBe('{}');
  });

  it('inlineAction returns the hoisted export, or says how to get one', () => {
    const hoisted = async () => 'x';
    expect(inlineAction({ Page$save: hoisted }, 'Page$save', 'app/page')).toBe(hoisted);
    expect(() => inlineAction({}, 'Page$save', 'app/page')).toThrow(
      "actionwire: app/page has no hoisted inline action 'Page$save': compile it with tspc and the actionwire transformer (inline 'use server' functions need it)",
    );
    expect(() => inlineAction({ Page$save: 'not a function' }, 'Page$save', 'app/page')).toThrow(/has no hoisted inline action/);
  });
});

describe('the seal key at router creation', () => {
  const saved = { env: process.env.NODE_ENV, secret: process.env.ACTIONWIRE_SECRET };
  beforeEach(() => {
    process.env.NODE_ENV = 'production';
    delete process.env.ACTIONWIRE_SECRET;
  });
  afterEach(() => {
    process.env.NODE_ENV = saved.env;
    if (saved.secret === undefined) delete process.env.ACTIONWIRE_SECRET;
    else process.env.ACTIONWIRE_SECRET = saved.secret;
  });

  it('production without a secret is a startup error when an inline action captures values', () => {
    expect(() => buildActionRouter(fixture().routes, '/actions')).toThrow(/no secret to seal the values inline actions capture/);
  });

  it('takes ACTIONWIRE_SECRET, or the option', () => {
    expect(() => buildActionRouter(fixture().routes, '/actions', { secret: NEW })).not.toThrow();
    process.env.ACTIONWIRE_SECRET = `${NEW},${OTHER}`;
    expect(() => buildActionRouter(fixture().routes, '/actions')).not.toThrow();
  });

  it('outside production, without a secret, uses a random key of the process and warns', () => {
    process.env.NODE_ENV = 'development';
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(() => buildActionRouter(fixture().routes, '/actions')).not.toThrow();
    } finally {
      warn.mockRestore();
    }
  });

  it('needs no secret when no inline action captures values (none at all, or only ones without captures)', () => {
    const withoutCaptures: RoutesModel = { version: MODEL_VERSION, schemas: model.schemas, actions: model.actions.filter((action) => action.route === NO_CAPTURE || action.route === 'app/actions/ping') };
    const routes = defineActionRoutes(withoutCaptures, [async () => 'no capture', async () => 'pong']);
    expect(() => buildActionRouter(routes, '/actions')).not.toThrow();
    expect(() => buildActionRouter(routes.slice(1), '/actions')).not.toThrow();
  });
});

describe('an action reference among the parameters', () => {
  it('is refused as a problem, not a crash', async () => {
    const odd: RoutesModel = { version: MODEL_VERSION, schemas: [], actions: [{ route: 'odd/take', params: [{ name: 'f', type: { kind: 'action', params: [] }, optional: false }], returns: { kind: 'string' }, form: false, mayReturnNothing: false }] };
    const action = jest.fn(async () => 'ran');
    const server = await serveRoutes(defineActionRoutes(odd, [action]));
    try {
      const response = await fetch(server.url('/actions/odd/take'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ f: { $action: 'app/actions/ping' } }) });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ path: '/f', message: 'an action reference cannot be an argument' }] });
      expect(action).not.toHaveBeenCalled();
    } finally {
      await server.close();
    }
  });
});
