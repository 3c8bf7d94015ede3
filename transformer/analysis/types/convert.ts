import type ts from 'typescript';
import type { TypeNode } from '../../../model/model.js';
import { issueAt } from '../issues.js';
import { convertLibraryCollection, convertTuple } from './collections.js';
import { convertObject } from './objects.js';
import { declaredInLibrary, schemaNameFor } from './naming.js';
import { pathText, unsupported, type TypeContext } from './type-context.js';
import { documentationOf } from '../doc-comments.js';
import { namedUnionsAmong } from './named-unions.js';
import { unionMembersInSourceOrder } from './source-order.js';

/** Does the type admit `undefined`? JSON cannot carry it, so such a property or parameter may be absent. */
export function includesUndefined(context: TypeContext, type: ts.Type): boolean {
  const absent = context.ts.TypeFlags.Undefined | context.ts.TypeFlags.Void;
  if (type.flags & absent) return true;
  return Boolean(type.flags & context.ts.TypeFlags.Union) && (type as ts.UnionType).types.some((member) => member.flags & absent);
}

/**
 * A checker type as a model TypeNode; problems go to `context.issues` with their path. `written`: the types a
 * property or parameter is declared with (see `writtenTypes`), whose names a flattened union keeps.
 */
export function convertType(type: ts.Type, context: TypeContext, path: string, written: readonly ts.Type[] = []): TypeNode {
  const { ts: tsApi, checker } = context;
  const flags = type.flags;
  const F = tsApi.TypeFlags;

  if (flags & F.Any) {
    context.issues.push(
      issueAt(context.site, 'actionwire/any-type', `${pathText(context, path)} is 'any': any JSON value is accepted and nothing is checked; prefer 'unknown' or a real type`, 'warning'),
    );
    return { kind: 'unknown' };
  }
  if (flags & F.Unknown) return { kind: 'unknown' };
  if (flags & F.EnumLiteral && !(flags & F.Union)) return { kind: 'literal', value: (type as ts.LiteralType).value as string | number };
  if (flags & F.StringLiteral) return { kind: 'literal', value: (type as ts.StringLiteralType).value };
  if (flags & F.NumberLiteral) {
    const value = (type as ts.NumberLiteralType).value;
    if (Number.isFinite(value)) return { kind: 'literal', value };
    unsupported(context, path, checker.typeToString(type), 'JSON has no Infinity or NaN');
    return { kind: 'unknown' };
  }
  if (flags & F.BooleanLiteral) return { kind: 'literal', value: checker.typeToString(type) === 'true' };
  if (flags & F.String) return { kind: 'string' };
  if (flags & F.Number) return { kind: 'number' };
  if (flags & F.Boolean) return { kind: 'boolean' };
  if (flags & F.Null) return { kind: 'null' };
  if (flags & F.TypeParameter) {
    unsupported(context, path, checker.typeToString(type), 'a type parameter must be instantiated with a concrete type');
    return { kind: 'unknown' };
  }
  if (flags & (F.Undefined | F.Void)) {
    unsupported(context, path, checker.typeToString(type), 'JSON has no undefined; make it optional instead');
    return { kind: 'unknown' };
  }
  if (flags & F.Never) {
    unsupported(context, path, 'never', 'no value has this type');
    return { kind: 'unknown' };
  }
  if (flags & (F.ESSymbol | F.UniqueESSymbol)) {
    unsupported(context, path, 'symbol', 'symbols exist only inside one JavaScript process');
    return { kind: 'unknown' };
  }
  if (flags & (F.BigInt | F.BigIntLiteral)) return { kind: 'bigint' };

  const wanted = schemaNameFor(context, type);
  if (wanted !== undefined) {
    const known = context.schemas.nameOf(type);
    if (known !== undefined) return { kind: 'ref', name: known };
    const name = context.schemas.reserve(type, wanted);
    const body = convertStructure(type, context, path);
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const description = documentationOf(tsApi, symbol);
    context.schemas.define(name, body, description || undefined);
    return { kind: 'ref', name };
  }
  return convertStructure(type, context, path, written);
}

/** The platform's FormData (an action taking it as its single parameter takes a form body). */
export function isFormData(type: ts.Type): boolean {
  const symbol = type.getSymbol();
  return symbol?.getName() === 'FormData' && declaredInLibrary(symbol);
}

function convertStructure(type: ts.Type, context: TypeContext, path: string, written: readonly ts.Type[] = []): TypeNode {
  const { ts: tsApi, checker } = context;
  const F = tsApi.TypeFlags;
  if (type.flags & F.Union) return convertUnion(type as ts.UnionType, context, path, written);
  if (type.flags & F.Intersection) {
    const members = (type as ts.IntersectionType).types;
    const primitive = members.find((member) => member.flags & (F.StringLike | F.NumberLike | F.BooleanLike));
    // `string & { __brand: 'Email' }` is a string on the wire.
    if (primitive) return convertType(primitive, context, path);
    // FormFields<T> (FormData and its fields' marker)
    if (members.some(isFormData)) {
      unsupported(context, path, checker.typeToString(type), 'a form can only be the single parameter of an action (its body is then a form)');
      return { kind: 'unknown' };
    }
    return convertObject(type, context, path);
  }
  if (type.flags & F.NonPrimitive) return { kind: 'object', properties: [], additional: { kind: 'unknown' } };
  if (type.flags & F.Object) {
    const symbol = type.getSymbol();
    if (symbol?.getName() === 'Date' && declaredInLibrary(symbol)) return { kind: 'date' };
    if (isFormData(type)) {
      unsupported(context, path, 'FormData', 'FormData can only be the single parameter of an action (its body is then a form)');
      return { kind: 'unknown' };
    }
    const collection = convertLibraryCollection(type, context, path);
    if (collection) return collection;
    if (checker.isArrayType(type)) {
      const [items] = checker.getTypeArguments(type as ts.TypeReference);
      const array: TypeNode = { kind: 'array', items: convertType(items as ts.Type, context, `${path}[]`) };
      return symbol?.getName() === 'ReadonlyArray' ? { ...array, readonly: true } : array;
    }
    if (checker.isTupleType(type)) return convertTuple(type as ts.TypeReference, context, path);
    return convertObject(type, context, path);
  }
  unsupported(context, path, checker.typeToString(type), 'this kind of type has no JSON form');
  return { kind: 'unknown' };
}

function convertUnion(union: ts.UnionType, context: TypeContext, path: string, written: readonly ts.Type[]): TypeNode {
  const { ts: tsApi } = context;
  const F = tsApi.TypeFlags;
  const kept = union.types.filter((member) => !(member.flags & (F.Undefined | F.Void)));
  const booleans = kept.filter((member) => member.flags & F.BooleanLiteral);
  // an enum's own schema lists its values
  const named = namedUnionsAmong(context, kept, written).filter((candidate) => candidate.type !== union);
  const namesAdded = new Set<ts.Type>();
  const nodes: TypeNode[] = [];
  let booleanAdded = false;
  for (const member of unionMembersInSourceOrder(context, union, kept, written)) {
    const owner = named.find((candidate) => candidate.members.has(member));
    if (owner) {
      if (!namesAdded.has(owner.type)) nodes.push(convertType(owner.type, context, path));
      namesAdded.add(owner.type);
      continue;
    }
    if (member.flags & F.BooleanLiteral && booleans.length === 2) {
      if (!booleanAdded) nodes.push({ kind: 'boolean' });
      booleanAdded = true;
      continue;
    }
    nodes.push(convertType(member, context, path));
  }
  return nodes.length === 1 ? nodes[0] : { kind: 'union', members: nodes };
}
