import { STATUS_CODES } from 'node:http';
import type { Context } from 'koa';

export interface Issue {
  /** JSON Pointer into the request body */
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: readonly Issue[];
  /** how many more problems there were than `errors` lists */
  omittedErrors?: number;
  errorId?: string;
}

function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? (status < 500 ? 'Client Error' : 'Server Error');
}

export function problem(status: number, fields: Partial<Problem> = {}): Problem {
  return { type: 'about:blank', title: statusTitle(status), status, ...fields };
}

/** Answers with an RFC 9457 problem details body. */
export function sendProblem(ctx: Context, body: Problem, headers: Record<string, string> = {}): void {
  ctx.status = body.status;
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  ctx.type = 'application/problem+json';
  ctx.body = JSON.stringify(body);
}
