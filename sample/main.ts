/**
 * The sample, end to end: starts the server, then calls every action through the generated ky client,
 * as a browser would (the session cookie is kept between calls), and prints what happened.
 */
import { cookieJarHooks } from 'actionwire/client';
import { CookieJar } from 'tough-cookie';
import { ActionError, configureClient } from './generated/client/index.js';
import { createUser, fetchUsers } from './generated/client/app/actions.js';
import { sendFeedback } from './generated/client/app/feedback.js';
import { openPost } from './generated/client/app/posts/actions.js';
import { lastReindex, reindexPosts } from './generated/client/app/reindex.js';
import { signIn, signOut, whoAmI } from './generated/client/app/session.js';
import { ADMIN, startServer } from './server.js';

const server = await startServer();
// the session cookie travels as in a browser: tough-cookie's jar, through the client's ky hooks (docs/node-cookies.md)
const jar = new CookieJar();
configureClient({ baseUrl: server.url, hooks: cookieJarHooks(jar) });
const sessionCookie = (): Promise<string> => jar.getCookieString(server.url);

const step = (text: string): void => console.log(`\n→ ${text}`);
const short = (seal: string): string => `${seal.slice(0, 20)}…(${seal.length} chars)`;
const form = (fields: Record<string, string>): FormData => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
/** A plain POST as a browser sends a form without JavaScript: urlencoded, same Origin, the session cookie, HTML preferred (or, with `accept`, what a script would ask for). */
const postForm = async (action: string, fields: Record<string, string>, page: string, accept = 'text/html,*/*;q=0.8'): Promise<Response> =>
  fetch(new URL(action, server.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: new URL(server.url).origin, referer: new URL(page, server.url).href, cookie: await sessionCookie(), accept },
    body: new URLSearchParams(fields),
  });
