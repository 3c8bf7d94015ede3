/**
 * actionwire/client: what the generated client calls, and how to configure it.
 *
 * @example
 * import { configureClient, ActionError } from 'actionwire/client';
 * configureClient({ baseUrl: 'http://127.0.0.1:3000/' });
 *
 * @example
 * import { fromReference } from 'actionwire/client';
 * const save = fromReference<(title: string) => Promise<void>>(reference); // a `{"$action", "bound"}` from the server
 */
export { ActionError, type ProblemIssue } from './action-error.js';
export { configureClient, createCaller, defaultCaller, type Caller, type ClientOptions } from './caller.js';
export { revive, type RevivalPlan, type RevivalPlans } from './revive.js';
export { fromReference } from './from-reference.js';
export { registerActions, type ActionShape } from './action-registry.js';
export { isActionReference, type ActionReference, type ReferenceResolver } from './reference.js';
export { bindActions, type ActionEntry, type ClientModuleShape } from './bind-actions.js';
