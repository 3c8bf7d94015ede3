import { NUMERIC_KEY_PATTERN, RESERVED_KEYS } from '../model/keys.js';
import { ACTION_REFERENCE_SCHEMA_NAME } from '../model/reserved-schema-names.js';
import { findDiscriminator } from '../model/discriminator.js';
import { assertNever, type NamedSchema, type TypeNode } from '../model/model.js';

export type JsonSchema = { [key: string]: unknown };

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** The components/schemas entry every action reference in a return value points to. */
export const actionReferenceSchema: JsonSchema = {
  type: 'object',
  description:
    'A server action as a value: call it with POST {basePath}/{$action}, sending `bound` (when present) as the "$bound" property of the JSON body or field of the form',
  properties: {
    $action: { type: 'string', description: 'the action’s route below the base path' },
    bound: { type: 'string', description: 'the values the action captured, sealed by the server (opaque)' },
  },
  required: ['$action'],
  additionalProperties: false,
};

const BIGINT_PATTERN = '^-?(0|[1-9][0-9]*)$';

/** A TypeNode as JSON Schema 2020-12 (the dialect of OpenAPI 3.1); `schemas` lets unions name their discriminator. */
export function toJsonSchema(type: TypeNode, schemas: readonly NamedSchema[] = []): JsonSchema {
  const recurse = (inner: TypeNode): JsonSchema => toJsonSchema(inner, schemas);
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
      return { type: 'array', items: recurse(type.items) };
    case 'tuple':
      return {
        type: 'array',
        // an empty prefixItems is not valid JSON Schema: `[]` and `[...T[]]` need none
        ...(type.items.length > 0 ? { prefixItems: type.items.map(recurse) } : {}),
        minItems: type.minItems,
        ...(type.rest ? { items: recurse(type.rest) } : { maxItems: type.items.length, items: false }),
      };
    case 'object':
      return objectSchema(type, recurse);
    case 'union':
      return unionSchema(type.members, schemas, recurse);
    case 'bigint':
      return { type: 'string', pattern: BIGINT_PATTERN, description: 'a bigint, as a decimal string' };
    case 'bytes':
      return { type: 'string', contentEncoding: 'base64' };
    case 'map':
      return {
        type: 'array',
        description: 'a Map, as [key, value] pairs',
        items: { type: 'array', prefixItems: [recurse(type.key), recurse(type.value)], minItems: 2, maxItems: 2, items: false },
      };
    case 'set':
      return { type: 'array', items: recurse(type.items), ...(isPrimitive(type.items) ? { uniqueItems: true } : {}) };
    case 'ref':
      return { $ref: SCHEMA_REF_PREFIX + type.name };
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'unknown':
      return {};
    case 'action':
      return { $ref: SCHEMA_REF_PREFIX + ACTION_REFERENCE_SCHEMA_NAME };
    default:
      return assertNever(type);
  }
}

function literalType(value: string | number | boolean): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function isPrimitive(type: TypeNode): boolean {
  return ['string', 'number', 'boolean', 'literal', 'bigint', 'date', 'null'].includes(type.kind);
}

function objectSchema(type: Extract<TypeNode, { kind: 'object' }>, recurse: (inner: TypeNode) => JsonSchema): JsonSchema {
  const properties: JsonSchema = {};
  for (const property of type.properties) {
    const schema = recurse(property.type);
    properties[property.name] = property.description ? { ...schema, description: property.description } : schema;
  }
  const required = type.properties.filter((property) => !property.optional).map((property) => property.name);
  const schema: JsonSchema = { type: 'object' };
  if (type.properties.length > 0) schema.properties = properties;
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = type.additional ? recurse(type.additional) : false;
  if (type.additional) {
    // propertyNames speaks of every key, declared ones too: they stay allowed
    const declared = type.properties.map((property) => property.name);
    const reserved = RESERVED_KEYS.filter((key) => !declared.includes(key));
    if (type.numericKeys) schema.propertyNames = declared.length > 0 ? { anyOf: [{ enum: declared }, { pattern: NUMERIC_KEY_PATTERN }] } : { pattern: NUMERIC_KEY_PATTERN };
    else if (reserved.length > 0) schema.propertyNames = { not: { enum: reserved } };
  }
  return schema;
}

function unionSchema(members: TypeNode[], schemas: readonly NamedSchema[], recurse: (inner: TypeNode) => JsonSchema): JsonSchema {
  const literals = members.filter((member) => member.kind === 'literal');
  if (literals.length === members.length) {
    const types = [...new Set(literals.map((literal) => literalType(literal.value)))];
    return { type: types.length === 1 ? types[0] : types, enum: literals.map((literal) => literal.value) };
  }
  const discriminator = findDiscriminator(members, schemas);
  if (!discriminator) return { anyOf: members.map(recurse) };
  const schema: JsonSchema = { oneOf: members.map(recurse) };
  // OpenAPI's discriminator object maps tags to named schemas: only where every member is one, and tags are strings.
  const refs = members.map((member) => (member.kind === 'ref' ? member.name : undefined));
  if (refs.every((name) => name !== undefined) && discriminator.tags.every((tag) => typeof tag.value === 'string')) {
    schema.discriminator = {
      propertyName: discriminator.property,
      mapping: Object.fromEntries(discriminator.tags.map((tag) => [String(tag.value), SCHEMA_REF_PREFIX + refs[tag.member]])),
    };
  }
  return schema;
}
