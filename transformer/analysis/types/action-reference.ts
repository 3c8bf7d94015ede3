import type ts from 'typescript';
import type { FormParameter, Parameter, TypeNode } from '../../../model/model.js';
import { convertType, includesUndefined } from './convert.js';
import { formParameter, isFormParameterType } from './form-fields.js';
import { writtenTypes } from './named-unions.js';
import { unsupported, type TypeContext } from './type-context.js';

/**
 * A function type in a return value: a server action handed to the client as a value (`{"$action", "bound"}`
 * on the wire). Only an async function with one signature whose parameters and result cross the wire can be
 * one; whether the value really is an action the runtime checks when it writes the reference.
 */
export function convertActionReference(type: ts.Type, context: TypeContext, path: string): TypeNode {
  const { checker } = context;
  const text = (): string => checker.typeToString(type);
  const signatures = type.getCallSignatures();
  if (type.getConstructSignatures().length > 0 || signatures.length !== 1) {
    unsupported(context, path, text(), 'only server actions (async functions marked \'use server\') can be returned as functions, and one with overloads cannot');
    return { kind: 'unknown' };
  }
  const [signature] = signatures as [ts.Signature];
  const declaredReturn = signature.getReturnType();
  const awaited = checker.getAwaitedType(declaredReturn);
  if (awaited === undefined || awaited === declaredReturn) {
    unsupported(context, path, text(), 'a function returned to the client must be a server action, which is async (a plain function cannot cross the wire)');
    return { kind: 'unknown' };
  }
  const params: Parameter[] = [];
  let form: FormParameter | undefined;
  signature.getParameters().forEach((symbol, index) => {
    const declaration = symbol.valueDeclaration;
    const name = symbol.getName();
    const parameterType = checker.getTypeOfSymbol(symbol);
    const optional = Boolean(declaration && context.ts.isParameter(declaration) && (declaration.questionToken || declaration.initializer)) || includesUndefined(context, parameterType);
    if (declaration && context.ts.isParameter(declaration) && declaration.dotDotDotToken) {
      unsupported(context, path, text(), `its rest parameter '${name}' cannot be named in a request body`);
      return;
    }
    const nonNullable = checker.getNonNullableType(parameterType);
    if (isFormParameterType(context, nonNullable)) {
      if (index > 0 || signature.getParameters().length > 1) unsupported(context, path, text(), 'a FormData parameter must be the only one');
      form = formParameter(context, name, optional, nonNullable);
      return;
    }
    const place = { kind: 'parameter' as const, action: `${placeName(context)} → ${path || 'result'}`, parameter: name };
    params.push({ name, type: convertType(parameterType, { ...context, place }, '', writtenTypes(context, symbol.getDeclarations())), optional });
  });
  const node: TypeNode = { kind: 'action', params };
  if (form) node.form = form;
  if (!(awaited.flags & (context.ts.TypeFlags.Void | context.ts.TypeFlags.Undefined))) node.returns = convertType(awaited, context, `${path}()`);
  return node;
}

function placeName(context: TypeContext): string {
  return context.place.action;
}

/** In a return value, a function type stands for a server action; anywhere else it cannot cross the wire. */
export function isActionPlace(context: TypeContext): boolean {
  return context.place.kind === 'return';
}
