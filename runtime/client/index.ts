/**
 * actionwire/client: how to configure the generated client, per-call options, its errors, and action references.
 * (The generated scripts call actionwire/internal/client.)
 *
 * @example
 * import { configureClient, ActionError } from 'actionwire/client';
 * configureClient({ baseUrl: 'http://127.0.0.1:3000/' });
 *
 * @example
 * import { fromReference } from 'actionwire/client';
 * const save = fromReference<(title: string) => Promise<void>>(reference); // a `{"$action", "bound"}` from the server
 */
export { ActionError, type ActionErrorOf, type ProblemIssue } from './action-error.js';
export type { DeclaresErrors, ErrorAnswer, ProtocolErrorAnswer } from './declared-errors.js';
export type { ActionFunction, SafeResult } from './action-function.js';
export type { CallOptions } from './call-options.js';
export { configureClient, type ClientOptions } from './caller.js';
export { cookieJarHooks, type CookieJarLike } from './cookie-jar-hooks.js';
export { fromReference } from './from-reference.js';
export { withFormFallback } from './form-fallback.js';
export { isActionReference, type ActionReference } from './reference.js';
