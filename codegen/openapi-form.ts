import { BOUND_KEY, type FormField } from '../model/model.js';
import type { JsonSchema } from './json-schema.js';

const MULTIPART = 'multipart/form-data';
const URLENCODED = 'application/x-www-form-urlencoded';

/** A file part, as OpenAPI 3.1 describes binary content in a multipart body. */
const FILE_SCHEMA: JsonSchema = { type: 'string', contentMediaType: 'application/octet-stream' };

function fieldSchema(field: FormField): JsonSchema {
  const value: JsonSchema = field.kind === 'file' ? FILE_SCHEMA : field.values ? { type: 'string', enum: field.values } : { type: 'string' };
  return field.repeated ? { type: 'array', items: value } : value;
}

/**
 * A form action's request body. A plain FormData: any fields, in both media types. Declared fields
 * (`FormFields<T>`): each field's schema, the required ones listed, no others (beside an inline action's sealed
 * `$bound`); urlencoded only when no field is a file, which that encoding cannot carry. Repeated fields are arrays:
 * one part (or `name=value` pair) per item, OpenAPI's default for forms.
 */
export function formRequestBody(fields: readonly FormField[] | undefined, bound: JsonSchema | undefined): JsonSchema {
  const properties: Array<[string, JsonSchema]> = (fields ?? []).map((field) => [field.name, fieldSchema(field)]);
  const required = (fields ?? []).filter((field) => !field.optional && !field.repeated).map((field) => field.name);
  if (bound !== undefined) {
    properties.unshift([BOUND_KEY, bound]);
    required.unshift(BOUND_KEY);
  }
  const schema: JsonSchema = { type: 'object' };
  if (properties.length > 0) schema.properties = Object.fromEntries(properties);
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = fields === undefined;
  const mediaTypes = fields?.some((field) => field.kind === 'file') ? [MULTIPART] : [MULTIPART, URLENCODED];
  return { required: true, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])) };
}
