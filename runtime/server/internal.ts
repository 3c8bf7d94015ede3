/**
 * actionwire/internal/server: what generated code calls (routes.ts, the transformer's hoisted inline actions)
 * and what actionwire's own tests reach. Not for applications: it changes with the generated files'
 * format (model/version.ts), which the runtime checks. Applications import actionwire/server.
 */
export { buildActionRouter, type ActionRouter } from './router.js';
export type { BoundDecoder, BoundValues, Decoder, Encoder, RouteDefinition } from './route-definition.js';
export { defineModuleRoutes, type ActionExport } from './module-routes.js';
export { defineActionRoutes, type ActionFunction } from './route-functions.js';
export { inlineAction } from './references/inline-actions.js';
export { bindAction, type HoistedAction } from './references/bind-action.js';
export { compileRoutes, type CompiledAction, type RouteFunctions } from './compiler/compile-routes.js';
export type { RoutesModel, RouteShape } from '../../model/routes-model.js';
export type { NamedSchema, Parameter, TypeNode } from '../../model/model.js';
export { IssueList } from './problems/issue-list.js';
export { DEFAULT_BODY_LIMIT, DEFAULT_BODY_TIMEOUT, DEFAULT_CORS_MAX_AGE, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FIELDS, DEFAULT_MAX_PROBLEMS, type ActionRouterOptions } from './options.js';
export type { Issue, Problem } from './problems/problem.js';
