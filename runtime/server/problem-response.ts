import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import { ActionError } from './action-error.js';
import { BodyTooLargeError } from './body.js';
import type { ErrorReport } from './options.js';
import { problem, sendProblem } from './problem.js';

export function defaultOnError(error: unknown, report: ErrorReport): void {
  console.error(`[actionwire] error ${report.errorId} in ${report.route}:`, error);
}

/**
 * Answers a failed call: 413 for a body over the limit (closing the connection, whose rest is unread),
 * the status and message of an ActionError, and 500 with an error id for anything else — its message
 * only outside production.
 */
export function sendFailure(ctx: Context, route: string, error: unknown, onError: (error: unknown, report: ErrorReport) => void): void {
  if (error instanceof BodyTooLargeError) {
    sendProblem(ctx, problem(413, { detail: `The request body is larger than ${error.limit} bytes` }), { Connection: 'close' });
    return;
  }
  if (ActionError.is(error)) {
    const detail = error.expose ? error.message : undefined;
    sendProblem(ctx, problem(error.status, { ...(detail ? { detail } : {}), ...(error.code ? { code: error.code } : {}) }), error.headers);
    return;
  }
  const errorId = randomUUID();
  try {
    onError(error, { errorId, route, ctx });
  } catch (hookError) {
    console.error('[actionwire] the onError hook threw:', hookError);
  }
  const production = process.env.NODE_ENV === 'production';
  const detail = !production && error instanceof Error ? error.message : undefined;
  sendProblem(ctx, problem(500, { errorId, ...(detail ? { detail } : {}) }));
}
