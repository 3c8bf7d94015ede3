import type { Context } from 'koa';
import type { Problem } from '../problems/problem.js';
import type { Sealer } from '../sealing/seal.js';
import { writeFormProblem } from './form-problem-cookie.js';
import { sendFormPostPage } from './form-post-page.js';

/**
 * A browser's own form submission, without JavaScript: a POST of a form's media type from a client that
 * prefers HTML to JSON. The generated client and `fetch` ask for JSON (or anything) and never match.
 */
export function isBrowserFormPost(ctx: Context): boolean {
  // a JSON call (the common case) is told apart from the raw header, before Koa parses media types
  const type = ctx.req.headers['content-type'];
  if (ctx.method !== 'POST' || type === undefined || type.startsWith('application/json')) return false;
  return ctx.is('application/x-www-form-urlencoded', 'multipart/form-data') !== false && ctx.accepts('json', 'html') === 'html';
}

// the FormData each form post read, for the fields its page gets back on failure
const submitted = new WeakMap<Context, FormData>();

/** Remembers the form a call read (before the action runs). */
export function rememberForm(ctx: Context, body: unknown): void {
  if (body instanceof FormData) submitted.set(ctx, body);
}

/** The path and query of `url` when it is on the request's own origin; undefined for anything else. */
function sameOriginTarget(ctx: Context, url: unknown): string | undefined {
  if (typeof url !== 'string' || url === '') return undefined;
  // Koa 3's ctx.origin is the Origin header; the request's own origin is its protocol and host
  const own = `${ctx.protocol}://${ctx.host}`;
  try {
    const parsed = new URL(url, own);
    return parsed.origin === own ? `${parsed.pathname}${parsed.search}` : undefined;
  } catch {
    return undefined;
  }
}

function seeOther(ctx: Context, target: string): void {
  ctx.redirect(target);
  ctx.status = 303;
}

/**
 * Turns the answer to a browser's form post into one a browser shows: on success, 303 to the same-origin
 * `Location` the action set (`getContext().redirect(...)`), else back to the same-origin Referer; on failure,
 * 303 back to the Referer with the problem sealed in a cookie for `formProblem(ctx)`. With no same-origin
 * page to go back to, a small HTML page (the problem's status kept). Never JSON, never another site.
 */
export function finishFormPost(ctx: Context, route: string | undefined, sealer: Sealer): void {
  const back = sameOriginTarget(ctx, ctx.get('referer'));
  if (ctx.status < 400) {
    const target = sameOriginTarget(ctx, ctx.response.get('Location') as unknown) ?? back;
    if (target !== undefined) seeOther(ctx, target);
    else sendFormPostPage(ctx, 200, 'Sent');
    return;
  }
  const problem = answeredProblem(ctx);
  ctx.remove('Location');
  if (back === undefined) {
    sendFormPostPage(ctx, problem.status, problem.title, problem);
    return;
  }
  writeFormProblem(ctx, sealer, route ?? '', problem, submitted.get(ctx));
  seeOther(ctx, back);
}

/** The problem the router answered with (a problem+json text body). */
function answeredProblem(ctx: Context): Problem {
  const body: unknown = ctx.body;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as Problem;
    } catch {
      // not a problem body: fall through to the status alone
    }
  }
  return { type: 'about:blank', title: ctx.message || 'Error', status: ctx.status };
}
