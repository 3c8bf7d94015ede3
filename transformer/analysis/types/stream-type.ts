import type ts from 'typescript';
import type { StreamShape } from '../../../model/model.js';
import { issueAt } from '../issues.js';
import { convertType } from './convert.js';
import { declaredInLibrary } from './naming.js';
import type { TypeContext } from './type-context.js';

/** The standard library's streams an action may return, with the positions of their item, result and next types. */
const STREAM_TYPES: ReadonlyMap<string, { result?: number; next?: number }> = new Map([
  ['AsyncGenerator', { result: 1, next: 2 }],
  ['AsyncIterableIterator', { result: 1, next: 2 }],
  ['AsyncIterable', { result: 1, next: 2 }],
  ['ReadableStream', {}],
]);

/** Is the (awaited) return type one of the standard library's async iterables or a ReadableStream? */
export function isStreamType(type: ts.Type): boolean {
  const symbol = type.getSymbol();
  return symbol !== undefined && STREAM_TYPES.has(symbol.getName()) && declaredInLibrary(symbol);
}

/**
 * A streaming action's item and result types as the model has them: items and the result go through the same
 * conversion as any return value. A `TNext` other than unknown, undefined, void or any is an error (a stream over
 * HTTP cannot send values back into the generator); a result of void, undefined or any means "no result".
 */
export function convertStream(type: ts.Type, context: TypeContext): StreamShape {
  const { ts: tsApi, checker } = context;
  const symbol = type.getSymbol();
  const positions = (symbol && STREAM_TYPES.get(symbol.getName())) ?? {};
  const args = checker.getTypeArguments(type as ts.TypeReference);
  const F = tsApi.TypeFlags;
  const next = positions.next === undefined ? undefined : args[positions.next];
  if (next !== undefined && !(next.flags & (F.Unknown | F.Undefined | F.Void | F.Any))) {
    context.issues.push(
      issueAt(
        context.site,
        'actionwire/unsupported-stream',
        `${context.place.action} streams '${checker.typeToString(type)}', whose generator takes '${checker.typeToString(next)}' from next(): a stream over HTTP sends nothing back to the generator; declare TNext as unknown (or leave it out)`,
      ),
    );
  }
  const [item] = args;
  const shape: StreamShape = { item: item === undefined ? { kind: 'unknown' } : convertType(item, context, '<item>') };
  const result = positions.result === undefined ? undefined : args[positions.result];
  if (result !== undefined && !(result.flags & (F.Void | F.Undefined | F.Any))) shape.result = convertType(result, context, '<result>');
  return shape;
}
