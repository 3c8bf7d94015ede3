import { isActionReference, type ActionReference, type ReferenceResolver } from '../../runtime/client/reference.js';
import { revive, type RevivalPlans } from '../../runtime/client/revive.js';

/** A resolver that makes a recognisable function per reference and remembers what it was given. */
function recordingResolver(): { resolver: ReferenceResolver; seen: ActionReference[] } {
  const seen: ActionReference[] = [];
  const resolver: ReferenceResolver = (reference) => {
    seen.push(reference);
    return Object.assign(async () => reference.$action, { route: reference.$action, bound: reference.bound });
  };
  return { resolver, seen };
}

function route(value: unknown): unknown {
  return typeof value === 'function' ? (value as { route?: unknown }).route : undefined;
}

describe("revival plan 'R' (an action reference becomes a function)", () => {
  it('calls the resolver with the reference itself, and returns what it makes', () => {
    const { resolver, seen } = recordingResolver();
    const reference = { $action: 'todos/remove', bound: 'seal' };
    const revived = revive(reference, 'R', {}, resolver);
    expect(typeof revived).toBe('function');
    expect(route(revived)).toBe('todos/remove');
    expect(seen).toEqual([reference]);
    expect(seen[0]).toBe(reference);
  });

  it('leaves references as they are without a resolver', () => {
    const value = { list: [{ $action: 'a' }] };
    expect(revive(value, ['o', { list: ['a', 'R'] }])).toEqual({ list: [{ $action: 'a' }] });
  });

  it('leaves anything that is not a well-formed reference as it is', () => {
    const { resolver, seen } = recordingResolver();
    class Shaped {
      $action = 'x';
    }
    const inherited: unknown = Object.create({ $action: 'x' });
    const malformed: unknown[] = [
      null,
      undefined,
      'todos/remove',
      42,
      [],
      ['x'],
      {},
      { $action: 1 },
      { $action: 'x', bound: 2 },
      { $action: 'x', bound: null },
      { $action: 'x', extra: true },
      { $action: 'x', bound: 'seal', $bound: 'seal' },
      new Shaped(),
      inherited,
      Object.defineProperty({}, '$action', { get: () => 'x', enumerable: true }),
      Object.assign({ $action: 'x' }, { [Symbol('tag')]: 1 }),
    ];
    for (const value of malformed) expect(revive(value, 'R', {}, resolver)).toBe(value);
    expect(seen).toEqual([]);
  });

  it('accepts a reference without a seal, and one with a null prototype', () => {
    const bare: unknown = Object.assign(Object.create(null), { $action: 'n' });
    expect(isActionReference({ $action: 'todos/list' })).toBe(true);
    expect(isActionReference(bare)).toBe(true);
    expect(isActionReference({ $action: 'x', bound: undefined })).toBe(true);
  });

  it('revives references nested in arrays, objects, records and tuples', () => {
    const { resolver } = recordingResolver();
    const value = {
      list: [{ $action: 'a/1' }, { $action: 'a/2', bound: 's' }],
      byName: { first: { $action: 'm/1' }, second: { $action: 'm/2' } },
      pair: ['label', { $action: 't/1' }],
      plain: { $action: 'not/planned' },
    };
    const revived = revive(value, ['o', { list: ['a', 'R'], byName: ['m', 'R'], pair: ['t', [0, 'R'], 0] }], {}, resolver) as typeof value;
    expect(revived.list.map(route)).toEqual(['a/1', 'a/2']);
    expect(Object.values(revived.byName).map(route)).toEqual(['m/1', 'm/2']);
    expect(revived.pair[0]).toBe('label');
    expect(route(revived.pair[1])).toBe('t/1');
    expect(revived.plain).toEqual({ $action: 'not/planned' });
  });

  it('revives references that are the keys or values of Maps, and the items of Sets', () => {
    const { resolver } = recordingResolver();
    const map = revive([['k', { $action: 'map/v' }]], ['M', 0, 'R'], {}, resolver) as Map<string, unknown>;
    expect(map).toBeInstanceOf(Map);
    expect(route(map.get('k'))).toBe('map/v');
    const keyed = revive([[{ $action: 'map/k' }, 1]], ['M', 'R', 0], {}, resolver) as Map<unknown, number>;
    expect([...keyed.keys()].map(route)).toEqual(['map/k']);
    const set = revive([{ $action: 'set/1' }, 'other'], ['S', 'R'], {}, resolver) as Set<unknown>;
    expect([...set].map((item) => (typeof item === 'function' ? route(item) : item))).toEqual(['set/1', 'other']);
  });

  it('revives a reference in a union only where the value is one', () => {
    const { resolver } = recordingResolver();
    // string | Date | (() => Promise<void>)
    const plan = ['u', ['d', 'R']] as const;
    expect(route(revive({ $action: 'u/1' }, plan, {}, resolver))).toBe('u/1');
    expect(revive('2026-01-02T03:04:05Z', plan, {}, resolver)).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(revive('plain', plan, {}, resolver)).toBe('plain');
    // { run: action } | { run: string; at: Date }
    const objects = ['u', [['o', { run: 'R' }], ['o', { at: 'd' }]]] as const;
    const first = revive({ run: { $action: 'u/2' } }, objects, {}, resolver) as { run: unknown };
    expect(route(first.run)).toBe('u/2');
    const second = revive({ run: 'text', at: '2026-01-02T03:04:05Z' }, objects, {}, resolver) as { run: unknown; at: unknown };
    expect(second).toEqual({ run: 'text', at: new Date('2026-01-02T03:04:05Z') });
  });

  it('revives references in discriminated unions, records with declared properties, and named (recursive) plans', () => {
    const { resolver } = recordingResolver();
    const tagged = revive({ kind: 'act', run: { $action: 'd/1' } }, ['D', 'kind', { act: ['o', { run: 'R' }] }], {}, resolver) as { run: unknown };
    expect(route(tagged.run)).toBe('d/1');
    const mixed = revive({ main: { $action: 'x/main' }, other: { $action: 'x/other' } }, ['x', { main: 'R' }, 'R', ['main']], {}, resolver) as {
      main: unknown;
      other: unknown;
    };
    expect([route(mixed.main), route(mixed.other)]).toEqual(['x/main', 'x/other']);
    // interface Step { run: () => Promise<void>; next?: Step }
    const plans: RevivalPlans = { Step: ['o', { run: 'R', next: ['r', 'Step'] }] };
    const chain = revive({ run: { $action: 's/1' }, next: { run: { $action: 's/2' }, next: { run: { $action: 's/3' } } } }, ['r', 'Step'], plans, resolver) as {
      run: unknown;
      next: { run: unknown; next: { run: unknown } };
    };
    expect([route(chain.run), route(chain.next.run), route(chain.next.next.run)]).toEqual(['s/1', 's/2', 's/3']);
  });

  it('keeps a property named like a reference key an own data property (no prototype change)', () => {
    const { resolver } = recordingResolver();
    const value: Record<string, unknown> = JSON.parse('{"__proto__": {"$action": "p/1"}}');
    const revived = revive(value, ['m', 'R'], {}, resolver) as Record<string, unknown>;
    expect(Object.getPrototypeOf(revived)).toBe(Object.prototype);
    expect(route(Object.getOwnPropertyDescriptor(revived, '__proto__')?.value)).toBe('p/1');
  });
});
