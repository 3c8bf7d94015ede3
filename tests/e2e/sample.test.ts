import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { cookieJar } from '../helpers/cookie-jar.js';

const sampleDir = join(repoRoot, 'sample');
type ClientModule = typeof import('../../sample/generated/client/index.js');

let server: ServerProcess;
let client: ClientModule;

beforeAll(async () => {
  server = await startServerProcess(join(sampleDir, 'dist', 'server.js'));
  client = (await import(join(sampleDir, 'dist', 'generated', 'client', 'index.js'))) as ClientModule;
});

afterAll(async () => {
  await server?.stop();
});

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

function post(path: string, body: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, server.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('the sample through its generated client', () => {
  it('refuses a call without a session with a typed 401', async () => {
    const api = client.createClient({ baseUrl: server.url });
    const error = await api.appActions.fetchUsers().catch((caught: unknown) => caught);
    expect(client.ActionError.is(error)).toBe(true);
    const actionError = error as InstanceType<ClientModule['ActionError']>;
    expect(actionError.status).toBe(401);
    expect(actionError.title).toBe('Unauthorized');
    expect(actionError.detail).toBe('Sign in first');
    expect(actionError.code).toBe('not-signed-in');
  });

  it('signs in with an HttpOnly cookie, creates a user with a Date, and lists users pruned to the declared type', async () => {
    const jar = cookieJar();
    const api = client.createClient({ baseUrl: server.url, ...jar.options });
    const me = await api.appSession.signIn(ADMIN.email, ADMIN.password);
    expect(me).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(me.joinedAt).toBeInstanceOf(Date);
    expect(jar.setCookieHeaders[0]).toMatch(/^sample_session=[\w-]+; Max-Age=28800; Path=\/; Expires=[^;]+ GMT; HttpOnly; SameSite=Lax$/);

    const joinedAt = new Date('1952-05-01T09:00:00.000Z');
    const created = await api.appActions.createUser({ name: 'Grace Hopper', email: 'grace@example.com', password: 'a-long-password', joinedAt });
    expect(created.joinedAt).toBeInstanceOf(Date);
    expect(created.joinedAt.toISOString()).toBe(joinedAt.toISOString());
    expect(Object.keys(created).sort()).toEqual(['email', 'id', 'joinedAt', 'name', 'role']);

    const users = await api.appActions.fetchUsers();
    expect(users.map((user) => user.email)).toEqual([ADMIN.email, 'grace@example.com']);
    for (const user of users) expect(Object.keys(user).sort()).toEqual(['email', 'id', 'joinedAt', 'name', 'role']);

    const raw = await post('/actions/app/actions/fetchUsers', '{}', { cookie: [...jar.cookies].map(([name, value]) => `${name}=${value}`).join('; ') });
    const text = await raw.text();
    expect(raw.status).toBe(200);
    expect(text).toContain('grace@example.com');
    expect(text).not.toMatch(/passwordHash|internalNotes|scrypt/);

    const whoAmI = await api.appSession.whoAmI();
    expect(whoAmI?.email).toBe(ADMIN.email);
    await expect(api.appSession.signOut()).resolves.toBeUndefined();
    expect(jar.cookies.has('sample_session')).toBe(false);
    await expect(api.appSession.whoAmI()).resolves.toBeNull();
  });

  it('answers ActionError statuses and codes from the action', async () => {
    const jar = cookieJar();
    const api = client.createClient({ baseUrl: server.url, ...jar.options });
    await api.appSession.signIn(ADMIN.email, ADMIN.password);
    const weak = await api.appActions.createUser({ name: 'W', email: 'w@example.com', password: 'short' }).catch((caught: unknown) => caught);
    expect(weak).toMatchObject({ status: 422, code: 'weak-password' });
    await api.appActions.createUser({ name: 'Twice', email: 'twice@example.com', password: 'long-enough-1' });
    const taken = await api.appActions.createUser({ name: 'Twice', email: 'twice@example.com', password: 'long-enough-1' }).catch((caught: unknown) => caught);
    expect(taken).toMatchObject({ status: 409, detail: 'twice@example.com is taken' });
    const wrongPassword = await api.appSession.signIn(ADMIN.email, 'nope').catch((caught: unknown) => caught);
    expect(wrongPassword).toMatchObject({ status: 401, code: 'bad-credentials' });
  });

  it('reports every invalid field with a JSON Pointer, through the client and raw HTTP', async () => {
    const api = client.createClient({ baseUrl: server.url });
    const error = await api.appActions
      .createUser({ name: 7, email: 'x@example.com', password: null, role: 'root', joinedAt: 'yesterday', extra: 1 } as never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400 });
    expect((error as { errors: unknown[] }).errors).toEqual([
      { path: '/data/name', message: 'must be a string' },
      { path: '/data/password', message: 'must be a string' },
      { path: '/data/role', message: 'must be one of "admin", "member"' },
      { path: '/data/joinedAt', message: 'must be an ISO 8601 date-time string naming a real date' },
      { path: '/data/extra', message: 'is not a declared property' },
    ]);
    const missing = await post('/actions/app/actions/createUser', '{"data":{}}');
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await missing.json()) as { errors: Array<{ path: string }> };
    expect(body.errors.map((issue) => issue.path)).toEqual(['/data/name', '/data/email', '/data/password']);
  });
});

