import type { Browser } from 'playwright-core';
import { describeWithBrowser, launchChromium } from '../helpers/chromium.js';
import { startHardened } from '../helpers/hardened-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';

interface Outcome {
  ok: boolean;
  status?: number;
  /** the `cookie` the action saw (the `tag` cookie), when it answered */
  cookie?: string | null;
  error?: string;
  /** the cookies the browser holds for the API afterwards */
  stored: string[];
}

/**
 * What docs/cross-origin.md says each missing piece does, in headless Chromium: a page calls the hardened fixture's
 * actions on `http://localhost:<api port>` from `http://localhost:<page port>` (same site, another origin) or from
 * `http://127.0.0.1:<page port>` (another site). `whoami` reports the `tag` cookie it got; `remember` sets a
 * SameSite=Lax cookie `visible` (and a Strict one, `remembered`).
 */
describeWithBrowser('cross-origin calls with cookies, in headless Chromium', () => {
  let pages: ServerProcess;
  let withCredentials: ServerProcess;
  let withoutCredentials: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    pages = await startHardened();
    const pagePort = new URL(pages.url).port;
    const allowedOrigins = [`http://localhost:${pagePort}`, `http://127.0.0.1:${pagePort}`];
    [withCredentials, withoutCredentials] = await Promise.all([startHardened({ allowedOrigins, corsCredentials: true }), startHardened({ allowedOrigins })]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([withCredentials?.stop(), withoutCredentials?.stop(), pages?.stop()]);
  });

  /** From a page on `pageHost`, with the API's `tag` cookie already in the browser, calls `remember` then `whoami`. */
  async function call(pageHost: string, api: ServerProcess, credentials: RequestCredentials): Promise<Outcome> {
    const apiPort = new URL(api.url).port;
    const context = await browser.newContext();
    await context.addCookies([{ name: 'tag', value: 'from-the-jar', domain: 'localhost', path: '/', sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(`http://${pageHost}:${new URL(pages.url).port}/form`);
    const outcome = await page.evaluate(
      async ({ base, credentials }) => {
        const post = (action: string, body: unknown): Promise<Response> =>
          fetch(`${base}/actions/actions/${action}`, { method: 'POST', credentials, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        try {
          await post('remember', { value: 'r' });
          const response = await post('whoami', { tag: 't' });
          return { ok: true, status: response.status, cookie: ((await response.json()) as { cookie: string | null }).cookie };
        } catch (error) {
          return { ok: false, error: String(error) };
        }
      },
      { base: `http://localhost:${apiPort}`, credentials },
    );
    const stored = (await context.cookies(`http://localhost:${apiPort}/actions/`)).map((cookie) => cookie.name).filter((name) => name !== 'tag').sort();
    await context.close();
    return { ...outcome, stored };
  }

  it('all three pieces, same site: the action gets the cookie, and the cookies it sets are stored', async () => {
    expect(await call('localhost', withCredentials, 'include')).toEqual({ ok: true, status: 200, cookie: 'from-the-jar', stored: ['remembered', 'visible'] });
  });

  it('without credentials: include, the calls succeed without cookies: none sent, none stored', async () => {
    expect(await call('localhost', withCredentials, 'same-origin')).toEqual({ ok: true, status: 200, cookie: null, stored: [] });
  });

  it('without corsCredentials on the server, a credentialed call fails as a network error', async () => {
    expect(await call('localhost', withoutCredentials, 'include')).toEqual({ ok: false, error: 'TypeError: Failed to fetch', stored: [] });
  });

  it('from another site, SameSite=Lax cookies neither go nor come back', async () => {
    expect(await call('127.0.0.1', withCredentials, 'include')).toEqual({ ok: true, status: 200, cookie: null, stored: [] });
  });
});
