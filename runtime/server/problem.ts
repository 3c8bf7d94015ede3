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
  errors?: Issue[];
  errorId?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function statusTitle(status: number): string {
  return TITLES[status] ?? (status < 500 ? 'Client Error' : 'Server Error');
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
