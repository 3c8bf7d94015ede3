import Router from '@koa/router';
import type { Context } from 'koa';
import { refuseBody } from './body.js';
import { runInActionContext } from './context.js';
import { withUnknownProperties } from './decode-helpers.js';
import { DEFAULT_MAX_PROBLEMS, resolveLimits, type ActionRouterOptions } from './options.js';
import { IssueList } from './issue-list.js';
import type { Decoder, Encoder } from './route-functions.js';
import { allowOrigin, answerPreflight, isPreflight, resolveCors } from './cors.js';
import { originAccess } from './origin.js';
import { problem, sendProblem } from './problem.js';
import { defaultOnError, sendFailure } from './problem-response.js';
import { readFormArguments, readJsonArguments } from './request-body.js';
import { routePath } from './route-path.js';

/** One action as the generated `routes.ts` describes it. */
export interface RouteDefinition {
  /** `${moduleId}/${exportName}` */
  route: string;
  /** validates the parsed body, pushing every problem into `issues`, and returns the arguments */
  decode: Decoder;
  /** the single parameter is FormData: the body is multipart/form-data or application/x-www-form-urlencoded */
  form: boolean;
  /** writes the return value as JSON, pruned to the declared type; absent for `void` actions */
  encode: Encoder | undefined;
  /** the declared return type admits `undefined`, which is then answered with 204 */
  mayReturnNothing: boolean;
  /** the action itself, called with the decoded arguments */
  action: (...args: never[]) => unknown;
}

function requestHost(ctx: Context, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? ctx.get('x-forwarded-host').split(',')[0]?.trim() : '';
  return forwarded || ctx.get('host') || undefined;
}

type Handler = (ctx: Context) => Promise<void>;

/** The @koa/router Router that `createActionRouter` returns (re-exported so generated code needs no direct dependency on @koa/router). */
export type ActionRouter = Router;

/**
 * Builds the Koa router for a list of generated routes; see `createActionRouter` in `routes.ts`.
 * One router layer serves every action through a map from path to handler, so that a call costs the
 * same with 2 actions as with 2,000. Origins in `allowedOrigins` get CORS: preflights answered, and
 * every answer to them (errors too) readable.
 */
export function buildActionRouter(routes: readonly RouteDefinition[], basePath: string, options: ActionRouterOptions = {}): ActionRouter {
  const unknownRoutes = Object.keys(options.actions ?? {}).filter((route) => !routes.some((definition) => definition.route === route));
  if (unknownRoutes.length > 0) throw new Error(`actionwire: options.actions names routes that do not exist: ${unknownRoutes.join(', ')}`);
  const prefix = options.prefix ?? '';
  const handlers = new Map<string, Handler>(routes.map((definition) => [`${prefix}${basePath}/${definition.route}`, actionHandler(definition, options)]));

  const allowedOrigins = options.allowedOrigins ?? [];
  const trustProxy = options.trustProxy ?? false;
  const cors = resolveCors(options);

  const answer = async (ctx: Context, handler: Handler | undefined, refused: boolean): Promise<void> => {
    if (handler === undefined) {
      sendProblem(ctx, problem(404, { detail: `There is no action at ${ctx.path}` }), refuseBody(ctx.req));
    } else if (ctx.method !== 'POST') {
      sendProblem(ctx, problem(405, { detail: `Call ${ctx.path} with POST` }), { ...refuseBody(ctx.req), Allow: 'POST' });
    } else if (refused) {
      sendProblem(ctx, problem(403, { detail: 'Cross-origin calls to this action are not allowed' }), refuseBody(ctx.req));
    } else {
      await handler(ctx);
    }
  };
  // Requests without Origin (and same-origin ones after one lookup) take the plain path; only an
  // allowed cross origin costs the CORS headers.
  const dispatch = async (ctx: Context): Promise<void> => {
    const handler = handlers.get(routePath(ctx.path));
    const origin = ctx.get('origin');
    if (origin === '') return answer(ctx, handler, false);
    const access = originAccess(origin, requestHost(ctx, trustProxy), allowedOrigins);
    if (isPreflight(ctx)) return answerPreflight(ctx, origin, access, handler !== undefined, cors);
    if (access !== 'allowed') return answer(ctx, handler, access === 'refused');
    await answer(ctx, handler, false);
    allowOrigin(ctx, origin, cors);
  };
  const router = new Router(prefix ? { prefix } : {});
  router.all(basePath, dispatch);
  router.all(`${basePath}/*rest`, dispatch);
  return router;
}

function actionHandler(definition: RouteDefinition, options: ActionRouterOptions): Handler {
  const onError = options.onError ?? defaultOnError;
  const unknownProperties = options.unknownProperties ?? 'reject';
  const limits = resolveLimits(options, definition.route);
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  return async (ctx) => {
    try {
      const body = definition.form ? await readFormArguments(ctx, limits) : await readJsonArguments(ctx, limits);
      const issues = new IssueList(maxProblems);
      const args = withUnknownProperties(unknownProperties, () => definition.decode(body, issues));
      if (issues.count > 0) {
        const omitted = issues.omitted > 0 ? { omittedErrors: issues.omitted } : {};
        sendProblem(ctx, problem(400, { detail: 'The arguments do not match the action’s parameter types', errors: issues.list, ...omitted }));
        return;
      }
      const result = await runInActionContext(ctx, () => definition.action(...(args as never[])));
      if (definition.encode && !(result === undefined && definition.mayReturnNothing)) {
        ctx.status = 200;
        ctx.set('Content-Type', 'application/json; charset=utf-8');
        ctx.body = definition.encode(result);
      } else {
        ctx.status = 204;
      }
    } catch (error) {
      sendFailure(ctx, definition.route, error, onError);
    }
  };
}
