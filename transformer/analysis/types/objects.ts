import type ts from 'typescript';
import type { Property, TypeNode } from '../../../model/model.js';
import { convertType, includesUndefined } from './convert.js';
import { convertActionReference, isActionPlace } from './action-reference.js';
import { declaredInLibrary } from './naming.js';
import { isPublicMember } from './public-members.js';
import { propertiesInSourceOrder } from './source-order.js';
import { writtenTypes } from './named-unions.js';
import { unsupported, type TypeContext } from './type-context.js';
import { documentationOf } from '../doc-comments.js';

function propertyPath(path: string, name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** An object type (interface, class instance, object literal, intersection) as an object TypeNode. */
export function convertObject(type: ts.Type, context: TypeContext, path: string): TypeNode {
  const { ts: tsApi, checker } = context;
  // only for messages: printing every type would cost more than the rest of the conversion
  const text = (): string => checker.typeToString(type);
  if (type.getCallSignatures().length > 0 && isActionPlace(context)) return convertActionReference(type, context, path);
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
    unsupported(context, path, text(), 'functions cannot cross the wire; call the function on the server and return its result');
    return { kind: 'unknown' };
  }
  const symbol = type.getSymbol();
  if (symbol && declaredInLibrary(symbol) && symbol.flags & (tsApi.SymbolFlags.Class | tsApi.SymbolFlags.Interface) && !(symbol.flags & tsApi.SymbolFlags.TypeLiteral)) {
    unsupported(context, path, text(), `'${symbol.getName()}' is a library class with no JSON form`);
    return { kind: 'unknown' };
  }
  if (context.visiting.has(type)) {
    unsupported(context, path, text(), 'a recursive type needs a name: declare it as an interface or type alias');
    return { kind: 'unknown' };
  }
  context.visiting.add(type);
  try {
    const properties: Property[] = [];
    for (const property of propertiesInSourceOrder(checker.getPropertiesOfType(type))) {
      if (!isPublicMember(tsApi, property)) continue;
      const name = property.getName();
      if (name.startsWith('__@')) {
        unsupported(context, path, text(), `its symbol-keyed member '${name}' has no JSON form`);
        continue;
      }
      const inner = propertyPath(path, name);
      if (name === '__proto__') {
        unsupported(context, inner, checker.typeToString(type), "a property named '__proto__' changes the prototype of the objects it is written to; rename it");
        continue;
      }
      const propertyType = checker.getTypeOfSymbol(property);
      if (property.flags & tsApi.SymbolFlags.Method && isActionPlace(context) && !(symbol && symbol.flags & tsApi.SymbolFlags.Class)) {
        properties.push({ name, type: convertActionReference(propertyType, context, inner), optional: Boolean(property.flags & tsApi.SymbolFlags.Optional) });
        continue;
      }
      if (property.flags & tsApi.SymbolFlags.Method) {
        unsupported(context, inner, checker.typeToString(propertyType), 'objects with methods (class instances) cannot cross the wire; return a plain object');
        continue;
      }
      const optional = Boolean(property.flags & tsApi.SymbolFlags.Optional) || includesUndefined(context, propertyType);
      const converted: Property = { name, type: convertType(propertyType, context, inner, writtenTypes(context, property.getDeclarations())), optional };
      const description = documentationOf(tsApi, property);
      if (description) converted.description = description;
      properties.push(converted);
    }
    const indexes = checker.getIndexInfosOfType(type);
    const byString = indexes.find((info) => info.keyType.flags & tsApi.TypeFlags.String);
    const byNumber = indexes.find((info) => info.keyType.flags & tsApi.TypeFlags.Number);
    const node: TypeNode = { kind: 'object', properties };
    const index = byString ?? byNumber;
    if (index) node.additional = convertType(index.type, context, `${path}[key]`);
    if (!byString && byNumber) node.numericKeys = true;
    return node;
  } finally {
    context.visiting.delete(type);
  }
}
