import { findDiscriminator } from '../model/discriminator.js';
import { assertNever, type FormField, type FormParameter, type Parameter, type StreamShape, type TypeNode } from '../model/model.js';
import { propertyKey } from './naming.js';

type ObjectType = Extract<TypeNode, { kind: 'object' }>;

/** The model's named schemas, by name: a union's members may be references to them. */
export type SchemaTable = ReadonlyMap<string, TypeNode>;

const NO_SCHEMAS: SchemaTable = new Map();

/**
 * The local name of actionwire/client's `ActionFunction` (a client function: its signature plus `with(options)`) in
 * generated declarations: with a `$`, which no schema name has, so a project's own type `ActionFunction` stays its own.
 */
export const ACTION_FUNCTION_TYPE = 'ActionFunction$';

/**
 * An action's client function type: `ActionFunction<(id: string) => Promise<Todo>>`, with its declared errors
 * (`errors`, printed) as the second type argument when known (an action as a value leaves them unknown); a streaming
 * action's returns an iterator at once (`AsyncIterableIterator<Progress, Summary>`; `void` as the result when it has none).
 */
export function printActionFunction(
  action: { params: readonly Parameter[]; form?: FormParameter; returns?: TypeNode; stream?: StreamShape },
  indent = '',
  schemas: SchemaTable = NO_SCHEMAS,
  errors?: string,
): string {
  const parameters = printParameters(action, indent, schemas);
  const errorArgument = errors === undefined ? '' : `, ${errors}`;
  if (action.stream) {
    const { item, result } = action.stream;
    return `${ACTION_FUNCTION_TYPE}<(${parameters}) => AsyncIterableIterator<${printType(item, indent, schemas)}, ${result ? printType(result, indent, schemas) : 'void'}>${errorArgument}>`;
  }
  const result = action.returns ? printType(action.returns, indent, schemas) : 'void';
  return `${ACTION_FUNCTION_TYPE}<(${parameters}) => Promise<${result}>${errorArgument}>`;
}

/** A TypeNode as TypeScript type syntax, for the generated client. */
export function printType(type: TypeNode, indent = '', schemas: SchemaTable = NO_SCHEMAS): string {
  const print = (inner: TypeNode, innerIndent = indent): string => printType(inner, innerIndent, schemas);
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
      return type.kind;
    case 'literal':
      return JSON.stringify(type.value);
    case 'array': {
      const items = print(type.items);
      return `${type.readonly ? 'readonly ' : ''}${needsParentheses(type.items) ? `(${items})[]` : `${items}[]`}`;
    }
    case 'object':
      return printObject(type, indent, schemas);
    case 'union':
      return printUnion(type.members, indent, schemas);
    case 'ref':
      return type.name;
    case 'date':
      return 'Date';
    case 'bigint':
      return 'bigint';
    case 'bytes':
      return 'Uint8Array';
    case 'map':
      return `${type.readonly ? 'ReadonlyMap' : 'Map'}<${print(type.key)}, ${print(type.value)}>`;
    case 'set':
      return `${type.readonly ? 'ReadonlySet' : 'Set'}<${print(type.items)}>`;
    case 'tuple': {
      const items = type.items.map((item, index) => `${print(item)}${index >= type.minItems ? '?' : ''}`);
      if (type.rest) {
        const rest = print(type.rest);
        items.push(`...${needsParentheses(type.rest) ? `(${rest})` : rest}[]`);
      }
      return `${type.readonly ? 'readonly ' : ''}[${items.join(', ')}]`;
    }
    case 'action':
      return printActionFunction(type, indent, schemas);
    default:
      return assertNever(type);
  }
}

function needsParentheses(type: TypeNode): boolean {
  return type.kind === 'union';
}

