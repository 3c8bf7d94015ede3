import type { TypeNode } from '../../model/model.js';
import { compiledFunctions, identityAction, issueList, modelWith, type Issue } from '../helpers/compiled-functions.js';
import { usersModel } from '../codegen/models.js';

function decodeWith(type: TypeNode, value: unknown, schemas = usersModel.schemas): { args: unknown[]; issues: readonly Issue[] } {
  const { decode } = compiledFunctions(modelWith([identityAction(type)], schemas), identityAction(type));
  const issues = issueList();
  const args = decode({ value }, issues);
  return { args, issues: issues.list };
}

describe('generated validators', () => {
  it.each<[string, TypeNode, unknown, string]>([
    ['string', { kind: 'string' }, 1, 'must be a string'],
    ['number', { kind: 'number' }, '1', 'must be a finite number'],
    ['integer', { kind: 'number', integer: true }, 1.5, 'must be an integer'],
    ['boolean', { kind: 'boolean' }, 'true', 'must be a boolean'],
    ['null', { kind: 'null' }, 0, 'must be null'],
    ['literal', { kind: 'literal', value: 'on' }, 'off', 'must be "on"'],
    ['array', { kind: 'array', items: { kind: 'string' } }, {}, 'must be an array'],
    ['object', { kind: 'object', properties: [] }, [], 'must be an object'],
    ['date', { kind: 'date' }, '2020-13-45T00:00:00Z', 'must be an ISO 8601 date-time string naming a real date'],
  ])('%s: refuses a wrong value with a message at its path', (_name, type, value, message) => {
    expect(decodeWith(type, value).issues).toEqual([{ path: '/value', message }]);
  });

  it('accepts valid values and revives dates in place', () => {
    const { args, issues } = decodeWith({ kind: 'ref', name: 'User' }, {
      id: 1,
      name: 'Ada',
      email: null,
      joinedAt: '2024-01-02T03:04:05.678Z',
      friends: [{ id: 2, name: 'Bob', email: 'b@x', joinedAt: '2024-02-02T00:00:00+01:00', role: 'member' }],
    });
    expect(issues).toEqual([]);
    const user = args[0] as { joinedAt: Date; friends: Array<{ joinedAt: Date }> };
    expect(user.joinedAt).toBeInstanceOf(Date);
    expect(user.joinedAt.toISOString()).toBe('2024-01-02T03:04:05.678Z');
    expect(user.friends[0].joinedAt.toISOString()).toBe('2024-02-01T23:00:00.000Z');
  });

  it('collects every problem with JSON Pointer paths, through recursion and arrays', () => {
    const { issues } = decodeWith({ kind: 'ref', name: 'User' }, {
      id: 'x',
      email: 3,
      role: 'root',
      joinedAt: 'soon',
      friends: [{ id: 1, name: 'ok', email: null, joinedAt: '2024-01-01T00:00:00Z' }, { name: 5 }],
      'a/b~c': true,
    });
    expect(issues).toEqual([
      { path: '/value/id', message: 'must be an integer' },
      { path: '/value/name', message: 'is required' },
      { path: '/value/email', message: 'must be a string' },
      { path: '/value/role', message: 'must be one of "admin", "member"' },
      { path: '/value/joinedAt', message: 'must be an ISO 8601 date-time string naming a real date' },
      { path: '/value/friends/1/id', message: 'is required' },
      { path: '/value/friends/1/name', message: 'must be a string' },
      { path: '/value/friends/1/email', message: 'is required' },
      { path: '/value/friends/1/joinedAt', message: 'is required' },
      { path: '/value/a~1b~0c', message: 'is not a declared property' },
    ]);
  });

  it('tells union members apart', () => {
    const shape: TypeNode = { kind: 'ref', name: 'Shape' };
    expect(decodeWith(shape, { kind: 'circle', radius: 2 }).issues).toEqual([]);
    const square = decodeWith(shape, { kind: 'square', side: 2, at: '2024-01-01T00:00:00Z' });
    expect(square.issues).toEqual([]);
    expect((square.args[0] as { at: unknown }).at).toBeInstanceOf(Date);
    // A discriminated union: the tag picks the member, and the errors are that member's.
    expect(decodeWith(shape, { kind: 'circle', side: 2 }).issues).toEqual([
      { path: '/value/radius', message: 'is required' },
      { path: '/value/side', message: 'is not a declared property' },
    ]);
    expect(decodeWith(shape, { kind: 'hexagon' }).issues).toEqual([{ path: '/value/kind', message: 'must be one of "circle", "square"' }]);
    const loose: TypeNode = { kind: 'union', members: [{ kind: 'string' }, { kind: 'number' }] };
    expect(decodeWith(loose, true).issues).toEqual([{ path: '/value', message: 'must be one of: string, number' }]);
  });

  it('validates records through their value type', () => {
    const record: TypeNode = { kind: 'object', properties: [], additional: { kind: 'number' } };
    expect(decodeWith(record, { a: 1, b: 2 }).issues).toEqual([]);
    expect(decodeWith(record, { a: 1, 'x/y': 'no' }).issues).toEqual([{ path: '/value/x~1y', message: 'must be a finite number' }]);
  });

  it('requires a property whose name is empty (which ajv leaves unchecked)', () => {
    const type: TypeNode = { kind: 'object', properties: [{ name: '', type: { kind: 'boolean' }, optional: false }] };
    expect(decodeWith(type, {}).issues).toEqual([{ path: '/value/', message: 'is required' }]);
    expect(decodeWith(type, { '': true }).issues).toEqual([]);
  });

  it('never reads inherited members for absent properties', () => {
    const type: TypeNode = { kind: 'object', properties: [{ name: 'toString', type: { kind: 'string' }, optional: false }] };
    expect(decodeWith(type, {}).issues).toEqual([{ path: '/value/toString', message: 'is required' }]);
  });

  it('refuses __proto__ keys as undeclared without touching any prototype', () => {
    const body = JSON.parse('{"value": {"name": "x", "__proto__": {"polluted": true}}}') as { value: unknown };
    const type: TypeNode = { kind: 'object', properties: [{ name: 'name', type: { kind: 'string' }, optional: false }] };
    const { issues } = decodeWith(type, body.value);
    expect(issues).toEqual([{ path: '/value/__proto__', message: 'is not a declared property' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks the body itself and optional parameters', () => {
    const action = { ...identityAction({ kind: 'string' }, true) };
    const { decode } = compiledFunctions(modelWith([action]), action);
    const issues = issueList();
    expect(decode({}, issues)).toEqual([undefined]);
    expect(issues.list).toEqual([]);
    expect(decode([], issues)).toEqual([]);
    expect(issues.list).toEqual([{ path: '', message: 'must be an object whose keys are the parameter names' }]);
  });
});
