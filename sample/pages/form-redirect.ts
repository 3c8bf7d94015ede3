import type Koa from 'koa';

const BASE_PATH = '/actions';

/**
 * Post/Redirect/Get for pages without JavaScript: a form a browser posted to an action (it prefers HTML to JSON)
 * that the action answered with success goes back to the page it came from (same origin only), 303 See Other.
 * Calls through the generated client ask for JSON and get the action's answer unchanged.
 */
export const backToFormPage: Koa.Middleware = async (ctx, next) => {
  await next();
  if (ctx.method !== 'POST' || !ctx.path.startsWith(`${BASE_PATH}/`) || (ctx.status !== 200 && ctx.status !== 204)) return;
  if (!ctx.is('application/x-www-form-urlencoded', 'multipart/form-data') || ctx.accepts('json', 'html') !== 'html') return;
  const referer = sameOriginPath(ctx.get('referer'), ctx.origin);
  if (referer === undefined) return;
  ctx.redirect(referer);
  ctx.status = 303;
};

function sameOriginPath(url: string, origin: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin ? parsed.pathname : undefined;
  } catch {
    return undefined;
  }
}
