import { KEY_1, postAction, startInline } from '../helpers/inline-servers.js';
import { readRenderedForm, submitRenderedForm } from '../helpers/rendered-form.js';
import type { ServerProcess } from '../helpers/server-process.js';

/**
 * A browser's form post without JavaScript never lands on JSON: failures go back (303) to the same-origin
 * page the form was on, the problem and the form's text fields readable once by that page's server rendering
 * (`formProblem(ctx)`, the fixture's /react/subscribe shows it); with no such page, a small HTML page keeps
 * the status. JSON callers get today's answers.
 */

let server: ServerProcess;
beforeAll(async () => {
  // a field limit for the subscribe action, so that a 413 is one small form away (a body over a byte limit
  // is refused before it is read, and fetch may then fail with EPIPE while still writing it)
  server = await startInline({ secret: KEY_1, actions: { 'forms/actions/subscribe': { maxFields: 40 } } });
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  expect((await postAction(server, 'actions/reset', {})).status).toBe(204);
});

const PAGE = '/react/subscribe';
const referer = (): string => new URL(PAGE, server.url).href;
const url = (path: string): string => new URL(path, server.url).href;

async function subscribeForm() {
  return readRenderedForm(await (await fetch(url(PAGE))).text(), 'subscribe');
}

/** The form-problem cookie a 303 set (name=value), or undefined. */
function problemCookie(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('actionwire-form-problem='));
  return header?.split(';')[0];
}

/** The page as it renders with this cookie: its alert (status, code, text), the refilled fields, and whether it cleared the cookie. */
async function pageWith(cookie: string) {
  const response = await fetch(url(PAGE), { headers: { cookie } });
  const markup = await response.text();
  const alert = /<p role="alert" data-status="(\d+)" data-code="([^"]*)" data-truncated="(true|false)">([^<]*)<\/p>/.exec(markup);
  const form = readRenderedForm(markup, 'subscribe');
  return {
    alert: alert === null ? undefined : { status: Number(alert[1]), code: alert[2], truncated: alert[3] === 'true', text: alert[4] },
    fields: Object.fromEntries(form.fields),
    cleared: response.headers.getSetCookie().some((header) => /^actionwire-form-problem=;.*expires=Thu, 01 Jan 1970/i.test(header)),
  };
}

describe('a failed post goes back to its page, with the problem for its server rendering', () => {
  it.each([401, 403, 409, 422, 429, 503])('an ActionError %i', async (status) => {
    const response = await submitRenderedForm(server.url, await subscribeForm(), { email: 'ada@example.com', password: 'hunter2', fail: String(status) }, { referer: referer() });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(PAGE);
    expect(response.headers.get('content-type')).not.toMatch(/json/);
    const cookie = problemCookie(response);
    expect(cookie).toBeDefined();
    const page = await pageWith(cookie!);
    expect(page.alert?.status).toBe(status);
    expect(page.alert?.code).toBe(`app/failed-${status}`);
    expect(page.alert?.truncated).toBe(false);
    if (status < 500) expect(page.alert?.text).toContain(`Cannot subscribe ada@example.com (${status})`);
    // the text fields come back; the password never does
    expect(page.fields).toMatchObject({ email: 'ada@example.com', fail: String(status), password: '' });
    expect(cookie).not.toContain('hunter2');
    expect(page.cleared).toBe(true);
  });

  it('a thrown Error: 500', async () => {
    const response = await submitRenderedForm(server.url, await subscribeForm(), { email: 'a@example.com', crash: '1' }, { referer: referer() });
    expect(response.status).toBe(303);
    const page = await pageWith(problemCookie(response)!);
    expect(page.alert).toMatchObject({ status: 500, code: '' });
  });

  it('a form over the field limit: 413', async () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`extra${index}`, 'x']));
    const response = await submitRenderedForm(server.url, await subscribeForm(), { email: 'a@example.com', ...many }, { referer: referer() });
    expect(response.status).toBe(303);
    const page = await pageWith(problemCookie(response)!);
    expect(page.alert?.status).toBe(413);
  });

  it('a form posted to a JSON action: 415', async () => {
    const form = { ...(await subscribeForm()), action: '/actions/forms/actions/rename' };
    const response = await submitRenderedForm(server.url, form, { email: 'a@example.com' }, { referer: referer() });
    expect(response.status).toBe(303);
    expect((await pageWith(problemCookie(response)!)).alert?.status).toBe(415);
  });

  it('an unknown action: 404', async () => {
    const form = { ...(await subscribeForm()), action: '/actions/forms/actions/nothing' };
    const response = await submitRenderedForm(server.url, form, { email: 'a@example.com' }, { referer: referer() });
    expect(response.status).toBe(303);
    expect((await pageWith(problemCookie(response)!)).alert?.status).toBe(404);
  });

  it('a tampered $bound seal: 400 with its code', async () => {
    const form = readRenderedForm(await (await fetch(url('/react/posts/1'))).text(), 'edit');
    const response = await submitRenderedForm(server.url, form, { $bound: 'v1.forged.seal', title: 'x' }, { referer: referer() });
    expect(response.status).toBe(303);
    expect((await pageWith(problemCookie(response)!)).alert).toMatchObject({ status: 400, code: 'actionwire/bad-seal' });
  });
});

