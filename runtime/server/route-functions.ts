import type { RoutesModel } from '../../model/routes-model.js';
import { compileRoutes, type CompiledAction, type Decoder, type Encoder } from './compiler/compile-routes.js';
import type { RouteDefinition } from './router.js';

export type { Decoder, Encoder };

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
      return compiled;
    };
    const definition: RouteDefinition = {
      route: shape.route,
      decode: (body, issues) => compileNow().decode(body, issues),
      form: shape.form,
      encode: shape.returns ? (value) => (compileNow().encode as Encoder)(value) : undefined,
      mayReturnNothing: shape.mayReturnNothing,
      action: actions[index] as ActionFunction,
    };
    return definition;
  });
}
