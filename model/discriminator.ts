import type { NamedSchema, TypeNode } from './model.js';

type ObjectType = Extract<TypeNode, { kind: 'object' }>;

export interface Discriminator {
  property: string;
  /** tag value → index of the union member */
  tags: Array<{ value: string | number | boolean; member: number }>;
}

function resolveObject(type: TypeNode, schemas: ReadonlyMap<string, TypeNode>, depth = 0): ObjectType | undefined {
  if (type.kind === 'object') return type;
  if (type.kind === 'ref' && depth < 8) {
    const target = schemas.get(type.name);
    return target ? resolveObject(target, schemas, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * The property that tells a union's members apart, when every member is an object with a required
 * literal-typed property of that name and no two members share a value; undefined otherwise.
 */
export function findDiscriminator(members: TypeNode[], schemas: readonly NamedSchema[] | ReadonlyMap<string, TypeNode>): Discriminator | undefined {
  const byName = schemas instanceof Map ? schemas : new Map((schemas as readonly NamedSchema[]).map((schema) => [schema.name, schema.type]));
  const objects = members.map((member) => resolveObject(member, byName));
  if (objects.length < 2 || objects.some((object) => object === undefined)) return undefined;
  const [first] = objects as ObjectType[];
  for (const candidate of first.properties) {
    const tags: Discriminator['tags'] = [];
    const seen = new Set<string | number | boolean>();
    const fits = (objects as ObjectType[]).every((object, member) => {
      const property = object.properties.find((entry) => entry.name === candidate.name);
      if (!property || property.optional || property.type.kind !== 'literal' || seen.has(property.type.value)) return false;
      seen.add(property.type.value);
      tags.push({ value: property.type.value, member });
      return true;
    });
    if (fits) return { property: candidate.name, tags };
  }
  return undefined;
}
