/**
 * actionwire/server: what actions use while they run, and what the generated routes call.
 *
 * @example
 * import { cookies, ActionError } from 'actionwire/server';
 * export async function whoAmI() {
 *   const session = cookies().get('session');
 *   if (!session) throw new ActionError(401, 'Sign in first');
 *   return session;
 * }
 */
export { ActionError, type ActionErrorOptions } from './action-error.js';
export { getContext, headers } from './context.js';
export { cookies, type CookieOptions, type RequestCookies } from './cookies.js';
export { buildActionRouter, type ActionRouter, type BoundValues, type RouteDefinition } from './router.js';
export { defineModuleRoutes, type ActionExport } from './module-routes.js';
export { defineActionRoutes, type ActionFunction, type BoundDecoder, type Decoder, type Encoder } from './route-functions.js';
export { bindAction, inlineAction, type HoistedAction } from './references.js';
export { toReference } from './reference-scope.js';
export { NotAnActionError, type ActionReference } from './reference-writer.js';
export { compileRoutes, type CompiledAction, type RouteFunctions } from './compiler/compile-routes.js';
export type { RoutesModel, RouteShape } from '../../model/routes-model.js';
export type { NamedSchema, Parameter, TypeNode } from '../../model/model.js';
export { IssueList } from './issue-list.js';
export { DEFAULT_BODY_LIMIT, DEFAULT_BODY_TIMEOUT, DEFAULT_CORS_MAX_AGE, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FIELDS, DEFAULT_MAX_PROBLEMS, type ActionRouterOptions, type BodyLimits, type ErrorReport } from './options.js';
export type { Issue, Problem } from './problem.js';
export { OutputMismatchError } from './encode-helpers.js';
