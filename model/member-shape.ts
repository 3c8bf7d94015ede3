import { assertNever, type TypeNode } from './model.js';

/**
 * What the JSON of a union member looks like, so that the client can tell which member a value belongs to
 * (the validator's view, cut at a depth: deeper objects are only "an object"):
 *   "s" any string   "D" a date-time string   "B" a decimal integer string   "Y" a base64 string
 *   "n" a number   "b" a boolean   "z" null   "A" an array   "o" an object   "*" anything
 *   ["=", value]                          exactly this literal
 *   ["|", [shape, …]]                     one of these
 *   ["O", {key: shape}, [key, …], open]   an object with these keys (the listed ones required); open: 1 when other keys may be there
 * Every value the server writes for a member fits that member's shape.
 */
export type MemberShape =
  | 's'
  | 'D'
  | 'B'
  | 'Y'
  | 'n'
  | 'b'
  | 'z'
  | 'A'
  | 'o'
  | '*'
  | readonly ['=', string | number | boolean]
  | readonly ['|', readonly MemberShape[]]
  | readonly ['O', { readonly [key: string]: MemberShape }, readonly string[], 0 | 1];

/** How many object levels a shape describes: enough to tell members apart by their fields and their fields' fields. */
const SHAPE_DEPTH = 2;

/** References followed in a row without reaching an object (a named schema is never a bare alias, so this is a safeguard). */
const REFERENCE_HOPS = 8;

/** The shape of a member's JSON; `schemas` resolves references (a recursive one ends at the depth). */
export function memberShape(type: TypeNode, schemas: ReadonlyMap<string, TypeNode>, depth = SHAPE_DEPTH, hops = REFERENCE_HOPS): MemberShape {
  switch (type.kind) {
    case 'string':
      return 's';
    case 'date':
      return 'D';
    case 'bigint':
      return 'B';
    case 'bytes':
      return 'Y';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'null':
      return 'z';
    case 'unknown':
      return '*';
    case 'literal':
      return ['=', type.value];
    case 'array':
    case 'tuple':
    case 'map':
    case 'set':
      return 'A';
    case 'action':
      return 'o';
    case 'union':
      return ['|', type.members.map((member) => memberShape(member, schemas, depth, hops))];
    case 'ref': {
      const target = schemas.get(type.name);
      return target === undefined || hops === 0 ? '*' : memberShape(target, schemas, depth, hops - 1);
    }
    case 'object': {
      if (depth === 0) return 'o';
      const keys: { [key: string]: MemberShape } = {};
      for (const property of type.properties) keys[property.name] = memberShape(property.type, schemas, depth - 1);
      const required = type.properties.filter((property) => !property.optional).map((property) => property.name);
      return ['O', keys, required, type.additional ? 1 : 0];
    }
    default:
      return assertNever(type);
  }
}
