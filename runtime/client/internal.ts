/**
 * actionwire/internal/client: what the generated client's scripts and declarations call, and what
 * actionwire's own tests reach. Not for applications: it changes with the generated files' format
 * (model/version.ts), which the runtime checks. Applications import actionwire/client.
 */
export { createCaller, defaultCaller } from './caller.js';
export type { Caller } from './caller-type.js';
export { revive, type RevivalPlan, type RevivalPlans } from './revive.js';
export { registerActions } from './action-registry.js';
export { bindActions, type ClientModuleShape } from './bind-actions.js';
export type { ClientAction } from '../../model/client-action.js';
export type { ReferenceResolver } from './reference.js';
