import type { Context } from 'koa';
import type { Problem } from '../problems/problem.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);

/**
 * A small self-contained HTML page, for a form post with no page of this site to go back to: the problem
 * (status kept) or the success, and a link to the site's root. No script, no style, nothing loaded.
 */
export function sendFormPostPage(ctx: Context, status: number, heading: string, problem?: Problem): void {
  const detail = problem?.detail === undefined ? '' : `\n<p>${escapeHtml(problem.detail)}</p>`;
  const errors = problem?.errors?.length ? `\n<ul>\n${problem.errors.map((issue) => `<li>${escapeHtml(issue.path || '(the form)')}: ${escapeHtml(issue.message)}</li>`).join('\n')}\n</ul>` : '';
  ctx.status = status;
  ctx.set('Content-Security-Policy', "default-src 'none'");
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>${escapeHtml(heading)}</title>
<h1>${escapeHtml(heading)}</h1>${detail}${errors}
<p><a href="/">Back to the site</a></p>
</html>
`;
}
