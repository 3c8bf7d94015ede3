import type { RoutesModel } from '../../model/routes-model.js';
import type { RouteShape } from '../../model/routes-model.js';
import { compileRoutes, type CompiledAction } from './compiler/compile-routes.js';
import type { BoundValues, Encoder, RouteDefinition, StreamEncoders } from './route-definition.js';

/** An action function of a 'use server' module, as the route table holds it. */
export type ActionFunction = (...args: never[]) => unknown;

/**
 * The route table of a generated `routes.ts`: its types as data, and its action functions in the same
 * order. Each action's validator and serializer are compiled on its first call.
 *
 * @example
 * export const actionRoutes = defineActionRoutes(JSON.parse(model), [users.createUser, users.listUsers]);
 */
export function defineActionRoutes(model: RoutesModel, actions: readonly ActionFunction[]): RouteDefinition[] {
  if (actions.length !== model.actions.length) {
    throw new Error(`actionwire: the generated routes describe ${model.actions.length} actions but list ${actions.length} functions; generate them again`);
  }
  const functions = compileRoutes(model);
  return model.actions.map((shape, index) => {
    // Until its first call, an action's functions are stubs that compile it and then put the compiled
    // functions in their place: the router reads them from the definition on every call.
    const compileNow = (): CompiledAction => {
      const compiled = functions.compiled(index);
      definition.decode = compiled.decode;
      definition.encode = compiled.encode;
      if (definition.stream && compiled.stream) definition.stream = compiled.stream;
      if (definition.bound && compiled.bound) {
        definition.bound.decode = compiled.bound.decode;
        definition.bound.encode = compiled.bound.encode;
      }
      return compiled;
    };
    const definition: RouteDefinition = {
      route: shape.route,
      decode: (body, issues) => compileNow().decode(body, issues),
      form: shape.form,
      ...(shape.formFields ? { formFields: shape.formFields } : {}),
      encode: shape.returns ? (value) => (compileNow().encode as Encoder)(value) : undefined,
      mayReturnNothing: shape.mayReturnNothing,
      action: actions[index] as ActionFunction,
      ...boundValues(shape, () => compileNow().bound),
      ...(shape.stream ? { stream: streamEncoders(shape, () => compileNow().stream) } : {}),
    };
    return definition;
  });
}

/** An inline action's `bound`, its functions compiled on first use like the rest of the action's. */
function boundValues(shape: RouteShape, compile: () => CompiledAction['bound']): { bound?: BoundValues } {
  if (shape.bound === undefined) return {};
  const names = shape.bound.map((param) => param.name);
  const compiled = (): NonNullable<CompiledAction['bound']> => {
    const functions = compile();
    if (functions === undefined) throw new Error(`actionwire: ${shape.route} captures no values`);
    return functions;
  };
  return { bound: { names, decode: (value, issues) => compiled().decode(value, issues), encode: (value) => compiled().encode(value) } };
}

/** A streaming action's writers, compiled on first use like the rest of the action's. */
function streamEncoders(shape: RouteShape, compile: () => StreamEncoders | undefined): StreamEncoders {
  const compiled = (): StreamEncoders => {
    const functions = compile();
    if (functions === undefined) throw new Error(`actionwire: ${shape.route} does not stream`);
    return functions;
  };
  return {
    encodeItem: (value) => compiled().encodeItem(value),
    encodeResult: shape.stream?.result ? (value) => (compiled().encodeResult as Encoder)(value) : undefined,
  };
}