try {
  console.log(`sample server on ${server.url} — the web page at ${server.url}, the API reference at ${server.url}docs`);

  step('fetchUsers() before signing in');
  try {
    await fetchUsers();
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    console.log(`  refused: ${error.status} ${error.title} — ${error.detail}`);
  }

  step(`signIn(${JSON.stringify(ADMIN.email)}, …)`);
  const me = await signIn(ADMIN.email, ADMIN.password);
  console.log(`  signed in as ${me.name} (${me.role}); the session is in an HttpOnly cookie`);

  step('createUser({ name: "Grace", … joinedAt: new Date("1952-05-01") })');
  const grace = await createUser({ name: 'Grace Hopper', email: 'grace@example.com', password: 'a-long-password', joinedAt: new Date('1952-05-01T09:00:00Z') });
  console.log(`  created #${grace.id} ${grace.name}; joinedAt is a ${grace.joinedAt.constructor.name}: ${grace.joinedAt.toISOString()}`);

  step('createUser with a wrong field type');
  try {
    await createUser({ name: 'Bad', email: 42 as unknown as string, password: 'whatever-long' });
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    console.log(`  refused: ${error.status}; ${error.errors.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
  }

  step('createUser with an email already taken, through createUser.safe(…)');
  const taken = await createUser.safe({ name: 'Grace again', email: 'grace@example.com', password: 'a-long-password' });
  if (!taken.ok && ActionError.is(taken.error, createUser) && taken.error.code === 'email-taken') {
    // taken.error.code is typed as the codes createUser declares ('email-taken' | 'weak-password' | …), found by the compiler
    console.log(`  refused: ${taken.error.status} ${taken.error.code} — ${taken.error.detail} (a declared error: openapi.json lists it)`);
  } else {
    throw new Error(`the sample expected createUser to answer email-taken, got ${JSON.stringify(taken)}`);
  }

  step('fetchUsers()');
  for (const user of await fetchUsers()) {
    console.log(`  #${user.id} ${user.name} <${user.email}> ${user.role}, keys: ${Object.keys(user).join(', ')}`);
  }
  console.log('  (the rows also hold passwordHash and internalNotes: pruned by the declared return type)');

  step('openPost("1"): the post page, with its inline action updatePost');
  const view = await openPost('1');
  console.log(`  post #${view.post.id} "${view.post.title}", updatedAt a ${view.post.updatedAt.constructor.name}; updatePost is a ${typeof view.updatePost}`);
  const raw = await fetch(new URL('actions/app/posts/actions/openPost', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await sessionCookie() },
    body: JSON.stringify({ id: '1' }),
  });
  const wire = ((await raw.json()) as { updatePost: { $action: string; bound: string } }).updatePost;
  console.log(`  on the wire: updatePost = {"$action": ${JSON.stringify(wire.$action)}, "bound": "${short(wire.bound)}"} (the post id, sealed)`);

  step('view.updatePost(formData) through the generated client');
  const updated = await view.updatePost(form({ title: 'Hello again', body: 'Edited through the client.' }));
  console.log(`  → "${updated.title}": ${updated.body} (multipart, the seal in a $bound field)`);
  const readBack = await openPost('1');
  console.log(`  openPost("1") reads back "${readBack.post.title}"`);

  step('GET /posts/1: the page rendered by React on the server, its form posting to the inline action');
  const html = await (await fetch(new URL('posts/1', server.url))).text();
  const action = /<form id="edit-post-form"[^>]* action="([^"]+)"/.exec(html)?.[1] ?? '';
  const bound = /name="\$bound" value="([^"]+)"/.exec(html)?.[1] ?? '';
  console.log(`  <form action="${action}" encType="multipart/form-data" method="POST">  (React asked updatePost.$$FORM_ACTION)`);
  console.log(`    <input type="hidden" name="$bound" value="${short(bound)}"/>  (the post id, sealed)`);

  step('the form posted without JavaScript: urlencoded, same Origin');
  const submitted = await postForm(action, { $bound: bound, title: 'Hello from a form', body: 'Posted without JavaScript.' }, '/posts/1');
  console.log(`  ${submitted.status} ${submitted.statusText}, Location: ${submitted.headers.get('location')} (back to the page)`);
  console.log(`  openPost("1") reads back "${(await openPost('1')).post.title}"`);

  step('the same form with one character of its $bound changed');
  const at = bound.length - 8;
  const tampered = `${bound.slice(0, at)}${bound[at] === 'A' ? 'B' : 'A'}${bound.slice(at + 1)}`;
  const refused = await postForm(action, { $bound: tampered, title: 'Hijacked', body: '' }, '/posts/1', 'application/json');
  const refusal = (await refused.json()) as { detail?: string; code?: string };
  console.log(`  refused: ${refused.status}, ${refusal.code}: ${refusal.detail}`);
  const asBrowser = await postForm(action, { $bound: tampered, title: 'Hijacked', body: '' }, '/posts/1');
  console.log(`  the same post from a browser: ${asBrowser.status}, Location: ${asBrowser.headers.get('location')} (the page shows the problem: formProblem(ctx))`);
  console.log(`  openPost("1") still reads "${(await openPost('1')).post.title}"`);

  step('the web page: GET /, /app.js, /docs, /docs/openapi.json');
  const get = (path: string): Promise<Response> => fetch(new URL(path, server.url));
  const home = await get('/');
  const script = await get('/app.js');
  console.log(`  ${server.url} → ${home.status} ${home.headers.get('content-type')}: rendered by React, hydrated by /app.js`);
  console.log(`  ${server.url}app.js → ${script.status}, ${(await script.arrayBuffer()).byteLength} bytes (web/main.tsx and its React components, built by Vite with actionwire/vite)`);
  const docs = await get('/docs');
  const spec = (await (await get('/docs/openapi.json')).json()) as { paths: Record<string, unknown> };
  console.log(`  ${server.url}docs → ${docs.status}: the API reference (createActionRouter's docs option: Swagger UI) of /docs/openapi.json, ${Object.keys(spec.paths).length} operations`);

  step("the page's feedback form posted without JavaScript (a FormData action)");
  const feedbackAction = /<form id="feedback-form"[^>]* action="([^"]+)"/.exec(await home.text())?.[1] ?? '';
  const sent = await postForm(feedbackAction, { message: 'Works without JavaScript' }, '/');
  console.log(`  POST ${feedbackAction} → ${sent.status} ${sent.statusText}, Location: ${sent.headers.get('location')}`);
  const listed = /<li data-testid="feedback-item">(.*?)<\/li>/.exec(await (await get('/')).text())?.[1] ?? '';
  console.log(`  GET / now lists: ${listed.replace(/<[^>]+>/g, '')}`);

  step('sendFeedback({ message }): a typed form action, called with its fields as an object (sent as multipart)');
  const note = await sendFeedback({ message: 'Sent from the Node client' });
  console.log(`  note #${note.id} by ${note.author}: "${note.message}"`);

  step('reindexPosts(50): a streaming action (text/event-stream), its items and result revived');
  const feed = reindexPosts(50);
  let progress = await feed.next();
  while (progress.done !== true) {
    const item = progress.value;
    if (item.step <= 2 || item.step === item.total) console.log(`  ${item.step}/${item.total} ${item.label} at ${item.at.toISOString()} (a ${item.at.constructor.name})`);
    else if (item.step === 3) console.log('  …');
    progress = await feed.next();
  }
  console.log(`  done: ${progress.value.indexed} of ${progress.value.total} batches, finishedAt a ${progress.value.finishedAt.constructor.name}`);

  step('reindexPosts(50) left after 3 items: the request is aborted, the server returns its generator');
  for await (const item of reindexPosts(50)) {
    if (item.step === 3) break;
  }
  let last = await lastReindex();
  for (let polls = 0; last?.state === 'running' && polls < 100; polls++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await lastReindex();
  }
  console.log(`  lastReindex() → ${JSON.stringify(last)} (its finally ran when the client left)`);

  step('signOut(), then whoAmI()');
  await signOut();
  console.log(`  whoAmI() → ${JSON.stringify(await whoAmI())}`);

  step('view.updatePost(formData) signed out: holding the reference is not enough');
  try {
    await view.updatePost(form({ title: 'Anonymous edit', body: '' }));
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    console.log(`  refused: ${error.status} ${error.title} — ${error.detail} (the action checks who is calling)`);
  }
} finally {
  await server.close();
}
console.log('\nTo use the web page in a browser: npm run sample:serve, then open http://127.0.0.1:3000/ (the page) and http://127.0.0.1:3000/docs (the API reference)');
