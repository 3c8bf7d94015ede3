import type Koa from 'koa';
import { formProblem } from 'actionwire/server';
import { describeProblem } from '../components/describe-error.js';
import { userOfSession } from '../lib/auth.js';
import { feedback } from '../lib/db.js';
import { renderPage } from '../render/render-page.js';
import { publicUser } from './public-user.js';

/**
 * GET / — the sample's page, rendered by React on the server (the signed-in user from the session cookie, the
 * latest feedback) and hydrated by /app.js. Signing in and feedback are form actions: they work without
 * JavaScript, and a post that failed comes back here with its problem (formProblem), shown with what was typed.
 */
export const homePage: Koa.Middleware = async (ctx, next) => {
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path !== '/') return next();
  const failed = formProblem(ctx);
  const user = await userOfSession(ctx.cookies.get('sample_session'));
  const notes = await feedback.latest(10);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = await renderPage('actionwire sample', 'Home', {
    user: user ? publicUser(user) : null,
    notes,
    message: failed ? { kind: 'error', text: describeProblem(failed.problem) } : null,
    fields: { email: failed?.fields['email'] ?? '', message: failed?.fields['message'] ?? '' },
  });
};
