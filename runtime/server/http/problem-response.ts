import { randomUUID } from 'node:crypto';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { Context } from 'koa';
import { ActionError } from '../action-error.js';
import { BodyTimeoutError, BodyTooLargeError } from './body.js';
import type { ErrorReport } from '../options.js';
import { problem, sendProblem, type Problem } from '../problems/problem.js';

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
    logSafely('[actionwire] the onError hook threw:', hookError);
  }
  return errorId;
}

/** console.error, for a value that may throw as it is inspected (a getter, a Proxy's trap). */
function logSafely(message: string, value: unknown): void {
  try {
    console.error(message, value);
  } catch {
    console.error(message, '(a value that throws when inspected)');
  }
}

/** Why Node would refuse to send one of these headers, checked before any is set so that the answer is not left half-written. */
function headerProblem(status: number, headers: Record<string, string>): Error | undefined {
  for (const [name, value] of Object.entries(headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch (invalid) {
      return new Error(`actionwire: an ActionError (${status}) carries a header that cannot be sent: ${JSON.stringify(name)}`, { cause: invalid });
    }
  }
  return undefined;
}

/**
 * Answers a failed call: 413 for a body over the limit and 408 for one too slow (closing the
 * connection, whose rest is unread), the status and message of an ActionError, and, for anything
 * else, 500 with an error id — its message only outside production. An ActionError of 500 or more
 * is a server error too: it gets an error id and goes to `onError`, its message shown only when it
 * says `expose`. A thrown value whose own traps or getters throw when it is looked at (a hostile Proxy)
 * is a server error as well.
 */
export function sendFailure(ctx: Context, route: string, error: unknown, onError: OnError): void {
  const answer = failureProblem(ctx, route, error, onError);
  sendProblem(ctx, answer.problem, answer.headers);
}

/**
 * The problem (and headers) a failed call answers with, as `sendFailure` sends it: reported to `onError` where it is a
 * server error. A stream that fails after its first item sends it as its `event: error`.
 */
export function failureProblem(ctx: Context, route: string, error: unknown, onError: OnError): { problem: Problem; headers: Record<string, string> } {
  let answer: KnownFailure | undefined;
  try {
    answer = knownFailure(error);
  } catch (unreadable) {
    return serverError(ctx, route, new Error('actionwire: the action threw a value that throws when it is looked at (a Proxy trap or a getter)', { cause: unreadable }), onError);
  }
  if (answer === undefined) return serverError(ctx, route, error, onError);
  if (answer.unsendable !== undefined) return serverError(ctx, route, answer.unsendable, onError);
  const errorId = answer.serverError ? reportError(ctx, route, error, onError) : undefined;
  return { problem: problem(answer.status, { ...answer.fields, ...(errorId ? { errorId } : {}) }), headers: answer.headers };
}

/** The answer to a failure actionwire knows, read from the thrown value once, before anything is sent or reported. */
interface KnownFailure {
  status: number;
  fields: { detail?: string; code?: string };
  headers: Record<string, string>;
  serverError: boolean;
  /** an ActionError whose headers Node would refuse */
  unsendable?: Error;
}

function knownFailure(error: unknown): KnownFailure | undefined {
  if (error instanceof BodyTooLargeError) {
    return { status: 413, fields: { detail: `The request body is larger than ${error.limit} bytes` }, headers: { Connection: 'close' }, serverError: false };
  }
  if (error instanceof BodyTimeoutError) {
    return { status: 408, fields: { detail: `The request body did not arrive within ${error.timeout} ms` }, headers: { Connection: 'close' }, serverError: false };
  }
  if (!ActionError.is(error)) return undefined;
  const { status, expose, message, code, headers } = error;
  return {
    status,
    fields: { ...(expose && message ? { detail: message } : {}), ...(code ? { code } : {}) },
    headers: { ...headers },
    serverError: status >= 500,
    unsendable: headerProblem(status, headers),
  };
}

function serverError(ctx: Context, route: string, error: unknown, onError: OnError): { problem: Problem; headers: Record<string, string> } {
  const detail = process.env.NODE_ENV === 'production' ? undefined : messageOf(error);
  const errorId = reportError(ctx, route, error, onError);
  return { problem: problem(500, { errorId, ...(detail ? { detail } : {}) }), headers: {} };
}

/** An Error's message, or undefined for anything else, and for an Error whose message cannot be read. */
function messageOf(error: unknown): string | undefined {
  try {
    return error instanceof Error && typeof error.message === 'string' ? error.message : undefined;
  } catch {
    return undefined;
  }
}
