import { isHTTPError, isNetworkError } from 'ky';
import { ActionError } from './action-error.js';

/**
 * What a failed call rejects with: an HTTP error answer as an ActionError; a network failure as the TypeError fetch
 * threw (ky wraps it in its NetworkError where it recognizes the runtime's message, and not where it does not: one
 * rule for every runtime); an abort, a timeout, anything else as it came. `route`: the called action's.
 */
export function callFailure(error: unknown, route: string): unknown {
  // ky's own guards, not instanceof: a `ky` option from another copy of ky throws its own error classes
  if (isHTTPError(error)) return new ActionError(error.response, error.data, route);
  // its cause is fetch's TypeError (ky wraps nothing else), maybe of another realm than this module's TypeError
  if (isNetworkError(error) && error.cause !== undefined) return error.cause;
  return error;
}
