import type { DeclaresErrors, ErrorAnswer, ProtocolErrorAnswer } from './declared-errors.js';

const BRAND = Symbol.for('actionwire.client.ActionError');
/** Where a client function keeps its route, which the errors of its calls carry: `ActionError.is(error, action)` compares them. */
const ACTION_ROUTE = Symbol.for('actionwire.client.route');

export interface ProblemIssue {
  /** JSON Pointer into the request body */
  path: string;
  message: string;
}

/**
 * What a failed action call throws: the server's problem details, typed.
 *
 * @example
 * try { await createUser(data) } catch (error) {
 *   if (ActionError.is(error) && error.status === 400) showFieldErrors(error.errors);
 * }
 */
export class ActionError extends Error {
  override name = 'ActionError';
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly errorId: string | undefined;
  readonly errors: ProblemIssue[];
  readonly response: Response;
  /** the route of the action whose call failed (`/actions/app/users/createUser`), when the client knows it */
  readonly route: string | undefined;

  constructor(response: Response, problem: unknown, route?: string) {
    const body = isRecord(problem) ? problem : {};
    const title = typeof body.title === 'string' ? body.title : response.statusText || `HTTP ${response.status}`;
    const detail = typeof body.detail === 'string' ? body.detail : undefined;
    super(detail ? `${title}: ${detail}` : title);
    // a stream's `event: error` comes in a 200 answer: its problem carries the status
    this.status = response.ok && typeof body.status === 'number' ? body.status : response.status;
    this.title = title;
    this.detail = detail;
    this.code = typeof body.code === 'string' ? body.code : undefined;
    this.errorId = typeof body.errorId === 'string' ? body.errorId : undefined;
    this.errors = Array.isArray(body.errors) ? body.errors.filter(isIssue) : [];
    this.response = response;
    this.route = route;
  }

  get [BRAND](): true {
    return true;
  }

  /**
   * True for an ActionError from any copy of this package. Given a generated client function, true only for an error
   * of a call of that action (same route), and `status` and `code` narrow to what the action declares plus what the
   * router answers any call with (`ProtocolErrorAnswer`): a misspelled code does not compile. A function typed as the
   * server's (`import { createUser } from './actions'`, which a client build turns into the generated one) is checked
   * the same way at run time, but its type declares no errors: the error is then an `ActionError`.
   *
   * @example
   * catch (error) {
   *   if (!ActionError.is(error, createUser)) throw error;
   *   if (error.code === 'email-taken') showTaken(); // 'email-taken' | 'weak-password' | … | undefined
   * }
   */
  static is(value: unknown): value is ActionError;
  static is<E extends ErrorAnswer>(value: unknown, action: DeclaresErrors<E>): value is ActionErrorOf<E | ProtocolErrorAnswer>;
  static is(value: unknown, action: (...args: never[]) => unknown): value is ActionError;
  static is(value: unknown, action?: object): boolean {
    if (!isRecord(value) || (value as Record<symbol, unknown>)[BRAND] !== true) return false;
    const route = action === undefined ? undefined : (action as Record<symbol, unknown>)[ACTION_ROUTE];
    return typeof route !== 'string' || (value as { route?: unknown }).route === route;
  }
}

/** An ActionError whose `status` and `code` are one of the answers `E`. */
export type ActionErrorOf<E extends ErrorAnswer> = E extends unknown ? ActionError & { readonly status: E['status']; readonly code: E['code'] } : never;

/** Marks a client function with the route its calls go to (see `ActionError.is`). */
export function markRoute(action: object, route: string): void {
  Object.defineProperty(action, ACTION_ROUTE, { value: route, enumerable: false, writable: false, configurable: false });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isIssue(value: unknown): value is ProblemIssue {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}
