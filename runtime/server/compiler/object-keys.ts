import type { TypeNode } from '../../../model/model.js';

/** Which keys an object type accepts: its declared properties, and any other key (a record) or other number keys. */
export interface AcceptedKeys {
  declared: string[];
  others: 'none' | 'any' | 'numeric';
}

/**
 * The keys a union member accepts, when it is an object type (directly or through named schemas): both
 * sides choose a union's member by how many of a value's keys it accepts.
 */
export function acceptedKeys(type: TypeNode, schemas: ReadonlyMap<string, TypeNode>, depth = 0): AcceptedKeys | undefined {
  if (type.kind === 'object') {
    return { declared: type.properties.map((property) => property.name), others: type.additional === undefined ? 'none' : type.numericKeys ? 'numeric' : 'any' };
  }
  if (type.kind === 'ref' && depth < 8) {
    const target = schemas.get(type.name);
    return target ? acceptedKeys(target, schemas, depth + 1) : undefined;
  }
  return undefined;
}

/** The expression that scores `value` against a member's accepted keys (`keys` names the constant holding the declared ones). */
export function scoreExpression(value: string, keys: string, accepted: AcceptedKeys): string {
  return `acceptedKeyCount(${value}, ${keys}, ${JSON.stringify(accepted.others)})`;
}
