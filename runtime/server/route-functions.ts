import type { RoutesModel } from '../../model/routes-model.js';
import { compileRoutes, type Decoder, type Encoder } from './compiler/compile-routes.js';
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
  return model.actions.map((shape, index) => ({
    route: shape.route,
    decode: functions.decoder(index),
    form: shape.form,
    encode: functions.encoder(index),
    mayReturnNothing: shape.mayReturnNothing,
    action: actions[index] as ActionFunction,
  }));
}
