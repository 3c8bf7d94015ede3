const BRAND = Symbol.for('actionwire.client.ActionError');

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

  constructor(response: Response, problem: unknown) {
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
  }

  get [BRAND](): true {
    return true;
  }

  /** True for an ActionError from any copy of this package. */
  static is(value: unknown): value is ActionError {
    return isRecord(value) && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isIssue(value: unknown): value is ProblemIssue {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}
