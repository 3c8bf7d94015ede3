/**
 * actionwire/server: what actions use while they run, and the types of the router's options.
 * (Generated code calls actionwire/internal/server.)
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
export { mayThrow, type ErrorStatus } from './may-throw.js';
export { getContext, headers, lastEventId, signal } from './context.js';
export { cookies, type CookieOptions, type RequestCookies } from './http/cookies.js';
export { toReference } from './references/reference-scope.js';
export { formProblem, type FormProblem } from './http/form-problem.js';
export { fieldsOf, type FormFields, type FormFieldValue } from './http/typed-form.js';
export { NotAnActionError, type ActionReference } from './references/reference-writer.js';
export { OutputMismatchError } from './codec/encode-helpers.js';
export type { ActionRouter } from './router.js';
export type { ActionRouterOptions, BodyLimits, ErrorReport } from './options.js';
