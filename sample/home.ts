import type Koa from 'koa';
import { feedback, type FeedbackRow } from './lib/db.js';
import { BASE_PATH, escapeHtml } from './pages.js';

/** Where the page's feedback form posts: the file-level form action app/feedback.ts sendFeedback. */
const FEEDBACK_ACTION = `${BASE_PATH}/app/feedback/sendFeedback`;

const STYLE = `
  :root { font: 15px/1.45 system-ui, sans-serif; color: #1d2330; background: #f5f6f8; }
  body { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
  header { display: flex; align-items: baseline; justify-content: space-between; flex-wrap: wrap; gap: .5rem; }
  h1 { font-size: 1.4rem; margin: 0; } h2 { font-size: 1.05rem; margin: 0 0 .6rem; }
  nav a { margin-left: .8rem; color: #3050c0; }
  section { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 1rem 1.2rem; margin-top: 1rem; }
  fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
  label { display: flex; flex-direction: column; font-size: .8rem; color: #566; }
  input, select, textarea, button { font: inherit; padding: .35rem .5rem; border: 1px solid #c4cad4; border-radius: 5px; }
  textarea { width: 100%; box-sizing: border-box; min-height: 3.2rem; }
  button { background: #3050c0; color: #fff; border-color: #3050c0; cursor: pointer; }
  button:disabled { opacity: .55; cursor: default; }
  table { border-collapse: collapse; width: 100%; margin-top: .8rem; font-size: .9rem; }
  th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e6e9ee; }
  #error, #notice { padding: .55rem .8rem; border-radius: 6px; margin: 1rem 0 0; }
  #error { background: #fdecec; color: #9b1c1c; border: 1px solid #f3b9b9; }
  #notice { background: #eaf6ee; color: #1e6b35; border: 1px solid #b5dfc2; }
  #session-status { font-weight: 600; }
  .hint { font-size: .8rem; color: #667; margin: .4rem 0 0; }
  #feedback-list { padding-left: 1.2rem; margin: .8rem 0 0; }
`;

function feedbackItem(note: FeedbackRow): string {
  return `<li data-testid="feedback-item"><q>${escapeHtml(note.message)}</q> — ${escapeHtml(note.author ?? 'anonymous')}</li>`;
}

/**
 * GET / — the sample's web page. Its script (/app.js, built from web/main.ts in client mode) signs in, creates
 * and lists users through the actions; the controls that need it are disabled until it runs. The feedback form is
 * a plain HTML form posting to a form action, so it also works without JavaScript (the server answers the post
 * with 303 back here, see backToFormPage), and the latest notes are rendered here.
 */
export const homePage: Koa.Middleware = async (ctx, next) => {
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path !== '/') return next();
  const notes = await feedback.latest(10);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>actionwire sample</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
<header>
  <h1>actionwire sample</h1>
  <nav><a id="post-link" href="/posts/1">Post #1</a><a id="docs-link" href="/docs">API reference</a><a id="openapi-link" href="/openapi.json">openapi.json</a></nav>
</header>
<noscript><p>Signing in and managing users need JavaScript; the feedback form below works without it.</p></noscript>
<p id="error" data-testid="error" role="alert" hidden></p>
<p id="notice" data-testid="notice" role="status" hidden></p>

<section id="session" aria-labelledby="session-title">
  <h2 id="session-title">Session</h2>
  <p id="session-status" data-testid="session-status">Signed out</p>
  <form id="sign-in-form" data-testid="sign-in-form">
    <fieldset data-needs-js disabled>
      <label>Email <input id="sign-in-email" name="email" type="email" autocomplete="username" required></label>
      <label>Password <input id="sign-in-password" name="password" type="password" autocomplete="current-password" required></label>
      <button id="sign-in-submit">Sign in</button>
    </fieldset>
    <p class="hint">The sample's admin: admin@example.com / correct horse battery</p>
  </form>
  <button id="sign-out" data-testid="sign-out" type="button" hidden>Sign out</button>
</section>

<section id="users" aria-labelledby="users-title">
  <h2 id="users-title">Users</h2>
  <form id="create-user-form" data-testid="create-user-form">
    <fieldset data-needs-js disabled>
      <label>Name <input id="new-user-name" name="name" required></label>
      <label>Email <input id="new-user-email" name="email" type="email" required></label>
      <label>Password <input id="new-user-password" name="password" type="password" autocomplete="new-password" required></label>
      <label>Role <select id="new-user-role" name="role"><option>member</option><option>admin</option></select></label>
      <button id="create-user-submit">Create user</button>
    </fieldset>
  </form>
  <p><button id="list-users" data-testid="list-users" type="button" data-needs-js disabled>List users</button></p>
  <table id="users-table" data-testid="users-table" hidden>
    <thead><tr><th>#</th><th>Name</th><th>Email</th><th>Role</th><th>Joined</th></tr></thead>
    <tbody id="users-body"></tbody>
  </table>
</section>

<section id="feedback" aria-labelledby="feedback-title">
  <h2 id="feedback-title">Feedback</h2>
  <form id="feedback-form" data-testid="feedback-form" method="post" action="${escapeHtml(FEEDBACK_ACTION)}">
    <label>Message <textarea id="feedback-message" name="message" maxlength="500" required></textarea></label>
    <p><button id="feedback-submit">Send feedback</button></p>
    <p class="hint">A plain HTML form posting to the form action sendFeedback: it works without JavaScript too.</p>
  </form>
  <ul id="feedback-list" data-testid="feedback-list">${notes.map(feedbackItem).join('')}</ul>
</section>
<script type="module" src="/app.js"></script>
</html>
`;
};
