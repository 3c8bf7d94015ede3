import fc from 'fast-check';
import { findDiscriminator } from '../../model/discriminator.js';
import type { NamedSchema, Property, TypeNode } from '../../model/model.js';

/**
 * Random types of every family the model has (nested, unioned, recursive through named schemas,
 * optional, with hostile property names), and random wire values for them.
 */

export interface GeneratedTypes {
  schemas: NamedSchema[];
  type: TypeNode;
}

// not '': ajv ignores `required: [""]` (tests/compiler/validator.test.ts checks that name by example)
const PROPERTY_NAMES = ['id', 'name', 'kind', 'a/b', '~0', 'x y', 'ü', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const SCHEMA_NAMES = ['S0', 'S1', 'S2'];

const leaf = (names: readonly string[]): fc.Arbitrary<TypeNode> =>
  fc.oneof(
    fc.constant<TypeNode>({ kind: 'string' }),
    fc.constant<TypeNode>({ kind: 'number' }),
    fc.constant<TypeNode>({ kind: 'number', integer: true }),
    fc.constant<TypeNode>({ kind: 'boolean' }),
    fc.constant<TypeNode>({ kind: 'null' }),
    fc.oneof(fc.constantFrom('on', 'off', ''), fc.constantFrom(0, 1, -2.5), fc.boolean()).map((value): TypeNode => ({ kind: 'literal', value })),
    fc.constant<TypeNode>({ kind: 'date' }),
    fc.constant<TypeNode>({ kind: 'bigint' }),
    fc.constant<TypeNode>({ kind: 'bytes' }),
    fc.constant<TypeNode>({ kind: 'unknown' }),
    ...(names.length > 0 ? [fc.constantFrom(...names).map((name): TypeNode => ({ kind: 'ref', name }))] : []),
  );

const KEY_TYPES: TypeNode[] = [{ kind: 'string' }, { kind: 'number', integer: true }, { kind: 'date' }, { kind: 'bigint' }, { kind: 'boolean' }];

function properties(inner: fc.Arbitrary<TypeNode>, tag?: number): fc.Arbitrary<Property[]> {
  return fc
    .uniqueArray(fc.record({ name: fc.constantFrom(...PROPERTY_NAMES.filter((name) => name !== 'kind')), type: inner, optional: fc.boolean() }), { maxLength: 3, selector: (property) => property.name })
    .map((list) => (tag === undefined ? list : [{ name: 'kind', type: { kind: 'literal', value: `k${tag}` }, optional: false } as Property, ...list]));
}

function composite(inner: fc.Arbitrary<TypeNode>, leaves: fc.Arbitrary<TypeNode>): fc.Arbitrary<TypeNode> {
  const notUnknown = inner.filter((type) => type.kind !== 'unknown' && type.kind !== 'union');
  return fc.oneof(
    inner.map((items): TypeNode => ({ kind: 'array', items })),
    fc.tuple(fc.array(inner, { maxLength: 3 }), fc.nat(3), fc.option(inner, { nil: undefined })).map(([items, optionalCount, rest]): TypeNode => {
      const minItems = Math.max(0, items.length - (rest ? 0 : optionalCount));
      return rest ? { kind: 'tuple', items, minItems: items.length, rest } : { kind: 'tuple', items, minItems };
    }),
    fc.tuple(properties(inner), fc.option(inner, { nil: undefined })).map(([list, additional]): TypeNode => (additional ? { kind: 'object', properties: list, additional } : { kind: 'object', properties: list })),
    fc.tuple(inner, fc.boolean()).map(([additional, numericKeys]): TypeNode => (numericKeys ? { kind: 'object', properties: [], additional, numericKeys } : { kind: 'object', properties: [], additional })),
    fc.uniqueArray(notUnknown, { minLength: 2, maxLength: 3, selector: (type) => JSON.stringify(type) }).map((members): TypeNode => ({ kind: 'union', members })),
    fc.tuple(properties(inner, 0), properties(inner, 1), fc.option(properties(inner, 2), { nil: undefined })).map(([a, b, c]): TypeNode => ({
      kind: 'union',
      members: [a, b, ...(c ? [c] : [])].map((list): TypeNode => ({ kind: 'object', properties: list })),
    })),
    fc.tuple(fc.constantFrom(...KEY_TYPES), inner).map(([key, value]): TypeNode => ({ kind: 'map', key, value })),
    fc.oneof(leaves.filter((type) => type.kind !== 'unknown' && type.kind !== 'ref'), inner).map((items): TypeNode => ({ kind: 'set', items })),
  );
}

function typeOfDepth(depth: number, names: readonly string[]): fc.Arbitrary<TypeNode> {
  const leaves = leaf(names);
  if (depth === 0) return leaves;
  const inner = typeOfDepth(depth - 1, names);
  return fc.oneof({ weight: 2, arbitrary: leaves }, { weight: 3, arbitrary: composite(inner, leaves) });
}

/** Up to three named schemas (which may refer to each other and to themselves) and a type using them. */
export function generatedTypes(depth = 3): fc.Arbitrary<GeneratedTypes> {
  return fc.nat(SCHEMA_NAMES.length).chain((count) => {
    const names = SCHEMA_NAMES.slice(0, count);
    return fc.record({
      // as the checker names them: never a bare alias of another name, nor a union through names (TypeScript resolves or refuses those cycles)
      schemas: fc.tuple(...names.map(() => typeOfDepth(depth - 1, names).filter(isNamedSchemaBody))).map((types) => types.map((type, index): NamedSchema => ({ name: names[index] as string, type }))),
      type: typeOfDepth(depth, names),
    });
  });
}

function isNamedSchemaBody(type: TypeNode): boolean {
  return type.kind !== 'ref' && !(type.kind === 'union' && type.members.some((member) => member.kind === 'ref'));
}

/** Marks a value that cannot be built within the depth budget (a type that only recursion can satisfy). */
export const SKIP = Symbol('skip');

export function containsSkip(value: unknown): boolean {
  if (value === SKIP) return true;
  if (Array.isArray(value)) return value.some(containsSkip);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsSkip);
  return false;
}

