import { bindActions, type Caller, type ClientModuleShape } from 'actionwire/client';

interface Call {
  path: string;
  body: unknown;
  plan: unknown;
}

function recordingCaller(calls: Call[]): Caller {
  return async <T>(path: string, body: Record<string, unknown> | FormData, plan?: unknown): Promise<T> => {
    calls.push({ path, body, plan });
    return undefined as T;
  };
}

const shape: ClientModuleShape = {
  actions: {
    create: ['/actions/users/create', ['name', 'age'], 0, ['o', { joinedAt: 'd' }]],
    none: ['/actions/users/none', [], 0, 0],
    upload: ['/actions/users/upload', ['form'], 1, 0],
    maybe: ['/actions/users/maybe', ['form'], 2, 0],
    ['__proto__']: ['/actions/users/__proto__', ['x'], 0, 0],
  },
  plans: {},
};

describe('bindActions: a generated client module’s functions from data', () => {
  it('sends parameters by name, in order (undefined ones drop out of the JSON as in a literal)', async () => {
    const calls: Call[] = [];
    const actions = bindActions<Record<string, (...args: unknown[]) => Promise<unknown>>>(recordingCaller(calls), shape);
    await actions.create?.('Ada', undefined);
    await actions.none?.();
    expect(calls[0]).toEqual({ path: '/actions/users/create', body: { name: 'Ada', age: undefined }, plan: ['o', { joinedAt: 'd' }] });
    expect(JSON.stringify(calls[0]?.body)).toBe('{"name":"Ada"}');
    expect(calls[1]).toEqual({ path: '/actions/users/none', body: {}, plan: undefined });
  });

  it('passes a form as it is, and an empty one for an optional form left out', async () => {
    const calls: Call[] = [];
    const actions = bindActions<Record<string, (...args: unknown[]) => Promise<unknown>>>(recordingCaller(calls), shape);
    const form = new FormData();
    form.set('a', '1');
    await actions.upload?.(form);
    await actions.maybe?.();
    expect(calls[0]?.body).toBe(form);
    expect(calls[1]?.body).toBeInstanceOf(FormData);
  });

  it('holds every export name as an own property, __proto__ included', () => {
    const actions = bindActions<object>(recordingCaller([]), shape);
    expect(Object.keys(actions)).toEqual(['create', 'none', 'upload', 'maybe', '__proto__']);
    expect(Object.getPrototypeOf(actions)).toBe(Object.prototype);
  });
});
