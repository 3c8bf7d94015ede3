import type { FormField, NamedSchema, Parameter, StreamShape, TypeNode } from './model.js';

/**
 * What the generated `routes.ts` carries for the server runtime: each action's parameter and return
 * types and the named schemas they refer to, as JSON. actionwire/server compiles an action's validator
 * and serializer from it on the action's first call.
 */
export interface RoutesModel {
  /** MODEL_VERSION of the actionwire that generated it */
  version: number;
  schemas: NamedSchema[];
  actions: RouteShape[];
}

export interface RouteShape {
  /** `${moduleId}/${exportName}`, below the base path */
  route: string;
  params: Parameter[];
  /** absent for actions that resolve to `void`, and for streaming actions */
  returns?: TypeNode;
  /** a streaming action: its items' and result's types (answered as server-sent events) */
  stream?: StreamShape;
  /** the single parameter is FormData */
  form: boolean;
  /** the form's declared fields (`FormFields<{…}>`), checked before the action runs */
  formFields?: FormField[];
  /** the declared return type also admits `undefined`, answered with 204 */
  mayReturnNothing: boolean;
  /**
   * An inline action's captured variables (maybe none): its function takes them as an object first,
   * and a call must carry them sealed under `$bound` when there are any.
   */
  bound?: Parameter[];
}
