import { inlineClient, KEY_1, postAction, startInline, type InlineClient } from '../helpers/inline-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';

/**
 * Inline 'use server' actions of a compiled app (tests/fixtures/inline) over a real server process: the
 * references its actions return revive in the generated client into callable functions, and the values
 * the inline actions captured come back to them unchanged.
 */

let server: ServerProcess;
let client: InlineClient;
let api: ReturnType<InlineClient['createClient']>;

beforeAll(async () => {
  [server, client] = await Promise.all([startInline({ secret: KEY_1 }), inlineClient()]);
  api = client.createClient({ baseUrl: server.url });
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  await api.actions.reset();
});

interface WireReference {
  $action: string;
  bound?: string;
}

function isWireReference(value: unknown): value is WireReference {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['$action'] === 'string';
}

/** openPost's answer as JSON, as any HTTP client sees it. */
async function rawOpenPost(id: string): Promise<Record<string, unknown>> {
  const answer = await postAction(server, 'actions/openPost', { id });
  expect(answer.status).toBe(200);
  return answer.body as Record<string, unknown>;
}

describe('captured values', () => {
  it('arrive intact: a Date, a bigint beyond 2^53, nested objects, a Map, from two enclosing scopes', async () => {
    const opened = await api.actions.openPost('1');
    const inspection = await opened.more.inspect('a note');
    expect(inspection).toEqual({
      params: { id: '1' },
      since: new Date('2025-12-31T23:59:59.123Z'),
      views: 9007199254740993n,
      meta: { author: { name: 'Ada', roles: ['admin', 'editor'] }, flags: { pinned: true, score: null } },
      counts: new Map([
        ['likes', 3],
        ['shares', 0],
      ]),
      note: 'a note',
    });
    expect(inspection.since).toBeInstanceOf(Date);
    expect(typeof inspection.views).toBe('bigint');
    expect(inspection.counts).toBeInstanceOf(Map);
  });

  it('are the ones of the page that handed the action out (post 2 stays post 2)', async () => {
    const [first, second] = await Promise.all([api.actions.openPost('1'), api.actions.openPost('2')]);
    expect((await second.more.inspect('x')).params).toEqual({ id: '2' });
    const renamed = await second.edit[1]('Renamed second');
    expect(renamed).toEqual({ id: '2', title: 'Renamed second', body: 'Another post', updatedAt: new Date('2026-02-02T00:00:00.000Z'), comments: [] });
    expect(renamed.updatedAt).toBeInstanceOf(Date);
    expect((await api.actions.readPost('1')).title).toBe('Hello');
    expect((await first.edit[1]('Renamed first')).id).toBe('1');
  });

  it('never reach the client in the clear', async () => {
    const raw = await rawOpenPost('1');
    const text = JSON.stringify(raw);
    expect(text).not.toContain('Ada');
    expect(text).not.toContain('9007199254740993');
    expect(text).not.toContain('2025-12-31');
  });
});