/** JSON values without reserved keys (they are refused wherever a value is `unknown`: tested on their own). */
const safeJson = (): fc.Arbitrary<unknown> =>
  fc.jsonValue({ maxDepth: 2 }).map(function strip(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).filter(([key]) => !RESERVED.has(key)).map(([key, inner]) => [key, strip(inner)]));
    return value;
  });

const dateText = fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((date) => date.toISOString());

/** A valid value of `type` as it travels (JSON): dates as ISO strings, bigints as decimal strings, bytes as base64, Maps as pairs. */
export function wireValue(type: TypeNode, schemas: ReadonlyMap<string, TypeNode>, depth = 4): fc.Arbitrary<unknown> {
  const recurse = (inner: TypeNode, nextDepth = depth): fc.Arbitrary<unknown> => wireValue(inner, schemas, nextDepth);
  switch (type.kind) {
    case 'string':
      return fc.string({ maxLength: 6 });
    case 'number':
      return type.integer ? fc.integer() : fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.parse(JSON.stringify(value)) as number);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constant(type.value);
    case 'date':
      return dateText;
    case 'bigint':
      return fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String);
    case 'bytes':
      return fc.uint8Array({ maxLength: 6 }).map((bytes) => Buffer.from(bytes).toString('base64'));
    case 'unknown':
      return safeJson();
    case 'array':
      return depth <= 0 ? fc.constant([]) : fc.array(recurse(type.items, depth - 1), { maxLength: 3 });
    case 'tuple': {
      const fixed = type.items.map((item) => recurse(item, depth - 1));
      const rest = type.rest && depth > 0 ? fc.array(recurse(type.rest, depth - 1), { maxLength: 2 }) : fc.constant([]);
      return fc.tuple(fc.tuple(...fixed), fc.integer({ min: type.minItems, max: type.items.length }), rest).map(([items, length, more]) => [...items.slice(0, length), ...(length === type.items.length ? more : [])]);
    }
    case 'object': {
      const entries = type.properties.map((property) => {
        const value = recurse(property.type, depth - 1);
        return property.optional ? fc.option(value, { nil: undefined }) : value;
      });
      const declared = new Set(type.properties.map((property) => property.name));
      const extraKey = type.numericKeys ? fc.oneof(fc.integer().map(String), fc.constantFrom('1.5', '-0.25', '1e+21', '5e-324', 'NaN', '-Infinity')) : fc.string({ maxLength: 4 });
      const extra =
        type.additional && depth > 0
          ? fc.dictionary(extraKey.filter((key) => !declared.has(key) && !RESERVED.has(key)), recurse(type.additional, depth - 1), { maxKeys: 2 })
          : fc.constant({});
      return fc.tuple(fc.tuple(...entries), extra).map(([values, more]) => {
        const object: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(more)) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        type.properties.forEach((property, index) => {
          if (values[index] !== undefined) Object.defineProperty(object, property.name, { value: values[index], enumerable: true, writable: true, configurable: true });
        });
        return object;
      });
    }
    case 'union':
      return fc.oneof(...type.members.map((member) => recurse(member)));
    case 'ref': {
      const target = schemas.get(type.name);
      return target === undefined || depth <= 0 ? fc.constant(SKIP) : recurse(target, depth - 1);
    }
    case 'map': {
      if (depth <= 0) return fc.constant([]);
      return fc.uniqueArray(fc.tuple(recurse(type.key, depth - 1), recurse(type.value, depth - 1)), { maxLength: 3, selector: ([key]) => wireIdentity(type.key, key) });
    }
    case 'set':
      return depth <= 0 ? fc.constant([]) : fc.uniqueArray(recurse(type.items, depth - 1), { maxLength: 3, selector: (item) => wireIdentity(type.items, item) });
    default:
      return fc.constant(SKIP);
  }
}

/** When two wire values are the same Map key or Set item: Dates by instant, objects never. */
function wireIdentity(type: TypeNode, value: unknown): unknown {
  if (type.kind === 'date' && typeof value === 'string') return `date:${Date.parse(value)}`;
  if (typeof value === 'object' && value !== null) return Symbol('distinct');
  return value;
}

