import type ts from 'typescript';
import type { TypeNode } from '../../../model/model.js';
import { convertType } from './convert.js';
import { declaredInLibrary } from './naming.js';
import { unsupported, type TypeContext } from './type-context.js';

const MAPS = new Set(['Map', 'ReadonlyMap']);
const SETS = new Set(['Set', 'ReadonlySet']);
const BYTES = new Set(['Uint8Array', 'Buffer']);

/** Map, Set and Uint8Array (with Node's Buffer) from the standard library; undefined for anything else. */
export function convertLibraryCollection(type: ts.Type, context: TypeContext, path: string): TypeNode | undefined {
  const symbol = type.getSymbol();
  if (!symbol || !declaredInLibrary(symbol)) return undefined;
  const name = symbol.getName();
  if (BYTES.has(name)) return { kind: 'bytes' };
  if (!MAPS.has(name) && !SETS.has(name)) return undefined;
  const args = context.checker.getTypeArguments(type as ts.TypeReference);
  if (MAPS.has(name)) {
    const [key, value] = args;
    if (!key || !value) return undefined;
    const map: TypeNode = { kind: 'map', key: convertType(key, context, `${path}<key>`), value: convertType(value, context, `${path}<value>`) };
    return name === 'ReadonlyMap' ? { ...map, readonly: true } : map;
  }
  const [items] = args;
  if (!items) return undefined;
  const set: TypeNode = { kind: 'set', items: convertType(items, context, `${path}<item>`) };
  return name === 'ReadonlySet' ? { ...set, readonly: true } : set;
}

/** `[A, B?, ...C[]]` as a tuple TypeNode; variadic tuples of unknown length are refused. */
export function convertTuple(type: ts.TypeReference, context: TypeContext, path: string): TypeNode {
  const { ts: tsApi, checker } = context;
  const target = type.target as ts.TupleType;
  const args = checker.getTypeArguments(type);
  const items: TypeNode[] = [];
  let rest: TypeNode | undefined;
  let minItems = 0;
  for (let index = 0; index < args.length; index++) {
    const flags = target.elementFlags[index] ?? tsApi.ElementFlags.Required;
    const element = args[index] as ts.Type;
    if (flags & tsApi.ElementFlags.Variadic) {
      unsupported(context, path, checker.typeToString(type), 'a variadic tuple has no fixed shape');
      return { kind: 'unknown' };
    }
    if (flags & tsApi.ElementFlags.Rest) {
      if (index !== args.length - 1) {
        unsupported(context, path, checker.typeToString(type), 'a rest element must be the last one');
        return { kind: 'unknown' };
      }
      rest = convertType(element, context, `${path}[${index}…]`);
      continue;
    }
    const optional = Boolean(flags & tsApi.ElementFlags.Optional);
    const converted = convertType(optional ? checker.getNonNullableType(element) : element, context, `${path}[${index}]`);
    items.push(converted);
    if (!optional) minItems = index + 1;
  }
  const tuple: TypeNode = rest ? { kind: 'tuple', items, minItems, rest } : { kind: 'tuple', items, minItems };
  return target.readonly ? { ...tuple, readonly: true } : tuple;
}
