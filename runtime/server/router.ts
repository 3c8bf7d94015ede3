import Router from '@koa/router';
import type { Context, Next } from 'koa';
import { refuseBody } from './http/body.js';
import { clientGone, createActionScope, runInActionContext, runInScope } from './context.js';
import { whenStreamStarts } from './http/stream-start.js';
import { answerStream, DEFAULT_PING_INTERVAL } from './stream-answer.js';
import { withUnknownProperties } from './codec/decode-helpers.js';
import { mountedAt, servingRouter } from './router-mount.js';
import { DEFAULT_MAX_PROBLEMS, resolveLimits, type ActionRouterOptions } from './options.js';
import { IssueList } from './problems/issue-list.js';
import type { RouteDefinition } from './route-definition.js';
import { allowOrigin, answerPreflight, isPreflight, resolveCors } from './http/cors.js';
import { originAccess } from './http/origin.js';
import { parseAllowedOrigins } from './http/allowed-origins.js';
import { CookielessCalls } from './http/cross-origin-cookies.js';
import { problem, sendProblem } from './problems/problem.js';
import { defaultOnError, sendFailure } from './http/problem-response.js';
import { readFormArguments, readJsonArguments } from './http/request-body.js';
import { routePath } from './route-path.js';
import { readBound } from './references/bound-values.js';
import { ReferenceWriter } from './references/reference-writer.js';
import { registerRouter, writingReferences } from './references/reference-scope.js';
import { createSealer, type Sealer } from './sealing/seal.js';
import { FORM_ACTION_FIELD } from './references/form-action.js';
import { finishFormPost, isBrowserFormPost, rememberForm } from './http/form-post.js';
import { registerFormProblemSealer } from './http/form-problem.js';
import { checkFormFields } from './http/form-field-check.js';
import { rememberCheckedFields } from './http/typed-form.js';
import { resolveDocs } from './docs/docs-options.js';
import { mountApiReference } from './docs/api-reference.js';

function requestHost(ctx: Context, trustProxy: boolean): string | undefined {
  const headers = ctx.req.headers;
  const forwarded = trustProxy ? headerText(headers['x-forwarded-host']).split(',')[0]?.trim() : '';
  return forwarded || headers.host || undefined;
}

/** A request header as Koa's `ctx.get` gives it: '' when absent, a repeated one's values joined. */
function headerText(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join(', ');
}

type Handler = (ctx: Context) => Promise<void>;

/** The @koa/router Router that `createActionRouter` returns (re-exported so generated code needs no direct dependency on @koa/router). */
export type ActionRouter = Router;

/**
 * Builds the Koa router for a list of generated routes; see `createActionRouter` in `routes.ts`, which passes
 * `loadOpenApi` (the generated openapi-document module, imported when the `docs` page first asks for it).
 * When an inline action among them captures values, it also makes the sealer for them (from `secret` or
 * ACTIONWIRE_SECRET: in production, a missing secret is an error here, at start-up); the router writes the
 * references to its actions that return values hold, and `toReference` outside calls.
 * One router layer serves every action through a map from path to handler, so that a call costs the
 * same with 2 actions as with 2,000. Origins in `allowedOrigins` get CORS: preflights answered, and
 * every answer to them (errors too) readable.
 */
