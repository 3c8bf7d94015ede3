import { randomUUID } from 'node:crypto';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { Context } from 'koa';
import { ActionError } from './action-error.js';
import { BodyTimeoutError, BodyTooLargeError } from './body.js';
import type { ErrorReport } from './options.js';
import { problem, sendProblem } from './problem.js';

type OnError = (error: unknown, report: ErrorReport) => void;

export function defaultOnError(error: unknown, report: ErrorReport): void {
  console.error(`[actionwire] error ${report.errorId} in ${report.route}:`, error);
}

/** Hands a server error to the hook under a new id, which the answer carries too. */
function reportError(ctx: Context, route: string, error: unknown, onError: OnError): string {
  const errorId = randomUUID();
  try {
    onError(error, { errorId, route, ctx });
  } catch (hookError) {
    console.error('[actionwire] the onError hook threw:', hookError);
  }
  return errorId;
}

/** Why Node would refuse to send one of these headers, checked before any is set so that the answer is not left half-written. */
function headerProblem(error: ActionError): Error | undefined {
  for (const [name, value] of Object.entries(error.headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch (invalid) {
      return new Error(`actionwire: an ActionError (${error.status}) carries a header that cannot be sent: ${JSON.stringify(name)}`, { cause: invalid });
    }
  }
  return undefined;
}

/**
 * Answers a failed call: 413 for a body over the limit and 408 for one too slow (closing the
 * connection, whose rest is unread), the status and message of an ActionError, and, for anything
 * else, 500 with an error id — its message only outside production. An ActionError of 500 or more
 * is a server error too: it gets an error id and goes to `onError`, its message shown only when it
 * says `expose`.
 */
export function sendFailure(ctx: Context, route: string, error: unknown, onError: OnError): void {
  if (error instanceof BodyTooLargeError) {
    sendProblem(ctx, problem(413, { detail: `The request body is larger than ${error.limit} bytes` }), { Connection: 'close' });
    return;
  }
  if (error instanceof BodyTimeoutError) {
    sendProblem(ctx, problem(408, { detail: `The request body did not arrive within ${error.timeout} ms` }), { Connection: 'close' });
    return;
  }
  if (ActionError.is(error)) {
    const unsendable = headerProblem(error);
    if (unsendable !== undefined) {
      sendServerError(ctx, route, unsendable, onError);
      return;
    }
    const errorId = error.status >= 500 ? reportError(ctx, route, error, onError) : undefined;
    const fields = { ...(error.expose && error.message ? { detail: error.message } : {}), ...(error.code ? { code: error.code } : {}), ...(errorId ? { errorId } : {}) };
    sendProblem(ctx, problem(error.status, fields), error.headers);
    return;
  }
  sendServerError(ctx, route, error, onError);
}

function sendServerError(ctx: Context, route: string, error: unknown, onError: OnError): void {
  const errorId = reportError(ctx, route, error, onError);
  const production = process.env.NODE_ENV === 'production';
  const detail = !production && error instanceof Error ? error.message : undefined;
  sendProblem(ctx, problem(500, { errorId, ...(detail ? { detail } : {}) }));
}
