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
export { buildActionRouter, type ActionRouter, type RouteDefinition } from './router.js';
export { compileRouteFunctions, type Decoder, type Encoder, type RouteFunctions } from './route-functions.js';
export { DEFAULT_BODY_LIMIT, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FIELDS, type ActionRouterOptions, type BodyLimits, type ErrorReport } from './options.js';
export type { Issue, Problem } from './problem.js';
export { isDateTime, keyCount, pointerToken, setOwn, unknownKeys, withUnknownProperties } from './decode-helpers.js';
export { bool, date, int, json, lit, mismatch, nul, num, oneOf, str, OutputMismatchError } from './encode-helpers.js';
export { big, bytes, fromBase64, isBase64, isBigIntText } from './wire-helpers.js';