export function buildActionRouter(
  routes: readonly RouteDefinition[],
  basePath: string,
  options: ActionRouterOptions = {},
  loadOpenApi?: () => Promise<string>,
): ActionRouter {
  const unknownRoutes = Object.keys(options.actions ?? {}).filter((route) => !routes.some((definition) => definition.route === route));
  if (unknownRoutes.length > 0) throw new Error(`actionwire: options.actions names routes that do not exist: ${unknownRoutes.join(', ')}`);
  const pingInterval = options.streamPingInterval;
  if (pingInterval !== undefined && !(Number.isFinite(pingInterval) && pingInterval > 0)) throw new Error(`actionwire: options.streamPingInterval must be a number of milliseconds above 0; got ${String(pingInterval)}`);
  const prefix = options.prefix ?? '';
  // only apps with inline actions that capture values need a seal key (and, in production, a configured secret)
  const sealer = routes.some((definition) => (definition.bound?.names.length ?? 0) > 0)
    ? createSealer({ ...(options.secret === undefined ? {} : { secret: options.secret }), production: process.env.NODE_ENV === 'production' })
    : undefined;
  const mount = `${prefix}${basePath}`;
  const references = new ReferenceWriter(routes, sealer, mount);
  registerRouter(references);
  // failed no-JavaScript form posts carry their problem back to the page in a sealed cookie
  const formSealer = sealer ?? createSealer({ ...(options.secret === undefined ? {} : { secret: options.secret }), production: false, warn: () => {} });
  registerFormProblemSealer(formSealer);
  const handlers = new Map<string, Handler>(routes.map((definition) => [`${prefix}${basePath}/${definition.route}`, actionHandler(definition, options, references, sealer)]));

  const allowedOrigins = parseAllowedOrigins(options.allowedOrigins ?? []);
  const trustProxy = options.trustProxy ?? false;
  const cors = resolveCors(options);
  const cookieless = cors.credentials ? undefined : new CookielessCalls();

  const answer = (ctx: Context, handler: Handler | undefined, refused: boolean): Promise<void> | void => {
    if (handler === undefined) {
      sendProblem(ctx, problem(404, { detail: `There is no action at ${ctx.path}` }), refuseBody(ctx.req));
    } else if (ctx.method !== 'POST') {
      sendProblem(ctx, problem(405, { detail: `Call ${ctx.path} with POST` }), { ...refuseBody(ctx.req), Allow: 'POST' });
    } else if (refused) {
      sendProblem(ctx, problem(403, { detail: 'Cross-origin calls to this action are not allowed' }), refuseBody(ctx.req));
    } else {
      return handler(ctx);
    }
  };
  // Requests without Origin (and same-origin ones after one lookup) take the plain path; only an
  // allowed cross origin costs the CORS headers. No async function of its own: the handler's promise is the answer.
  const serve = (ctx: Context): Promise<void> | void => {
    const handler = handlers.get(routePath(ctx.path));
    const origin = headerText(ctx.req.headers.origin);
    if (origin === '') return answer(ctx, handler, false);
    const access = originAccess(origin, requestHost(ctx, trustProxy), allowedOrigins);
    if (isPreflight(ctx)) return answerPreflight(ctx, origin, access, handler !== undefined, cors);
    if (access !== 'allowed') return answer(ctx, handler, access === 'refused');
    cookieless?.hideRequestCookies(ctx);
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      cookieless?.dropResponseCookies(ctx, origin);
      allowOrigin(ctx, origin, cors);
    };
    // a stream sends its headers before the call ends
    whenStreamStarts(ctx, finish);
    const answered = answer(ctx, handler, false);
    if (answered === undefined) return finish();
    return answered.then(finish);
  };
  // a browser's own form post (no JavaScript) never ends on JSON: see finishFormPost
  const dispatch = (ctx: Context): Promise<void> | void => {
    if (!isBrowserFormPost(ctx)) return serve(ctx);
    const finish = (): void => finishFormPost(ctx, ctx.path.slice(mount.length + 1), formSealer);
    const answered = serve(ctx);
    if (answered === undefined) return finish();
    return answered.then(finish);
  };
  const router = new Router(prefix ? { prefix } : {});
  router.all(basePath, dispatch);
  router.all(`${basePath}/*rest`, dispatch);
  const serving = servingRouter(router, mountedAt(`${prefix}${basePath}`), (ctx: Context, _next: Next) => dispatch(ctx));
  // after servingRouter, which names the actions' own layer as the matched route
  const docs = resolveDocs(options.docs, basePath);
  if (docs !== undefined) {
    if (loadOpenApi === undefined) throw new Error('actionwire: the `docs` option needs a routes.ts generated by this version of actionwire: generate it again (tspc or actionwire generate)');
    mountApiReference(serving, docs, prefix, loadOpenApi);
  }
  return serving;
}

function actionHandler(definition: RouteDefinition, options: ActionRouterOptions, references: ReferenceWriter, sealer: Sealer | undefined): Handler {
  const onError = options.onError ?? defaultOnError;
  const unknownProperties = options.unknownProperties ?? 'reject';
  const limits = resolveLimits(options, definition.route);
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const strip = unknownProperties === 'strip';
  const pingInterval = options.streamPingInterval ?? DEFAULT_PING_INTERVAL;
  const { form, formFields, route, encode, mayReturnNothing, action } = definition;
  return async (ctx) => {
    try {
      const body = form ? await readFormArguments(ctx, limits) : await readJsonArguments(ctx, limits);
      if (form && body instanceof FormData) {
        body.delete(FORM_ACTION_FIELD);
        rememberForm(ctx, body);
      }
      const bound = definition.bound && readBound(body, route, definition.bound, sealer, maxProblems);
      if (bound && 'problem' in bound) {
        sendProblem(ctx, bound.problem);
        return;
      }
      const issues = new IssueList(maxProblems);
      if (formFields !== undefined && body instanceof FormData) rememberCheckedFields(body, checkFormFields(body, formFields, issues, unknownProperties));
      // 'reject' is the decoders' policy outside withUnknownProperties too: no closure for the common case
      const args = strip ? withUnknownProperties('strip', () => definition.decode(body, issues)) : definition.decode(body, issues);
      if (issues.count > 0) {
        sendProblem(ctx, issues.problem('The arguments do not match the action’s parameter types'));
        return;
      }
      const call = (bound ? [bound.values, ...args] : args) as never[];
      if (definition.stream) {
        const scope = createActionScope(ctx, references);
        const value: unknown = await runInScope(scope, action, ...call);
        await answerStream({ ctx, route, scope, encoders: definition.stream, references, pingInterval, onError }, value);
        return;
      }
      const returned = runInActionContext(ctx, action, references, ...call);
      // a synchronous result (or a sync action) is not awaited: one promise fewer
      const result = isThenable(returned) ? await returned : returned;
      if (encode && !(result === undefined && mayReturnNothing)) {
        const response = ctx.response;
        response.status = 200;
        ctx.res.setHeader('Content-Type', JSON_TYPE);
        response.body = writingReferences(references, encode, result);
      } else {
        ctx.status = 204;
      }
    } catch (error) {
      // nobody will read the answer: a cancelled call (499, as nginx logs it), not a failure of the action
      if (clientGone(ctx)) ctx.status = CLIENT_CLOSED_REQUEST;
      else sendFailure(ctx, route, error, onError);
    }
  };
}

const CLIENT_CLOSED_REQUEST = 499;

const JSON_TYPE = 'application/json; charset=utf-8';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
