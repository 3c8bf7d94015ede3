import { registerActions } from '../../runtime/client/action-registry.js';
import type { Caller } from '../../runtime/client/caller-type.js';
import { fromReference, type ActionReference } from '../../runtime/client/index.js';
import { type RevivalPlan, type RevivalPlans } from '../../runtime/client/internal.js';

interface Call {
  route: string;
  body: Record<string, unknown> | FormData;
  plan: RevivalPlan | undefined;
  plans: RevivalPlans | undefined;
}

/** A Caller that records what it is asked to send and answers `result`. */
function recordingCaller(result: unknown = 'done'): { caller: Caller; calls: Call[] } {
  const calls: Call[] = [];
  const call = async <T>(route: string, body: Record<string, unknown> | FormData, plan?: RevivalPlan, plans?: RevivalPlans): Promise<T> => {
    calls.push({ route, body, plan, plans });
    return result as T;
  };
  const caller: Caller = Object.assign(call, {
    stream: (): never => {
      throw new Error('no streaming action here');
    },
  });
  return { caller, calls };
}

const plans: RevivalPlans = { Todo: ['o', { due: 'd' }] };
registerActions('/actions', [['/actions/unit/todos/rename', ['id', 'title', 'note'], 0, ['r', 'Todo']], ['/actions/unit/todos/clear', [], 0, 0]], plans);
registerActions('/api/', [['/api/unit/forms/upload', ['form'], 1, 0]], {});

describe('fromReference: which references it takes', () => {
  it('refuses what is not a reference, saying why', () => {
    const { caller } = recordingCaller();
    const cases: [unknown, RegExp][] = [
      [null, /not an object/],
      ['unit/todos/clear', /not an object/],
      [[], /not an object/],
      [{}, /"\$action" is not a string/],
      [{ $action: 3 }, /"\$action" is not a string/],
      [{ $action: 'unit/todos/clear', bound: 7 }, /"bound" is not a string/],
      [{ $action: 'unit/todos/clear', extra: 1 }, /properties other than "\$action" and "bound" \(extra\)/],
      [new (class Ref { $action = 'unit/todos/clear'; })(), /not a plain object/],
    ];
    for (const [value, message] of cases) {
      expect(() => fromReference(value as ActionReference, caller)).toThrow(TypeError);
      expect(() => fromReference(value as ActionReference, caller)).toThrow(message);
      expect(() => fromReference(value as ActionReference, caller)).toThrow(/^actionwire: not an action reference/);
    }
  });

  it('refuses a route this client has not registered, saying what to do', () => {
    expect(() => fromReference({ $action: 'unit/nowhere' })).toThrow(
      new TypeError(
        "actionwire: this client knows no action at 'unit/nowhere'; import the generated client (client/index.js) before calling fromReference, or generate it again",
      ),
    );
    // the route is looked up as it is, below the base path: the full path is not a route
    expect(() => fromReference({ $action: '/actions/unit/todos/clear' })).toThrow(/knows no action at '\/actions\/unit\/todos\/clear'/);
    // nothing on Object.prototype is a registered action
    expect(() => fromReference({ $action: '__proto__' })).toThrow(/knows no action/);
    expect(() => fromReference({ $action: 'constructor' })).toThrow(/knows no action/);
  });
});

