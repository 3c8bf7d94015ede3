import Router from '@koa/router';
import type { Context } from 'koa';
import { ActionError } from './action-error.js';
import { discardBody } from './body.js';
import { runInActionContext } from './context.js';
import { withUnknownProperties } from './decode-helpers.js';
import { resolveLimits, type ActionRouterOptions } from './options.js';
import { originAllowed } from './origin.js';
import { problem, sendProblem, type Issue } from './problem.js';
import { defaultOnError, sendFailure } from './problem-response.js';
import { readFormArguments, readJsonArguments } from './request-body.js';

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
  /** the declared return type admits `undefined`, which is then answered with 204 */
  mayReturnNothing: boolean;
  run: (args: unknown[]) => unknown;
}

function requestHost(ctx: Context, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? ctx.get('x-forwarded-host').split(',')[0]?.trim() : '';
  return forwarded || ctx.get('host') || undefined;
}

/** Builds the Koa router for a list of generated routes; see `createActionRouter` in `routes.ts`. */
export function buildActionRouter(routes: readonly RouteDefinition[], basePath: string, options: ActionRouterOptions = {}): Router {
  const router = new Router(options.prefix ? { prefix: options.prefix } : {});
  const allowedOrigins = options.allowedOrigins ?? [];
  const onError = options.onError ?? defaultOnError;
  const unknownProperties = options.unknownProperties ?? 'reject';
  const unknownRoutes = Object.keys(options.actions ?? {}).filter((route) => !routes.some((definition) => definition.route === route));
  if (unknownRoutes.length > 0) throw new Error(`actionwire: options.actions names routes that do not exist: ${unknownRoutes.join(', ')}`);

  for (const definition of routes) {
    const path = `${basePath}/${definition.route}`;
    const limits = resolveLimits(options, definition.route);
    router.post(path, async (ctx) => {
      try {
        if (!originAllowed(ctx.get('origin') || undefined, requestHost(ctx, options.trustProxy ?? false), allowedOrigins)) {
          discardBody(ctx.req);
          throw new ActionError(403, 'Cross-origin calls to this action are not allowed');
        }
        const body = definition.form ? await readFormArguments(ctx, limits) : await readJsonArguments(ctx, limits);
        const issues: Issue[] = [];
        const args = withUnknownProperties(unknownProperties, () => definition.decode(body, issues));
        if (issues.length > 0) {
          sendProblem(ctx, problem(400, { detail: 'The arguments do not match the action’s parameter types', errors: issues }));
          return;
        }
        const result = await runInActionContext(ctx, () => definition.run(args));
        if (definition.encode && !(result === undefined && definition.mayReturnNothing)) {
          ctx.status = 200;
          ctx.type = 'application/json';
          ctx.body = definition.encode(result);
        } else {
          ctx.status = 204;
        }
      } catch (error) {
        sendFailure(ctx, definition.route, error, onError);
      }
    });
    router.all(path, (ctx) => {
      discardBody(ctx.req);
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
