import type { TypeNode } from '../../../model/model.js';

/**
 * The property names a union member declares, when it is an object type (directly or through named
 * schemas): both sides choose a union's member by how many of a value's keys it declares.
 */
export function objectKeys(type: TypeNode, schemas: ReadonlyMap<string, TypeNode>, depth = 0): string[] | undefined {
  if (type.kind === 'object') return type.properties.map((property) => property.name);
  if (type.kind === 'ref' && depth < 8) {
    const target = schemas.get(type.name);
    return target ? objectKeys(target, schemas, depth + 1) : undefined;
  }
  return undefined;
}
