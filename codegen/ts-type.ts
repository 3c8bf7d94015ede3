import { assertNever, type FormParameter, type Parameter, type TypeNode } from '../model/model.js';
import { propertyKey } from './naming.js';

/** A TypeNode as TypeScript type syntax, for the generated client. */
export function printType(type: TypeNode, indent = ''): string {
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
      const items = printType(type.items, indent);
      return `${type.readonly ? 'readonly ' : ''}${needsParentheses(type.items) ? `(${items})[]` : `${items}[]`}`;
    }
    case 'object':
      return printObject(type, indent);
    case 'union':
      return type.members.map((member) => (member.kind === 'action' ? `(${printType(member, indent)})` : printType(member, indent))).join(' | ');
    case 'ref':
      return type.name;
    case 'date':
      return 'Date';
    case 'bigint':
      return 'bigint';
    case 'bytes':
      return 'Uint8Array';
    case 'map':
      return `${type.readonly ? 'ReadonlyMap' : 'Map'}<${printType(type.key, indent)}, ${printType(type.value, indent)}>`;
    case 'set':
      return `${type.readonly ? 'ReadonlySet' : 'Set'}<${printType(type.items, indent)}>`;
    case 'tuple': {
      const items = type.items.map((item, index) => `${printType(item, indent)}${index >= type.minItems ? '?' : ''}`);
      if (type.rest) {
        const rest = printType(type.rest, indent);
        items.push(`...${needsParentheses(type.rest) ? `(${rest})` : rest}[]`);
      }
      return `${type.readonly ? 'readonly ' : ''}[${items.join(', ')}]`;
    }
    case 'action':
      return `(${printParameters(type, indent)}) => Promise<${type.returns ? printType(type.returns, indent) : 'void'}>`;
    default:
      return assertNever(type);
  }
}

function needsParentheses(type: TypeNode): boolean {
  return type.kind === 'union' || type.kind === 'action';
}

/** An action's parameter list as TypeScript: `title: string, draft?: boolean`, or its single `FormData`. */
export function printParameters(action: { params: readonly Parameter[]; form?: FormParameter }, indent = ''): string {
  if (action.form) return `${action.form.name}${action.form.optional ? '?' : ''}: FormData`;
  return action.params.map((param) => `${param.name}${param.optional ? '?' : ''}: ${printType(param.type, indent)}`).join(', ');
}

function printObject(type: Extract<TypeNode, { kind: 'object' }>, indent: string): string {
  if (type.properties.length === 0 && !type.additional) return 'Record<string, never>';
  const inner = indent + '  ';
  const lines = type.properties.map((property) => {
    const doc = property.description ? `${inner}/** ${property.description.replace(/\*\//g, '*\\/')} */\n` : '';
    return `${doc}${inner}${propertyKey(property.name)}${property.optional ? '?' : ''}: ${printType(property.type, inner)};`;
  });
  if (type.additional) lines.push(`${inner}[key: string]: ${printType(type.additional, inner)};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}
