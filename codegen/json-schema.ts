import { assertNever, type TypeNode } from './model.js';

export type JsonSchema = { [key: string]: unknown };

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** A TypeNode as JSON Schema 2020-12 (the dialect of OpenAPI 3.1). */
export function toJsonSchema(type: TypeNode): JsonSchema {
  switch (type.kind) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: type.integer ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'null':
      return { type: 'null' };
    case 'literal':
      return { type: literalType(type.value), const: type.value };
    case 'array':
      return { type: 'array', items: toJsonSchema(type.items) };
    case 'object':
      return objectSchema(type);
    case 'union':
      return unionSchema(type.members);
    case 'ref':
      return { $ref: SCHEMA_REF_PREFIX + type.name };
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'formData':
      return { type: 'object', additionalProperties: true };
    case 'unknown':
      return {};
    default:
      return assertNever(type);
  }
}

function literalType(value: string | number | boolean): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function objectSchema(type: Extract<TypeNode, { kind: 'object' }>): JsonSchema {
  const properties: JsonSchema = {};
  for (const property of type.properties) {
    const schema = toJsonSchema(property.type);
    properties[property.name] = property.description ? { ...schema, description: property.description } : schema;
  }
  const required = type.properties.filter((property) => !property.optional).map((property) => property.name);
  const schema: JsonSchema = { type: 'object' };
  if (type.properties.length > 0) schema.properties = properties;
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = type.additional ? toJsonSchema(type.additional) : false;
  return schema;
}

function unionSchema(members: TypeNode[]): JsonSchema {
  const literals = members.filter((member) => member.kind === 'literal');
  if (literals.length === members.length) {
    const types = [...new Set(literals.map((literal) => literalType(literal.value)))];
    return { type: types.length === 1 ? types[0] : types, enum: literals.map((literal) => literal.value) };
  }
  return { anyOf: members.map(toJsonSchema) };
}
