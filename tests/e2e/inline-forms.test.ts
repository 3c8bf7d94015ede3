import { rawRequest } from '../helpers/raw-http.js';
import { KEY_1, postAction, startInline } from '../helpers/inline-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';

/**
 * The no-JavaScript flow of the compiled inline fixture: GET /posts/:id renders a plain HTML form posting to
 * the page's inline form action, its captured post id sealed in a hidden `$bound` field (toReference outside
 * any action call); posting the form as a browser would (same Origin, urlencoded or multipart) updates the post.
 */

let server: ServerProcess;
beforeAll(async () => {
  server = await startInline({ secret: KEY_1 });
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  expect((await postAction(server, 'actions/reset', {})).status).toBe(204);
});

interface PageForm {
  action: string;
  bound: string;
  title: string | undefined;
}

function decodeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)));
}

async function page(id: string): Promise<{ html: string; form: PageForm; heading: string | undefined }> {
  const response = await rawRequest(new URL(`/posts/${id}`, server.url).href, { method: 'GET' });
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  const html = response.text;
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  const bound = /<input type="hidden" name="\$bound" value="([^"]*)">/.exec(html)?.[1];
  if (action === undefined || bound === undefined) throw new Error(`no form with a $bound field in\n${html}`);
  const title = /<input name="title" value="([^"]*)">/.exec(html)?.[1];
  const heading = /<h1 id="title">([^<]*)<\/h1>/.exec(html)?.[1];
  return { html, form: { action, bound: decodeHtml(bound), title: title === undefined ? undefined : decodeHtml(title) }, heading: heading === undefined ? undefined : decodeHtml(heading) };
}

/** What a browser sends for the form: its fields, with the page's Origin. */
function sameOrigin(): string {
  return new URL(server.url).origin;
}

async function multipart(fields: Array<[string, string]>): Promise<{ type: string; body: Buffer }> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const encoded = new Response(form);
  return { type: encoded.headers.get('content-type') ?? '', body: Buffer.from(await encoded.arrayBuffer()) };
}

describe('the page form without JavaScript', () => {
  it('posts to the inline action with its seal in a hidden field', async () => {
    const { form, heading } = await page('1');
    expect(form.action).toBe('/actions/posts/page/PostPage.updatePost');
    expect(form.bound).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(form.title).toBe('Hello');
    expect(heading).toBe('Hello');
  });

  it('updates the post when posted urlencoded from the same origin; the page then shows it', async () => {
    const { form } = await page('1');
    const body = new URLSearchParams([
      ['$bound', form.bound],
      ['title', 'Zürich & Genève <ok>'],
      ['body', 'Edited without JavaScript'],
    ]).toString();
    const response = await rawRequest(new URL(form.action, server.url).href, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: sameOrigin() },
      body,
    });
    expect(response.status).toBe(204);
    const after = await page('1');
    expect(after.heading).toBe('Zürich & Genève <ok>');
    expect(after.html).toContain('<p id="body">Edited without JavaScript</p>');
    expect(after.html).not.toContain('<ok>');
    expect((await page('2')).heading).toBe('Second');
    expect((await postAction(server, 'actions/callLog', {})).body).toEqual([{ action: 'PostPage.updatePost', detail: '1:Zürich & Genève <ok>' }]);
  });

  it('updates the post when posted as multipart/form-data (the $bound field last, as any field order works)', async () => {
    const { form } = await page('2');
    const encoded = await multipart([
      ['title', 'Multipart title'],
      ['body', 'Multipart body'],
      ['$bound', form.bound],
    ]);
    const response = await rawRequest(new URL(form.action, server.url).href, { headers: { 'content-type': encoded.type, origin: sameOrigin() }, body: encoded.body });
    expect(response.status).toBe(204);
    expect((await page('2')).heading).toBe('Multipart title');
    expect((await page('1')).heading).toBe('Hello');
  });

  it('keeps working after the page is rendered again (every render seals afresh, every seal opens)', async () => {
    const first = await page('1');
    const second = await page('1');
    expect(second.form.bound).not.toBe(first.form.bound);
    for (const [index, { form }] of [first, second].entries()) {
      const body = new URLSearchParams([
        ['$bound', form.bound],
        ['title', `Render ${index}`],
      ]).toString();
      const response = await rawRequest(new URL(form.action, server.url).href, { headers: { 'content-type': 'application/x-www-form-urlencoded', origin: sameOrigin() }, body });
      expect(response.status).toBe(204);
    }
    expect((await page('1')).heading).toBe('Render 1');
  });

  it('refuses a cross-site post of the same form (403), and the post stays as it was', async () => {
    const { form } = await page('1');
    const body = new URLSearchParams([
      ['$bound', form.bound],
      ['title', 'Forged'],
    ]).toString();
    const response = await rawRequest(new URL(form.action, server.url).href, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.test' },
      body,
    });
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await page('1')).heading).toBe('Hello');
    expect((await postAction(server, 'actions/callLog', {})).body).toEqual([]);
  });

  it('refuses the form without its hidden field, or with the seal of the other post’s page edited in', async () => {
    const { form } = await page('1');
    const other = await page('2');
    const spliced = [...form.bound.split('.').slice(0, 3), other.form.bound.split('.')[3]].join('.');
    for (const bound of [undefined, spliced]) {
      const fields: Array<[string, string]> = [['title', 'Forged']];
      if (bound !== undefined) fields.push(['$bound', bound]);
      const response = await rawRequest(new URL(form.action, server.url).href, {
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: sameOrigin() },
        body: new URLSearchParams(fields).toString(),
      });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 400, code: 'actionwire/bad-seal' });
    }
    expect((await page('1')).heading).toBe('Hello');
    expect((await postAction(server, 'actions/callLog', {})).body).toEqual([]);
  });
});
