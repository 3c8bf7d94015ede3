const BRAND = Symbol.for('actionwire.ActionError');

export interface ActionErrorOptions<Code extends string = string> {
  /** A machine-readable code, sent as the problem's `code` member */
  code?: Code;
  /** Extra response headers (e.g. `WWW-Authenticate`); one Node cannot send (a value with a line break) makes the answer a 500 */
  headers?: Record<string, string>;
  /** Whether the message may be shown to the client; defaults to true below 500 and false from 500 on */
  expose?: boolean;
  cause?: unknown;
}

/**
 * An error an action throws on purpose: the client gets `status` and the message as the problem's `detail`.
 * From 500 on it is a server error: the answer carries an `errorId`, `onError` gets the error, and the
 * message is shown only with `expose: true`.
 *
 * Its type parameters are inferred from the arguments (`new ActionError(409, '…', { code: 'email-taken' })` is an
 * `ActionError<409, 'email-taken'>`): the compiler reads them to declare the action's error answers, and
 * `mayThrow<ActionError<…>>()` declares those it cannot see.
 *
 * @example
 * if (!user) throw new ActionError(401, 'Sign in first', { headers: { 'WWW-Authenticate': 'Cookie' } });
 */
export class ActionError<Status extends number = number, Code extends string = string> extends Error {
  override name = 'ActionError';
  readonly status: Status;
  readonly expose: boolean;
  readonly headers: Record<string, string>;
  readonly code?: Code;

  constructor(status: Status, message: string, options: ActionErrorOptions<Code> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError(`ActionError status must be 400–599, got ${status}`);
    this.status = status;
    this.expose = options.expose ?? status < 500;
    this.headers = options.headers ?? {};
    if (options.code !== undefined) this.code = options.code;
  }

  get [BRAND](): true {
    return true;
  }

  /** True for an ActionError from any copy of this package. */
  static is(value: unknown): value is ActionError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
