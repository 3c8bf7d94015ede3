import type Koa from 'koa';
import { ActionError, formProblem } from 'actionwire/server';
import PostPage from '../app/posts/[id]/page.js';
import { describeProblem } from '../components/describe-error.js';
import { renderPage } from '../render/render-page.js';

/**
 * GET /posts/:id — the async PostPage, rendered by React on the server: its EditPost form posts straight to the
 * inline action (the post id sealed in a hidden `$bound` field), so it works without JavaScript, and a post that
 * failed comes back here with its problem and what was typed. /app.js hydrates EditPost with the same props, the
 * action revived from its reference.
 */
export const postPage: Koa.Middleware = async (ctx, next) => {
  const match = ctx.method === 'GET' || ctx.method === 'HEAD' ? /^\/posts\/([^/]+)$/.exec(ctx.path) : null;
  if (!match?.[1]) return next();
  const failed = formProblem(ctx);
  try {
    const page = await PostPage({ params: Promise.resolve({ id: decodeURIComponent(match[1]) }) });
    const typed = failed && { title: failed.fields['title'] ?? '', body: failed.fields['body'] ?? '' };
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = await renderPage(`Post #${page.props.post.id}`, 'EditPost', {
      ...page.props,
      ...(failed ? { error: describeProblem(failed.problem) } : {}),
      ...(typed ? { fields: typed } : {}),
    });
  } catch (error) {
    if (!ActionError.is(error)) throw error;
    ctx.status = error.status;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = error.message;
  }
};
