import type { NamedSchema, TypeNode } from '../../model/model.js';
import { RevivalPlanner, type RevivalPlan } from '../../model/revival.js';
import { revive } from '../../runtime/client/revive.js';

const ref = (name: string): TypeNode => ({ kind: 'ref', name });
const object = (...properties: Array<[string, TypeNode, boolean?]>): TypeNode => ({
  kind: 'object',
  properties: properties.map(([name, type, optional]) => ({ name, type, optional: optional ?? false })),
});

/** A = { b?: B; c: C }, B = { a?: A }, C = { d: Date }: only C holds a Date, A and B reach it through each other. */
const schemas: NamedSchema[] = [
  { name: 'A', type: object(['b', ref('B'), true], ['c', ref('C')]) },
  { name: 'B', type: object(['a', ref('A'), true]) },
  { name: 'C', type: object(['d', { kind: 'date' }]) },
];

function value(): { b: { a: { c: { d: unknown } } }; c: { d: unknown } } {
  return { b: { a: { c: { d: '2024-05-06T07:08:09.000Z' } } }, c: { d: '2024-01-02T03:04:05.000Z' } };
}

/** Plans `first` before `then`, as two actions of one module would, and revives an A by the second plan. */
function reviveAfter(order: string[], list: NamedSchema[]): ReturnType<typeof value> {
  const planner = new RevivalPlanner(list);
  const plans = order.map((name) => planner.plan(ref(name)));
  const shared = Object.fromEntries(planner.referencedPlans(plans));
  const planOfA = plans[order.indexOf('A')] as RevivalPlan;
  return revive(value(), planOfA, shared) as ReturnType<typeof value>;
}

describe('revival plans of mutually recursive schemas', () => {
  it.each([
    ['A first', ['A', 'B'], schemas],
    ['B first', ['B', 'A'], schemas],
    ['A first, schemas listed backwards', ['A', 'B'], [...schemas].reverse()],
    ['B first, schemas listed backwards', ['B', 'A'], [...schemas].reverse()],
  ])('revive a.b.a.c.d whichever schema is planned first (%s)', (_label, order, list) => {
    const revived = reviveAfter(order, list);
    expect(revived.c.d).toEqual(new Date('2024-01-02T03:04:05.000Z'));
    expect(revived.b.a.c.d).toEqual(new Date('2024-05-06T07:08:09.000Z'));
  });

  it('give every schema on the way to a Date a plan, and the same plans in either order', () => {
    const first = new RevivalPlanner(schemas);
    const second = new RevivalPlanner([...schemas].reverse());
    const fromA = first.referencedPlans([first.plan(ref('A')), first.plan(ref('B'))]);
    const fromB = second.referencedPlans([second.plan(ref('B')), second.plan(ref('A'))]);
    expect(fromA).toEqual([
      ['A', ['o', { b: ['r', 'B'], c: ['r', 'C'] }]],
      ['B', ['o', { a: ['r', 'A'] }]],
      ['C', ['o', { d: 'd' }]],
    ]);
    expect(fromB).toEqual(fromA);
  });

  it('leave alone a recursive schema that never reaches anything to revive', () => {
    const planner = new RevivalPlanner([
      { name: 'Tree', type: object(['children', { kind: 'array', items: ref('Tree') }], ['label', { kind: 'string' }]) },
      { name: 'Forest', type: object(['trees', { kind: 'array', items: ref('Tree') }]) },
    ]);
    expect(planner.plan(ref('Forest'))).toBeUndefined();
    expect(planner.plan(ref('Tree'))).toBeUndefined();
  });

  it('reach a Date through a long chain of references declared in any order', () => {
    const chain: NamedSchema[] = Array.from({ length: 50 }, (_, i) => ({
      name: `S${String(i).padStart(2, '0')}`,
      type: i === 49 ? object(['at', { kind: 'date' }]) : object(['next', ref(`S${String(i + 1).padStart(2, '0')}`)]),
    }));
    for (const list of [chain, [...chain].reverse()]) {
      const planner = new RevivalPlanner(list);
      expect(planner.plan(ref('S00'))).toEqual(['r', 'S00']);
      expect(planner.referencedPlans([planner.plan(ref('S00'))])).toHaveLength(50);
    }
  });
});