describe('the problem cookie', () => {
  it('is read once: the page clears it, and a browser keeping cookies sees the problem on the first render only', async () => {
    const response = await submitRenderedForm(server.url, await subscribeForm(), { email: 'a@example.com', fail: '409' }, { referer: referer() });
    const first = await fetch(url(PAGE), { headers: { cookie: problemCookie(response)! } });
    expect(await first.text()).toContain('role="alert"');
    // the browser applies the clearing Set-Cookie: the next render has no cookie
    expect(first.headers.getSetCookie()[0]).toMatch(/^actionwire-form-problem=;/);
    expect(await (await fetch(url(PAGE))).text()).not.toContain('role="alert"');
  });

  it('tampered, forged or foreign: no problem shown', async () => {
    const response = await submitRenderedForm(server.url, await subscribeForm(), { email: 'a@example.com', fail: '409' }, { referer: referer() });
    const [name, value] = problemCookie(response)!.split('=') as [string, string];
    const flipped = `${value.slice(0, -3)}${value.at(-3) === 'A' ? 'B' : 'A'}${value.slice(-2)}`;
    for (const cookie of [`${name}=${flipped}`, `${name}=v1.made.up`, `${name}={"problem":{"status":500,"title":"Pay here"}}`]) {
      const page = await pageWith(cookie);
      expect(page.alert).toBeUndefined();
    }
  });

  it('stays within a browser’s cookie size: errors and field values are cut, and the problem says so', async () => {
    const long = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`field${index}`, 'é'.repeat(120)]));
    const response = await submitRenderedForm(server.url, await subscribeForm(), { ...long, email: 'ü'.repeat(600), fail: '422' }, { referer: referer() });
    expect(response.status).toBe(303);
    const cookie = problemCookie(response)!;
    expect(cookie.length).toBeLessThan(4000);
    const page = await pageWith(cookie);
    expect(page.alert).toMatchObject({ status: 422, truncated: true });
    expect(page.fields['email']!.length).toBeLessThan(600);
  });
});

describe('no same-origin page to go back to', () => {
  it('without a Referer: an HTML page with the status, the problem escaped, a link back', async () => {
    const response = await submitRenderedForm(server.url, await subscribeForm(), { email: '<script>alert(1)</script>', fail: '409' });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await response.text();
    expect(page).toContain('<h1>Conflict</h1>');
    expect(page).toContain('Cannot subscribe &lt;script&gt;alert(1)&lt;/script&gt; (409)');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<a href="/">');
    expect(problemCookie(response)).toBeUndefined();
  });

  it('a cross-origin Referer: no redirect off-site, on failure or success, nor to an off-site Location the action set', async () => {
    const failed = await submitRenderedForm(server.url, await subscribeForm(), { email: 'a@example.com', fail: '403' }, { referer: 'https://evil.example/phish' });
    expect(failed.status).toBe(403);
    expect(failed.headers.get('location')).toBeNull();
    expect(await failed.text()).toContain('<h1>Forbidden</h1>');

    const succeeded = await submitRenderedForm(server.url, await subscribeForm(), { email: 'a@example.com' }, { referer: 'https://evil.example/phish' });
    expect(succeeded.status).toBe(200);
    expect(succeeded.headers.get('location')).toBeNull();
    expect(await succeeded.text()).toContain('<h1>Sent</h1>');

    const offsite = await submitRenderedForm(server.url, await subscribeForm(), { email: 'a@example.com', next: 'https://evil.example/' }, { referer: referer() });
    expect(offsite.status).toBe(303);
    expect(offsite.headers.get('location')).toBe(PAGE);
  });
});

describe('JSON callers', () => {
  it('get today’s answers to the same form: 204 on success, problem+json on failure, no redirect, no cookie', async () => {
    const form = await subscribeForm();
    const ok = await submitRenderedForm(server.url, form, { email: 'a@example.com' }, { accept: 'application/json', referer: referer() });
    expect(ok.status).toBe(204);
    const failed = await submitRenderedForm(server.url, form, { email: 'a@example.com', fail: '409' }, { accept: 'application/json', referer: referer() });
    expect(failed.status).toBe(409);
    expect(failed.headers.get('content-type')).toBe('application/problem+json');
    expect(await failed.json()).toMatchObject({ status: 409, code: 'app/failed-409' });
    expect(problemCookie(failed)).toBeUndefined();
    // fetch's default Accept (*/*) is no browser form post either
    const plain = await submitRenderedForm(server.url, form, { fail: '409' }, { accept: '*/*', referer: referer() });
    expect(plain.status).toBe(409);
  });
});