/** Every path (list of keys) inside a JSON value, the root included. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...paths(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null) for (const [key, inner] of Object.entries(value)) found.push(...paths(inner, [...prefix, key]));
  return found;
}

function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A hostile variant of a value: somewhere inside it, a value replaced by random JSON, a key removed,
 * an undeclared (possibly prototype-named) key added, or a value wrapped in an array.
 */
export function mutated(value: unknown, extraKeys: readonly string[]): fc.Arbitrary<unknown> {
  const all = paths(value);
  return fc.tuple(fc.nat(all.length - 1), fc.nat(3), safeJson(), fc.constantFrom(...extraKeys)).map(([at, how, replacement, key]) => {
    const copy = structuredClone(value) as unknown;
    const path = all[at] ?? [];
    if (path.length === 0) return how === 3 ? [copy] : replacement;
    let parent = copy as Record<string | number, unknown>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (how === 0) setOwn(parent, last, replacement);
    else if (how === 1 && !Array.isArray(parent)) delete parent[last];
    else if (how === 2 && typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) setOwn(parent[last] as Record<string, unknown>, key, replacement);
    else setOwn(parent, last, [parent[last]]);
    return copy;
  });
}

/** Does the type hold a kind whose rules go beyond what its JSON Schema can say (docs/types.md lists them)? */
export function hasRulesBeyondSchema(type: TypeNode, schemas: ReadonlyMap<string, TypeNode>, seen = new Set<string>()): boolean {
  switch (type.kind) {
    case 'bytes':
    case 'unknown':
    case 'map':
      return true;
    case 'set':
      return type.items.kind === 'date' || type.items.kind === 'bytes' || hasRulesBeyondSchema(type.items, schemas, seen);
    case 'array':
      return hasRulesBeyondSchema(type.items, schemas, seen);
    case 'tuple':
      return type.items.some((item) => hasRulesBeyondSchema(item, schemas, seen)) || (type.rest !== undefined && hasRulesBeyondSchema(type.rest, schemas, seen));
    case 'object':
      // number keys: the schema's pattern also admits texts that are no number's own text (`1.50`, `1e3`)
      return Boolean(type.numericKeys) || type.properties.some((property) => hasRulesBeyondSchema(property.type, schemas, seen)) || (type.additional !== undefined && hasRulesBeyondSchema(type.additional, schemas, seen));
    case 'union':
      return type.members.some((member) => hasRulesBeyondSchema(member, schemas, seen));
    case 'ref': {
      if (seen.has(type.name)) return false;
      seen.add(type.name);
      const target = schemas.get(type.name);
      return target !== undefined && hasRulesBeyondSchema(target, schemas, seen);
    }
    default:
      return false;
  }
}

/** A union whose members share a wire form (a string that may be a Date, a bigint or bytes): the client cannot tell them apart. */
export function hasAmbiguousUnion(type: TypeNode, schemas: ReadonlyMap<string, TypeNode>, seen = new Set<string>()): boolean {
  const stringLike = (member: TypeNode): boolean => ['string', 'date', 'bigint', 'bytes', 'unknown'].includes(member.kind) || (member.kind === 'literal' && typeof member.value === 'string');
  const arrayLike = (member: TypeNode): boolean => ['array', 'tuple', 'map', 'set', 'unknown'].includes(member.kind);
  const resolve = (member: TypeNode): TypeNode => (member.kind === 'ref' ? (schemas.get(member.name) ?? member) : member);
  const flatten = (member: TypeNode): TypeNode[] => {
    const resolved = resolve(member);
    return resolved.kind === 'union' && !findDiscriminator(resolved.members, schemas) ? resolved.members.flatMap(flatten) : [resolved];
  };
  switch (type.kind) {
    case 'union': {
      const members = type.members.flatMap(flatten);
      const strings = members.filter(stringLike).length;
      const arrays = members.filter(arrayLike).length;
      const objects = findDiscriminator(type.members, schemas) ? 0 : members.filter((member) => member.kind === 'object' || member.kind === 'union').length;
      return strings > 1 || arrays > 1 || objects > 1 || type.members.some((member) => hasAmbiguousUnion(member, schemas, seen));
    }
    case 'array':
    case 'set':
      return hasAmbiguousUnion(type.items, schemas, seen);
    case 'map':
      return hasAmbiguousUnion(type.key, schemas, seen) || hasAmbiguousUnion(type.value, schemas, seen);
    case 'tuple':
      return type.items.some((item) => hasAmbiguousUnion(item, schemas, seen)) || (type.rest !== undefined && hasAmbiguousUnion(type.rest, schemas, seen));
    case 'object':
      return type.properties.some((property) => hasAmbiguousUnion(property.type, schemas, seen)) || (type.additional !== undefined && hasAmbiguousUnion(type.additional, schemas, seen));
    case 'ref': {
      if (seen.has(type.name)) return false;
      seen.add(type.name);
      const target = schemas.get(type.name);
      return target !== undefined && hasAmbiguousUnion(target, schemas, seen);
    }
    default:
      return false;
  }
}