/** An action's parameter list as TypeScript: `title: string, draft?: boolean`, or its single `FormData`. */
function printParameters(action: { params: readonly Parameter[]; form?: FormParameter }, indent = '', schemas: SchemaTable = NO_SCHEMAS): string {
  if (action.form) return `${action.form.name}${action.form.optional ? '?' : ''}: ${action.form.fields ? `FormData | ${printFormFields(action.form.fields, indent)}` : 'FormData'}`;
  return action.params.map((param) => `${param.name}${param.optional ? '?' : ''}: ${printType(param.type, indent, schemas)}`).join(', ');
}

/**
 * A typed form's fields as the object the client encodes into one: text as strings (or their literals), files as
 * Blobs, repeated fields as arrays that may be left out (no value at all is an empty array).
 */
function printFormFields(fields: readonly FormField[], indent: string): string {
  if (fields.length === 0) return 'Record<string, never>';
  const inner = indent + '  ';
  const lines = fields.map((field) => {
    const value = field.kind === 'file' ? 'Blob' : field.values ? field.values.map((value) => JSON.stringify(value)).join(' | ') : 'string';
    const type = field.repeated ? `readonly ${value.includes(' | ') ? `(${value})` : value}[]` : value;
    return `${inner}${propertyKey(field.name)}${field.optional || field.repeated ? '?' : ''}: ${type};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** A JSDoc comment of `description` on its own line (none without one); a `*\/` in the text cannot end the comment. */
export function docComment(description: string | undefined, indent: string): string {
  return description ? `${indent}/** ${description.replace(/\*\//g, '*\\/')} */\n` : '';
}

/** `excluded`: keys the object must not have (`b?: never`), which TypeScript would otherwise let through in a union. */
function printObject(type: ObjectType, indent: string, schemas: SchemaTable, excluded: readonly string[] = []): string {
  if (type.properties.length === 0 && !type.additional && excluded.length === 0) return 'Record<string, never>';
  const inner = indent + '  ';
  const lines = type.properties.map((property) => {
    return `${docComment(property.description, inner)}${inner}${propertyKey(property.name)}${property.optional ? '?' : ''}: ${printType(property.type, inner, schemas)};`;
  });
  for (const key of excluded) lines.push(`${inner}${propertyKey(key)}?: never;`);
  if (type.additional) lines.push(`${inner}[key: ${type.numericKeys ? 'number' : 'string'}]: ${printType(type.additional, inner, schemas)};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function resolvedObject(type: TypeNode, schemas: SchemaTable, hops = 8): ObjectType | undefined {
  if (type.kind === 'object') return type;
  const target = type.kind === 'ref' && hops > 0 ? schemas.get(type.name) : undefined;
  return target ? resolvedObject(target, schemas, hops - 1) : undefined;
}

/**
 * A union. TypeScript lets an object literal carry a property of another member (`{ a: 'x', b: 1 }` for
 * `{ a: string } | { b: number }`), which the server refuses; unless a tag tells the members apart, each closed
 * object member says `b?: never` for the keys only other members declare, so the client is as strict.
 */
function printUnion(members: readonly TypeNode[], indent: string, schemas: SchemaTable): string {
  const objects = members.map((member) => resolvedObject(member, schemas));
  const exclusive = objects.filter(Boolean).length > 1 && !findDiscriminator([...members], schemas);
  const printed = members.map((member, index) => {
    const object = objects[index];
    const own = new Set(object?.properties.map((property) => property.name));
    const excluded =
      exclusive && object && !object.additional
        ? [...new Set(objects.flatMap((other) => (other && other !== object ? other.properties.map((property) => property.name) : [])))].filter((key) => !own.has(key))
        : [];
    if (excluded.length > 0 && member.kind === 'object') return printObject(member, indent, schemas, excluded);
    if (excluded.length > 0) return `(${printType(member, indent, schemas)} & ${printObject({ kind: 'object', properties: [] }, indent, schemas, excluded)})`;
    return printType(member, indent, schemas);
  });
  return printed.join(' | ');
}
