import { KEY_1, postAction, startInline } from '../helpers/inline-servers.js';
import { readRenderedForm, submitRenderedForm } from '../helpers/rendered-form.js';
import type { ServerProcess } from '../helpers/server-process.js';

/**
 * React's server rendering of actions (the compiled inline fixture, its pages under /react/): `renderToString`
 * of a form whose action is a file-level FormData action, `prerender` of an async page whose form's action
 * is an inline action capturing the post's id. The markup's forms, posted as a browser without JavaScript
 * posts them, run the actions (with the captured value) and bring the browser back to the page.
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

async function html(path: string): Promise<string> {
  const response = await fetch(new URL(path, server.url));
  expect(response.status).toBe(200);
  return response.text();
}

async function calls(): Promise<unknown> {
  return (await postAction(server, 'actions/callLog', {})).body;
}

describe('a file-level FormData action, rendered with renderToString', () => {
  it('renders a multipart POST form to the action’s URL, with React’s hidden name field and no seal', async () => {
    const markup = await html('/react/subscribe');
    expect(markup).toContain('<form id="subscribe" action="/actions/forms/actions/subscribe" encType="multipart/form-data" method="POST"><input type="hidden" name="$action"/>');
    expect(markup).not.toContain('$bound');
    expect(markup).not.toContain('javascript:');
  });

  it('runs when its markup is posted as a browser posts it, and sends the browser back to the page', async () => {
    const form = readRenderedForm(await html('/react/subscribe'), 'subscribe');
    const referer = new URL('/react/subscribe', server.url).href;
    const response = await submitRenderedForm(server.url, form, { email: 'ada@example.com' }, { referer });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/react/subscribe');
    // the action saw its own fields, not React's `$action`
    expect(await calls()).toEqual([{ action: 'subscribe', detail: 'ada@example.com|email,password,fail,next' }]);
  });

  it('follows a same-origin redirect the action set (getContext().redirect)', async () => {
    const form = readRenderedForm(await html('/react/subscribe'), 'subscribe');
    const response = await submitRenderedForm(server.url, form, { email: 'a@example.com', next: '/thanks?from=form' }, { referer: new URL('/react/subscribe', server.url).href });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/thanks?from=form');
  });
});

describe('an inline action capturing the post id, in an async page rendered with prerender', () => {
  it('renders the form with the sealed captured values in a hidden $bound field', async () => {
    const markup = await html('/react/posts/2');
    expect(markup).toMatch(
      /<form id="edit" action="\/actions\/posts\/page\/PostPage\.updatePost" encType="multipart\/form-data" method="POST"><input type="hidden" name="\$action"\/><input type="hidden" name="\$bound" value="v1\.[A-Za-z0-9_.-]+"\/>/,
    );
  });

  it('runs with the captured id when the markup’s form is posted, and the page shows the change', async () => {
    const form = readRenderedForm(await html('/react/posts/2'), 'edit');
    const response = await submitRenderedForm(server.url, form, { title: 'Renamed <2>' }, { referer: new URL('/react/posts/2', server.url).href });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/react/posts/2');
    expect(await calls()).toEqual([{ action: 'PostPage.updatePost', detail: '2:Renamed <2>' }]);
    expect(await html('/react/posts/2')).toContain('<h1 id="title">Renamed &lt;2&gt;</h1>');
  });

  it('renders a button’s formAction (a file-level action) with its name, URL, method and encoding', async () => {
    const markup = await html('/react/posts/1');
    expect(markup).toContain('<button name="$action" formAction="/actions/forms/actions/subscribe" formEncType="multipart/form-data" formMethod="POST">Subscribe</button>');
    const form = readRenderedForm(markup, 'other', 'Subscribe');
    const response = await submitRenderedForm(server.url, form, {}, { referer: new URL('/react/posts/1', server.url).href });
    expect(response.status).toBe(303);
    expect(await calls()).toEqual([{ action: 'subscribe', detail: 'b@example.com|email' }]);
  });
});

describe('the router’s prefix', () => {
  let prefixed: ServerProcess;
  beforeAll(async () => {
    prefixed = await startInline({ secret: KEY_1, prefix: '/api' });
  });
  afterAll(async () => {
    await prefixed?.stop();
  });

  it('is in the URL every rendered form posts to, and the posts reach the actions', async () => {
    const markup = await (await fetch(new URL('/react/posts/1', prefixed.url))).text();
    expect(markup).toContain('<form id="edit" action="/api/actions/posts/page/PostPage.updatePost"');
    expect(markup).toContain('formAction="/api/actions/forms/actions/subscribe"');
    const response = await submitRenderedForm(prefixed.url, readRenderedForm(markup, 'edit'), { title: 'Via prefix' }, { referer: new URL('/react/posts/1', prefixed.url).href });
    expect(response.status).toBe(303);
    expect(await (await fetch(new URL('/react/posts/1', prefixed.url))).text()).toContain('<h1 id="title">Via prefix</h1>');
  });
});
