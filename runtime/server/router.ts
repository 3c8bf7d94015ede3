import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import type { Context } from 'koa';
import { ActionError } from './action-error.js';
import { BodyTooLargeError, discardBody, readBody } from './body.js';
import { runInActionContext } from './context.js';
import { originAllowed } from './origin.js';
import { problem, sendProblem, type Issue } from './problem.js';

/** One action as the generated `routes.ts` describes it. */
export interface RouteDefinition {
  /** `${moduleId}/${exportName}` */
  route: string;
  /** validates the parsed body, pushing every problem into `issues`, and returns the arguments */
  decode: (body: unknown, issues: Issue[]) => unknown[];
  /** the single parameter is FormData: the body is multipart/form-data or application/x-www-form-urlencoded */
  form: boolean;
  /** writes the return value as JSON, pruned to the declared type; absent for `void` actions */
  encode: ((value: unknown) => string) | undefined;
  run: (args: unknown[]) => unknown;
}

export interface ErrorReport {
  /** also sent to the client as `errorId`, to find this report in the log */
  errorId: string;
  route: string;
  ctx: Context;
}

export interface ActionRouterOptions {
  /** mounted in front of the base path, e.g. `/api` */
  prefix?: string;
  /** the largest request body accepted, in bytes; default 1 MB */
  bodyLimit?: number;
  /** origins (besides the request's own) allowed to call actions: `https://app.example.com`, `https://*.example.com` */
  allowedOrigins?: readonly string[];
  /** trust `X-Forwarded-Host` when comparing Origin with the host (behind a reverse proxy) */
  trustProxy?: boolean;
  /** the key that seals bound arguments; defaults to ACTIONWIRE_SECRET */
  secret?: string;
  /** called with every unexpected (500) error; defaults to console.error */
  onError?: (error: unknown, report: ErrorReport) => void;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

function defaultOnError(error: unknown, report: ErrorReport): void {
  console.error(`[actionwire] error ${report.errorId} in ${report.route}:`, error);
}

function isJson(ctx: Context): boolean {
  const type = ctx.get('content-type');
  if (type === '') return false;
  const essence = type.split(';', 1)[0].trim().toLowerCase();
  return essence === 'application/json' || (essence.startsWith('application/') && essence.endsWith('+json'));
}

async function parseRequest(ctx: Context, limit: number): Promise<unknown> {
  const hasBody = ctx.request.length > 0 || ctx.get('transfer-encoding') !== '';
  if (!hasBody) return {};
  if (!isJson(ctx)) {
    discardBody(ctx.req);
    throw new ActionError(415, 'Send the arguments as application/json');
  }
  const text = await readBody(ctx.req, limit);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ActionError(400, 'The request body is not valid JSON');
  }
}

/** Builds the Koa router for a list of generated routes; see `createActionRouter` in `routes.ts`. */
export function buildActionRouter(routes: readonly RouteDefinition[], basePath: string, options: ActionRouterOptions = {}): Router {
  const router = new Router(options.prefix ? { prefix: options.prefix } : {});
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const allowedOrigins = options.allowedOrigins ?? [];
  const onError = options.onError ?? defaultOnError;

  const fail = (ctx: Context, route: string, error: unknown): void => {
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
    onError(error, { errorId, route, ctx });
    const production = process.env.NODE_ENV === 'production';
    const detail = !production && error instanceof Error ? error.message : undefined;
    sendProblem(ctx, problem(500, { errorId, ...(detail ? { detail } : {}) }));
  };

  for (const definition of routes) {
    const path = `${basePath}/${definition.route}`;
    router.post(path, async (ctx) => {
      try {
        const host = (options.trustProxy && ctx.get('x-forwarded-host').split(',')[0].trim()) || ctx.get('host');
        if (!originAllowed(ctx.get('origin') || undefined, host || undefined, allowedOrigins)) {
          discardBody(ctx.req);
          throw new ActionError(403, 'Cross-origin calls to this action are not allowed');
        }
        const body = await parseRequest(ctx, limit);
        const issues: Issue[] = [];
        const args = definition.decode(body, issues);
        if (issues.length > 0) {
          sendProblem(ctx, problem(400, { detail: 'The arguments do not match the action’s parameter types', errors: issues }));
          return;
        }
        const result = await runInActionContext(ctx, () => definition.run(args));
        if (definition.encode) {
          const text = definition.encode(result);
          ctx.status = 200;
          ctx.type = 'application/json';
          ctx.body = text;
        } else {
          ctx.status = 204;
        }
      } catch (error) {
        fail(ctx, definition.route, error);
      }
    });
    router.all(path, (ctx) => {
      sendProblem(ctx, problem(405, { detail: `Call ${path} with POST` }), { Allow: 'POST' });
    });
  }
  const unknownAction = (ctx: Context): void => {
    discardBody(ctx.req);
    sendProblem(ctx, problem(404, { detail: `There is no action at ${ctx.path}` }));
  };
  router.all(basePath, unknownAction);
  router.all(`${basePath}/*rest`, unknownAction);
  return router;
}
