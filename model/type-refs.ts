import type { TypeNode } from './model.js';

/**
 * Adds to `into` the names of the named schemas a type refers to directly (not through those schemas).
 *
 * @example
 * const names = new Set<string>();
 * referencedSchemaNames({ kind: 'array', items: { kind: 'ref', name: 'User' } }, names); // names: {'User'}
 */
export function referencedSchemaNames(type: TypeNode, into: Set<string>): Set<string> {
  switch (type.kind) {
    case 'ref':
      into.add(type.name);
      break;
    case 'array':
    case 'set':
      referencedSchemaNames(type.items, into);
      break;
    case 'map':
      referencedSchemaNames(type.key, into);
      referencedSchemaNames(type.value, into);
      break;
    case 'tuple':
      type.items.forEach((item) => referencedSchemaNames(item, into));
      if (type.rest) referencedSchemaNames(type.rest, into);
      break;
    case 'object':
      type.properties.forEach((property) => referencedSchemaNames(property.type, into));
      if (type.additional) referencedSchemaNames(type.additional, into);
      break;
    case 'union':
      type.members.forEach((member) => referencedSchemaNames(member, into));
      break;
    case 'action':
      type.params.forEach((param) => referencedSchemaNames(param.type, into));
      if (type.returns) referencedSchemaNames(type.returns, into);
      break;
    default:
      break;
  }
  return into;
}
