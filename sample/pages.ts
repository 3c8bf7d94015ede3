import type Koa from 'koa';
import { ActionError, toReference } from 'actionwire/server';
import PostPage, { type PostView } from './app/posts/[id]/page.js';

export const BASE_PATH = '/actions';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);

/**
 * GET /posts/:id — the post page as plain HTML: its edit form posts straight to the inline action, the sealed
 * post id in a hidden `$bound` field (from `toReference`), so it works without JavaScript.
 */
export const postPage: Koa.Middleware = async (ctx, next) => {
  const match = ctx.method === 'GET' ? /^\/posts\/([^/]+)$/.exec(ctx.path) : null;
  if (!match?.[1]) return next();
  let view: PostView;
  try {
    view = await PostPage({ params: { id: match[1] } });
  } catch (error) {
    if (!ActionError.is(error)) throw error;
    ctx.status = error.status;
    ctx.type = 'text/plain';
    ctx.body = error.message;
    return;
  }
  const { post, updatePost } = view;
  const reference = toReference(updatePost);
  const action = `${BASE_PATH}/${reference.$action.split('/').map(encodeURIComponent).join('/')}`;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html>
<html lang="en">
<title>${escapeHtml(post.title)}</title>
<h1>${escapeHtml(post.title)}</h1>
<p>${escapeHtml(post.body)}</p>
<form method="post" action="${escapeHtml(action)}">
  <input type="hidden" name="$bound" value="${escapeHtml(reference.bound ?? '')}">
  <label>Title <input name="title" value="${escapeHtml(post.title)}" required></label>
  <label>Body <textarea name="body">${escapeHtml(post.body)}</textarea></label>
  <button>Save</button>
</form>
</html>
`;
};

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