describe('references in return values', () => {
  it('come nested in tuples, objects and arrays as {"$action","bound"}, a seal only where the action captures', async () => {
    const raw = await rawOpenPost('1');
    const edit = raw['edit'] as unknown[];
    const more = raw['more'] as { inspect: unknown; deeper: { commenter: unknown; list: unknown[] } };
    const sealed = [edit[0], edit[1], more.inspect, more.deeper.commenter];
    expect(sealed.map((reference) => isWireReference(reference) && reference.$action)).toEqual([
      'posts/page/PostPage.updatePost',
      'posts/page/PostPage.rename',
      'posts/page/PostPage.details.inspect',
      'posts/page/PostPage.commenter',
    ]);
    for (const reference of sealed) expect(reference).toEqual({ $action: expect.any(String), bound: expect.stringMatching(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/) });
    expect(raw['ping']).toEqual({ $action: 'posts/page/PostPage.ping' });
    expect(more.deeper.list).toEqual([{ $action: 'posts/page/PostPage.ping' }]);
  });

  it('revive into functions that call their actions', async () => {
    const opened = await api.actions.openPost('1');
    const [updatePost, rename] = opened.edit;
    expect(typeof updatePost).toBe('function');
    const form = new FormData();
    form.set('title', 'Through the client');
    form.set('body', 'Edited');
    await expect(updatePost(form)).resolves.toBeUndefined();
    expect(await api.actions.readPost('1')).toMatchObject({ title: 'Through the client', body: 'Edited', updatedAt: new Date('2026-06-06T06:06:06.000Z') });
    expect((await rename('Renamed')).title).toBe('Renamed');
    expect(await opened.ping()).toBe('pong');
    expect(await opened.more.deeper.list[0]?.()).toBe('pong');
    expect(await api.actions.callLog()).toEqual([
      { action: 'PostPage.updatePost', detail: '1:Through the client' },
      { action: 'PostPage.rename', detail: '1:Renamed' },
      { action: 'PostPage.ping', detail: '' },
      { action: 'PostPage.ping', detail: '' },
    ]);
  });

  it('leave the user’s form untouched when they add the seal', async () => {
    const opened = await api.actions.openPost('1');
    const form = new FormData();
    form.set('title', 'Mine');
    await opened.edit[0](form);
    expect([...form.keys()]).toEqual(['title']);
  });

  it('of an inline action nested in another: the outer call hands out the inner one, bound to both scopes', async () => {
    const opened = await api.actions.openPost('2');
    const addComment = await opened.more.deeper.commenter('ada');
    expect(typeof addComment).toBe('function');
    expect(await addComment('first!')).toEqual(['ada: first!']);
    expect(await addComment('again')).toEqual(['ada: first!', 'ada: again']);
    const byBob = await opened.more.deeper.commenter('bob');
    expect(await byBob('hi')).toEqual(['ada: first!', 'ada: again', 'bob: hi']);
    expect((await api.actions.readPost('2')).comments).toHaveLength(3);
    expect((await api.actions.readPost('1')).comments).toEqual([]);
    expect(await api.actions.callLog()).toEqual([
      { action: 'PostPage.commenter', detail: 'ada' },
      { action: 'PostPage.commenter.addComment', detail: '2:ada:first!' },
      { action: 'PostPage.commenter.addComment', detail: '2:ada:again' },
      { action: 'PostPage.commenter', detail: 'bob' },
      { action: 'PostPage.commenter.addComment', detail: '2:bob:hi' },
    ]);
  });

  it('of a nested action carry a seal of the values both scopes gave it', async () => {
    const raw = await rawOpenPost('1');
    const commenter = ((raw['more'] as Record<string, unknown>)['deeper'] as Record<string, unknown>)['commenter'];
    if (!isWireReference(commenter)) throw new Error('no commenter reference');
    const inner = await postAction(server, commenter.$action, { author: 'eve', $bound: commenter.bound });
    expect(inner.status).toBe(200);
    expect(inner.body).toEqual({ $action: 'posts/page/PostPage.commenter.addComment', bound: expect.stringMatching(/^v1\./) });
  });

  it('of a file-level action returned as a value, alone or in an object', async () => {
    await api.actions.readPost('1');
    const log = await api.actions.logAction();
    expect(typeof log).toBe('function');
    expect(await log()).toEqual([]);
    expect((await postAction(server, 'actions/logAction', {})).body).toEqual({ $action: 'actions/callLog' });
    const tools = await api.actions.toolbox();
    expect(tools.label).toBe('tools');
    const post = await tools.read('2');
    expect(post.updatedAt).toEqual(new Date('2026-02-02T00:00:00.000Z'));
    expect(await tools.log()).toEqual([]);
  });

  it('call through the client they came through (its headers)', async () => {
    const seen: string[] = [];
    const traced = client.createClient({
      baseUrl: server.url,
      headers: { 'x-trace': 'traced' },
      hooks: { beforeRequest: [({ request }) => void seen.push(`${new URL(request.url).pathname} ${request.headers.get('x-trace') ?? ''}`)] },
    });
    const opened = await traced.actions.openPost('1');
    await opened.ping();
    expect(seen).toEqual(['/actions/actions/openPost traced', '/actions/posts/page/PostPage.ping traced']);
  });
});

describe('fromReference', () => {
  it('turns a reference passed by hand (JSON from any HTTP client) into a typed function', async () => {
    const raw = await rawOpenPost('1');
    const reference = (raw['edit'] as unknown[])[1];
    if (!isWireReference(reference)) throw new Error('no rename reference');
    client.configureClient({ baseUrl: server.url });
    try {
      const rename = client.fromReference<(title: string) => Promise<{ title: string; updatedAt: Date }>>(JSON.parse(JSON.stringify(reference)) as WireReference);
      const renamed = await rename('By hand');
      expect(renamed.title).toBe('By hand');
      expect(renamed.updatedAt).toBeInstanceOf(Date);
      const inspectReference = (raw['more'] as Record<string, unknown>)['inspect'];
      if (!isWireReference(inspectReference)) throw new Error('no inspect reference');
      const inspect = client.fromReference(inspectReference);
      expect(await inspect('by hand')).toMatchObject({ views: 9007199254740993n, since: new Date('2025-12-31T23:59:59.123Z') });
    } finally {
      client.configureClient({});
    }
    expect(await api.actions.callLog()).toEqual([
      { action: 'PostPage.rename', detail: '1:By hand' },
      { action: 'PostPage.details.inspect', detail: 'by hand' },
    ]);
  });

  it('calls the reference toReference wrote into a rendered page, outside any action call', async () => {
    const page = await (await fetch(new URL('/posts/2', server.url))).text();
    const action = /<form method="post" action="\/actions\/([^"]+)">/.exec(page)?.[1];
    const bound = /name="\$bound" value="([^"]+)"/.exec(page)?.[1];
    expect(action).toBe('posts/page/PostPage.updatePost');
    if (action === undefined || bound === undefined) throw new Error(`no form in\n${page}`);
    const update = client.fromReference<(form: FormData) => Promise<void>>({ $action: action, bound });
    const form = new FormData();
    form.set('title', 'From the page');
    client.configureClient({ baseUrl: server.url });
    try {
      await update(form);
    } finally {
      client.configureClient({});
    }
    expect((await api.actions.readPost('2')).title).toBe('From the page');
  });

  it('refuses a reference to an action this client does not know', () => {
    expect(() => client.fromReference({ $action: 'posts/page/PostPage.nothing' })).toThrow(/knows no action at 'posts\/page\/PostPage.nothing'/);
  });
});

describe('an inline action that captures nothing', () => {
  it('needs no seal and ignores one', async () => {
    expect(await postAction(server, 'posts/page/PostPage.ping', {})).toMatchObject({ status: 200, body: 'pong' });
    expect(await postAction(server, 'posts/page/PostPage.ping', { $bound: 'anything' })).toMatchObject({ status: 200, body: 'pong' });
    expect(await api.actions.callLog()).toHaveLength(2);
  });
});
