import type { Browser } from 'playwright-core';
import { describeWithBrowser, launchChromium } from '../helpers/chromium.js';
import { startHardened } from '../helpers/hardened-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';

interface Outcome {
  ok: boolean;
  status?: number;
  body?: unknown;
  error?: string;
}

/**
 * A page on one loopback origin calls actions on another server: `http://127.0.0.1:<page port>` is in
 * that server's `allowedOrigins`, `http://localhost:<page port>` is not.
 */
describeWithBrowser('CORS in headless Chromium', () => {
  let pages: ServerProcess;
  let api: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    pages = await startHardened();
    const pagePort = new URL(pages.url).port;
    api = await startHardened({ allowedOrigins: [`http://127.0.0.1:${pagePort}`], corsCredentials: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await pages?.stop();
  });

  /** Opens the page server's /form under `pageHost` and, from there, posts JSON to an action of the API server. */
  async function callFromPage(pageHost: string, action: string, body: unknown): Promise<Outcome> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://${pageHost}:${new URL(pages.url).port}/form`);
    const target = `http://localhost:${new URL(api.url).port}/actions/actions/${action}`;
    const outcome = await page.evaluate(
      async ({ target, body }): Promise<Outcome> => {
        try {
          const response = await fetch(target, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-tag': 't' }, body: JSON.stringify(body) });
          return { ok: true, status: response.status, body: await response.json() };
        } catch (error) {
          return { ok: false, error: String(error) };
        }
      },
      { target, body },
    );
    await context.close();
    return outcome;
  }

  it('an allowed origin calls an action (with a preflight, custom header and credentials) and reads the answer', async () => {
    expect(await callFromPage('127.0.0.1', 'echo', { profile: { name: 'from the page' } })).toEqual({ ok: true, status: 200, body: { name: 'from the page' } });
  });

  it('an allowed origin reads an error answer too', async () => {
    expect(await callFromPage('127.0.0.1', 'teapot', {})).toMatchObject({ ok: true, status: 418, body: { status: 418, detail: 'short and stout', code: 'teapot' } });
  });

  it('a disallowed origin is refused: the fetch fails', async () => {
    expect(await callFromPage('localhost', 'echo', { profile: { name: 'n' } })).toEqual({ ok: false, error: expect.stringContaining('Failed to fetch') });
  });
});