describe("the seed's post page: an inline action handed to the client", () => {
  it('opens a post, edits it through the returned updatePost (signed in), and refuses the same reference signed out', async () => {
    const jar = cookieJar();
    const api = client.createClient({ baseUrl: server.url, ...jar.options });
    await api.appSession.signIn(ADMIN.email, ADMIN.password);
    const view = await api.appPostsActions.openPost('1');
    expect(view.post.updatedAt).toBeInstanceOf(Date);
    expect(typeof view.updatePost).toBe('function');
    const form = new FormData();
    form.set('title', 'Edited in a test');
    form.set('body', 'through a sealed reference');
    const updated = await view.updatePost(form);
    expect(updated).toMatchObject({ id: 1, title: 'Edited in a test', body: 'through a sealed reference' });
    expect(updated.updatedAt).toBeInstanceOf(Date);
    expect((await api.appPostsActions.openPost('1')).post.title).toBe('Edited in a test');
    await api.appSession.signOut();
    const refused = await view.updatePost(form).catch((caught: unknown) => caught);
    expect(client.ActionError.is(refused) && (refused as InstanceType<ClientModule['ActionError']>).status).toBe(401);
  });

  it('serves the page, rendered by React, with a form posting to the inline action with its seal', async () => {
    const html = await (await fetch(new URL('/posts/1', server.url))).text();
    expect(html).toContain('action="/actions/app/posts/%5Bid%5D/page/PostPage.updatePost"');
    expect(html).toMatch(/<input type="hidden" name="\$bound" value="v1\.[\w-]+\.[\w-]+\.[\w-]+"\/>/);
  });
});

describe('the generated module functions and configureClient', () => {
  type ActionsModule = typeof import('../../sample/generated/client/app/actions.js');
  type SessionModule = typeof import('../../sample/generated/client/app/session.js');

  it('explain that a Node client needs a baseUrl, then call through the configured default instance', async () => {
    const session = (await import(join(sampleDir, 'dist', 'generated', 'client', 'app', 'session.js'))) as SessionModule;
    const actions = (await import(join(sampleDir, 'dist', 'generated', 'client', 'app', 'actions.js'))) as ActionsModule;
    client.configureClient({});
    await expect(session.whoAmI()).rejects.toThrow(/set baseUrl with configureClient/);

    const jar = cookieJar();
    const seen: string[] = [];
    client.configureClient({
      baseUrl: server.url,
      headers: { 'x-sample': 'configured' },
      hooks: { ...jar.options.hooks, beforeRequest: [...(jar.options.hooks?.beforeRequest ?? []), ({ request }) => void seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('x-sample')}`)] },
    });
    await session.signIn(ADMIN.email, ADMIN.password);
    const users = await actions.fetchUsers();
    expect(users.length).toBeGreaterThan(0);
    expect(users[0]?.joinedAt).toBeInstanceOf(Date);
    expect(seen).toEqual(['POST /actions/app/session/signIn configured', 'POST /actions/app/actions/fetchUsers configured']);
    client.configureClient({});
  });
});

describe('the sample over raw HTTP', () => {
  it('400 for a body that is not JSON', async () => {
    const response = await post('/actions/app/actions/fetchUsers', '{not json');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The request body is not valid JSON' });
  });

  it('404 for an unknown action', async () => {
    const response = await post('/actions/app/actions/dropDatabase', '{}');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('405 with Allow for another method', async () => {
    const response = await fetch(new URL('/actions/app/actions/fetchUsers', server.url));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('413 for a body declared over 1 MB, answered from the headers (the body is never read), and the server goes on serving', async () => {
    // The headers alone: a client still writing a 1 MB body when the server closes the connection may see EPIPE instead of the answer.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const outgoing = request(new URL('/actions/app/session/signIn', server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 1024 * 1024 + 10 } }, (response) => {
        resolve(response.statusCode);
        response.resume();
        outgoing.destroy();
      });
      outgoing.on('error', reject);
      outgoing.flushHeaders();
    });
    expect(status).toBe(413);
    const next = await post('/actions/app/session/whoAmI', '{}');
    expect(next.status).toBe(200);
  });

  it('415 for a body that is not JSON by content type', async () => {
    const response = await post('/actions/app/session/whoAmI', 'hello', { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
  });

  it('403 for a cross-origin browser call', async () => {
    const response = await post('/actions/app/session/whoAmI', '{}', { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    const sameOrigin = await post('/actions/app/session/whoAmI', '{}', { origin: server.url.replace(/\/$/, '') });
    expect(sameOrigin.status).toBe(200);
  });

  it('accepts an empty body for an action without parameters', async () => {
    const response = await fetch(new URL('/actions/app/session/whoAmI', server.url), { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('null');
  });

  it('serves a valid OpenAPI 3.1 document describing every action', () => {
    const spec = JSON.parse(readFileSync(join(sampleDir, 'generated', 'openapi.json'), 'utf8'));
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/actions/app/actions/createUser',
      '/actions/app/actions/fetchUsers',
      '/actions/app/feedback/sendFeedback',
      '/actions/app/posts/[id]/page/PostPage.updatePost',
      '/actions/app/posts/actions/openPost',
      '/actions/app/reindex/lastReindex',
      '/actions/app/reindex/reindexPosts',
      '/actions/app/session/signIn',
      '/actions/app/session/signInWithForm',
      '/actions/app/session/signOut',
      '/actions/app/session/whoAmI',
    ]);
    expect(spec.components.schemas.User.properties.joinedAt).toEqual({ type: 'string', format: 'date-time', description: 'when the user joined' });
    expect(spec.components.schemas.User.properties).not.toHaveProperty('passwordHash');
  });
});
