import type { Context } from 'koa';
import { refuseBody } from './body.js';
import { DEFAULT_CORS_MAX_AGE, type ActionRouterOptions } from '../options.js';
import type { OriginAccess } from './origin.js';
import { problem, sendProblem } from '../problems/problem.js';

/** The router's CORS settings, checked once when the router is built. */
export interface CorsPolicy {
  credentials: boolean;
  /** `Access-Control-Max-Age`, in seconds, as sent */
  maxAge: string;
}

export function resolveCors(options: ActionRouterOptions): CorsPolicy {
  const maxAge = options.corsMaxAge ?? DEFAULT_CORS_MAX_AGE;
  if (!Number.isSafeInteger(maxAge) || maxAge < 0) throw new Error(`actionwire: options.corsMaxAge must be a whole number of seconds, 0 or more; got ${String(maxAge)}`);
  return { credentials: options.corsCredentials === true, maxAge: String(maxAge) };
}

/** A CORS preflight: `OPTIONS` with `Origin` and `Access-Control-Request-Method`. */
export function isPreflight(ctx: Context): boolean {
  return ctx.method === 'OPTIONS' && ctx.get('access-control-request-method') !== '';
}

/** A header name as HTTP spells one (RFC 9110 `token`). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The header names of `Access-Control-Request-Headers`, or undefined when one is not a header name. */
function requestedHeaders(ctx: Context): string[] | undefined {
  const names = ctx
    .get('access-control-request-headers')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.every((name) => HEADER_NAME.test(name)) ? names : undefined;
}

/**
 * Answers a preflight: 204 with the CORS headers for an action's path, POST, and an origin the router
 * admits; otherwise a problem without CORS headers (403 for the origin, the method or the headers,
 * 404 for a path with no action), so that the browser never sends the call.
 */
export function answerPreflight(ctx: Context, origin: string, access: OriginAccess, found: boolean, policy: CorsPolicy): void {
  const refused = (status: number, detail: string): void => sendProblem(ctx, problem(status, { detail }), refuseBody(ctx.req));
  if (access === 'refused') return refused(403, 'Cross-origin calls to this action are not allowed');
  if (!found) return refused(404, `There is no action at ${ctx.path}`);
  const method = ctx.get('access-control-request-method');
  if (method !== 'POST') return refused(403, `Actions are called with POST, not ${method}`);
  const headers = requestedHeaders(ctx);
  if (headers === undefined) return refused(403, 'Access-Control-Request-Headers is not a list of header names');
  for (const [name, value] of Object.entries(refuseBody(ctx.req))) ctx.set(name, value);
  ctx.set('Access-Control-Allow-Origin', origin);
  ctx.set('Access-Control-Allow-Methods', 'POST');
  if (headers.length > 0) ctx.set('Access-Control-Allow-Headers', headers.join(', '));
  ctx.set('Access-Control-Max-Age', policy.maxAge);
  if (policy.credentials) ctx.set('Access-Control-Allow-Credentials', 'true');
  ctx.vary('Origin');
  ctx.vary('Access-Control-Request-Headers');
  ctx.status = 204;
}

/** Response headers a cross-origin page may read without being told, or must never be told about. */
const NOT_EXPOSED = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma', 'connection', 'keep-alive', 'transfer-encoding', 'vary', 'set-cookie', 'date']);

/**
 * Makes a finished answer readable by an allowed cross origin: `Access-Control-Allow-Origin`, `Vary: Origin`,
 * the credentials flag when configured, and `Access-Control-Expose-Headers` naming the other headers the
 * answer carries (those an `ActionError` or the action set, such as `WWW-Authenticate` or `Retry-After`).
 */
export function allowOrigin(ctx: Context, origin: string, policy: CorsPolicy): void {
  const exposed = Object.keys(ctx.response.headers).filter((name) => !NOT_EXPOSED.has(name) && !name.startsWith('access-control-'));
  if (exposed.length > 0) ctx.set('Access-Control-Expose-Headers', exposed.join(', '));
  ctx.set('Access-Control-Allow-Origin', origin);
  if (policy.credentials) ctx.set('Access-Control-Allow-Credentials', 'true');
  ctx.vary('Origin');
}