describe('fromReference: the call it makes', () => {
  it('sends the arguments by parameter name with the seal as "$bound", and the shape’s revival plan', async () => {
    const { caller, calls } = recordingCaller({ ok: true });
    const rename = fromReference({ $action: 'unit/todos/rename', bound: 'SEAL' }, caller);
    await expect(rename('t1', 'Groceries', { tags: ['a'] })).resolves.toEqual({ ok: true });
    expect(calls).toEqual([
      { route: '/actions/unit/todos/rename', body: { id: 't1', title: 'Groceries', note: { tags: ['a'] }, $bound: 'SEAL' }, plan: ['r', 'Todo'], plans },
    ]);
  });

  it('leaves out undefined arguments (as the generated functions’ JSON does), ignores extra ones, and sends no "$bound" without a seal', async () => {
    const { caller, calls } = recordingCaller();
    const rename = fromReference({ $action: 'unit/todos/rename' }, caller);
    await rename('t1');
    await rename('t1', undefined, 'n', 'extra');
    expect(calls.map((call) => call.body)).toEqual([{ id: 't1' }, { id: 't1', note: 'n' }]);
    expect(Object.keys(calls[0]?.body ?? {})).toEqual(['id']);
    const clear = fromReference({ $action: 'unit/todos/clear', bound: 'S2' }, caller);
    await clear();
    expect(calls[2]).toEqual({ route: '/actions/unit/todos/clear', body: { $bound: 'S2' }, plan: undefined, plans });
  });

  it('sends a copy of the form with the seal as a "$bound" field, under the base path the action was registered with', async () => {
    const { caller, calls } = recordingCaller();
    const upload = fromReference({ $action: 'unit/forms/upload', bound: 'SEAL' }, caller);
    const form = new FormData();
    form.append('title', 'a');
    form.append('title', 'b');
    form.append('file', new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    form.append('$bound', 'forged');
    await upload(form);
    const sent = calls[0]?.body;
    expect(calls[0]?.route).toBe('/api/unit/forms/upload');
    expect(sent).toBeInstanceOf(FormData);
    expect(sent).not.toBe(form);
    const fields = sent instanceof FormData ? [...sent].map(([name, value]) => [name, typeof value === 'string' ? value : value.name]) : [];
    expect(fields).toEqual([
      ['title', 'a'],
      ['title', 'b'],
      ['file', 'hello.txt'],
      ['$bound', 'SEAL'],
    ]);
    // the caller's form is as it was
    expect([...form.keys()]).toEqual(['title', 'title', 'file', '$bound']);
    expect(form.get('$bound')).toBe('forged');
  });

  it('sends an empty form (plus the seal) when no form is given, and rejects what is not a form', async () => {
    const { caller, calls } = recordingCaller();
    await fromReference({ $action: 'unit/forms/upload' }, caller)();
    await fromReference({ $action: 'unit/forms/upload', bound: 'S' }, caller)();
    const bodies = calls.map((call) => (call.body instanceof FormData ? [...call.body] : call.body));
    expect(bodies).toEqual([[], [['$bound', 'S']]]);
    // an object is a typed form's fields (encoded as one); anything else is refused
    await expect(fromReference({ $action: 'unit/forms/upload' }, caller)('a title')).rejects.toThrow(new TypeError('actionwire: this action takes a FormData or an object of its form fields'));
  });
});

describe('fromReference: types', () => {
  it('gives a typed reference its function type, an untyped one a function of unknowns', () => {
    const { caller } = recordingCaller();
    const typed: ActionReference<(id: string, title?: string) => Promise<{ done: boolean }>> = { $action: 'unit/todos/rename' };
    const rename = fromReference(typed, caller);
    const same: (id: string, title?: string) => Promise<{ done: boolean }> = rename;
    // @ts-expect-error the parameters are the action's
    void (() => rename(1));
    const literal = fromReference({ $action: 'unit/todos/clear' }, caller);
    const loose: (...args: unknown[]) => Promise<unknown> = literal;
    // @ts-expect-error an untyped reference's result is unknown
    void (async (): Promise<string> => literal());
    const reference: ActionReference = { $action: 'unit/todos/clear' };
    const untyped = fromReference(reference, caller);
    const alsoLoose: (...args: unknown[]) => Promise<unknown> = untyped;
    // @ts-expect-error an untyped reference's result is unknown
    void (async (): Promise<string> => untyped());
    expect([typeof same, typeof loose, typeof alsoLoose]).toEqual(['function', 'function', 'function']);
  });
});

describe('registerActions', () => {
  it('refuses an action whose path is not under the base path it is registered with', () => {
    expect(() => registerActions('/actions', [['/elsewhere/x', [], 0, 0]])).toThrow('actionwire: the action at /elsewhere/x is not under the base path /actions');
  });
});
