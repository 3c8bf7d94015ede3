import type Koa from 'koa';
import { ActionError } from 'actionwire/server';
import PostPage from '../app/posts/[id]/page.js';
import { renderPage } from '../render/render-page.js';

/**
 * GET /posts/:id — the async PostPage, rendered by React on the server: its EditPost form posts straight to the
 * inline action (the post id sealed in a hidden `$bound` field), so it works without JavaScript; /app.js hydrates
 * EditPost with the same props, the action revived from its reference.
 */
export const postPage: Koa.Middleware = async (ctx, next) => {
  const match = ctx.method === 'GET' || ctx.method === 'HEAD' ? /^\/posts\/([^/]+)$/.exec(ctx.path) : null;
  if (!match?.[1]) return next();
  try {
    const page = await PostPage({ params: Promise.resolve({ id: decodeURIComponent(match[1]) }) });
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = await renderPage(`Post #${page.props.post.id}`, 'EditPost', page.props);
  } catch (error) {
    if (!ActionError.is(error)) throw error;
    ctx.status = error.status;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = error.message;
  }
};
