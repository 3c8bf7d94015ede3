import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { emitOpenApi } from '../../codegen/openapi.js';
import type { Property, TypeNode } from '../../model/model.js';
import { RevivalPlanner } from '../../model/revival.js';
import { revive } from '../../runtime/client/revive.js';
import { compiledFunctions, identityAction, issueList, modelWith } from '../helpers/compiled-functions.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const RUNS = Number(process.env.ACTIONWIRE_FUZZ_RUNS ?? 60);
const SEED = process.env.ACTIONWIRE_FUZZ_SEED !== undefined ? { seed: Number(process.env.ACTIONWIRE_FUZZ_SEED) } : process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261206 };

/** What the server holds after decoding `wire`, and what the client makes of the JSON the server writes back. */
function throughTheWire(type: TypeNode, wire: unknown): { held: unknown; written: unknown; revived: unknown } {
  const functions = compiledFunctions(modelWith([identityAction(type)]), identityAction(type));
  const issues = issueList();
  const [held] = functions.decode({ value: structuredClone(wire) }, issues);
  expect(issues.list).toEqual([]);
  if (!functions.encode) throw new Error('no serializer');
  const text = functions.encode(held);
  const planner = new RevivalPlanner([]);
  const plan = planner.plan(type);
  return { held, written: JSON.parse(text) as unknown, revived: plan === undefined ? JSON.parse(text) : revive(JSON.parse(text), plan, Object.fromEntries(planner.referencedPlans([plan]))) };
}

const object = (properties: Array<[string, TypeNode, boolean?]>): TypeNode => ({ kind: 'object', properties: properties.map(([name, type, optional = false]) => ({ name, type, optional })) });

describe('client revival of a union revives by the member the value belongs to', () => {
  const dated = object([
    ['at', { kind: 'date' }],
    ['n', { kind: 'number' }],
  ]);
  const texted = object([
    ['at', { kind: 'string' }],
    ['s', { kind: 'string' }],
  ]);
  const union: TypeNode = { kind: 'union', members: [dated, texted] };
  const instant = '2024-05-06T07:08:09.010Z';

  it("leaves a string member's date-time-looking string a string", () => {
    const { held, revived } = throughTheWire(union, { at: instant, s: 'x' });
    expect(held).toEqual({ at: instant, s: 'x' });
    expect(revived).toEqual({ at: instant, s: 'x' });
  });

  it("revives the Date member's field", () => {
    expect(throughTheWire(union, { at: instant, n: 1 }).revived).toEqual({ at: new Date(instant), n: 1 });
  });

  it('inside arrays and properties too', () => {
    const outer = object([['items', { kind: 'array', items: union }]]);
    expect(throughTheWire(outer, { items: [{ at: instant, n: 1 }, { at: instant, s: 'x' }] }).revived).toEqual({ items: [{ at: new Date(instant), n: 1 }, { at: instant, s: 'x' }] });
  });

  it('where the members cannot be told apart, a field some member declares as string is not revived', () => {
    const ambiguous: TypeNode = { kind: 'union', members: [object([['at', { kind: 'date' }]]), object([['at', { kind: 'string' }]])] };
    expect(throughTheWire(ambiguous, { at: instant }).revived).toEqual({ at: instant });
    expect(throughTheWire(ambiguous, { at: 'not a date' }).revived).toEqual({ at: 'not a date' });
  });

  it('where every member the value fits says Date, it is a Date', () => {
    const agreeing: TypeNode = { kind: 'union', members: [object([['at', { kind: 'date' }], ['x', { kind: 'number' }, true]]), object([['at', { kind: 'date' }], ['y', { kind: 'string' }, true]])] };
    expect(throughTheWire(agreeing, { at: instant }).revived).toEqual({ at: new Date(instant) });
  });
});

/** Property types whose wire forms collide (a Date and a string, nested or not) under a few shared names. */
const propertyType: fc.Arbitrary<TypeNode> = fc.constantFrom<TypeNode>(
  { kind: 'string' },
  { kind: 'date' },
  { kind: 'number' },
  { kind: 'bigint' },
  { kind: 'literal', value: 'on' },
  { kind: 'union', members: [{ kind: 'date' }, { kind: 'null' }] },
  { kind: 'array', items: { kind: 'date' } },
  { kind: 'array', items: { kind: 'string' } },
  object([['at', { kind: 'date' }]]),
  object([['at', { kind: 'string' }]]),
);

const member: fc.Arbitrary<TypeNode> = fc
  .uniqueArray(fc.record({ name: fc.constantFrom('at', 'when', 'n', 's'), type: propertyType, optional: fc.boolean() }), { minLength: 1, maxLength: 3, selector: (property) => property.name })
  .map((properties: Property[]): TypeNode => ({ kind: 'object', properties }));

const dateText = fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((date) => date.toISOString());

/** A wire value of one of these types; strings are often date-time or decimal texts, the forms a Date or a bigint takes. */
function wireOf(type: TypeNode): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'string':
      return fc.oneof(dateText, fc.bigInt({ min: -99n, max: 99n }).map(String), fc.string({ maxLength: 4 }));
    case 'date':
      return dateText;
    case 'number':
      return fc.integer({ min: -9, max: 9 });
    case 'bigint':
      return fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String);
    case 'literal':
      return fc.constant(type.value);
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(wireOf(type.items), { maxLength: 2 });
    case 'union':
      return fc.oneof(...type.members.map(wireOf));
    case 'object':
      return fc.tuple(...type.properties.map((property) => (property.optional ? fc.option(wireOf(property.type), { nil: undefined }) : wireOf(property.type)))).map((values) =>
        Object.fromEntries(type.properties.flatMap((property, index) => (values[index] === undefined ? [] : [[property.name, values[index]]]))),
      );
    default:
      throw new Error(`no wire values for ${type.kind}`);
  }
}

const unions = fc.uniqueArray(member, { minLength: 2, maxLength: 3, selector: (type) => JSON.stringify(type) }).map((members): TypeNode => ({ kind: 'union', members }));

/** ajv on each member's schema as the OpenAPI document states it: the members a JSON value is valid for. */
function memberValidators(members: readonly TypeNode[]): ValidateFunction[] {
  return members.map((type) => {
    const document = JSON.parse(emitOpenApi(modelWith([identityAction(type)]))) as { paths: Record<string, { post: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }>; components: object };
    const schema = Object.values(document.paths)[0]?.post.responses['200']?.content?.['application/json']?.schema ?? {};
    return addFormats(new Ajv2020({ strict: false, ownProperties: true })).compile({ ...schema, components: document.components });
  });
}

describe('client revival of random unions of objects (differential: ajv says which members a value is valid for)', () => {
  it('gives back what the server held when one member fits, and revives nothing the fitting members disagree on', () => {
    fc.assert(
      fc.property(
        unions.chain((union) => fc.record({ union: fc.constant(union), wires: fc.array(wireOf(union), { minLength: 1, maxLength: 8 }) })),
        ({ union, wires }) => {
          if (union.kind !== 'union') throw new Error('not a union');
          const validators = memberValidators(union.members);
          for (const wire of wires) {
            const { held, written, revived } = throughTheWire(union, wire);
            const fitting = validators.filter((validate) => validate(written));
            expect(fitting.length).toBeGreaterThan(0);
            if (fitting.length === 1) expect({ wire, revived }).toEqual({ wire, revived: held });
            else if (!isEqual(revived, held)) expect({ wire, revived }).toEqual({ wire, revived: written });
          }
        },
      ),
      { numRuns: RUNS, ...SEED },
    );
  });
});

function isEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}
