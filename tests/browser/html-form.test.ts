import type { Browser } from 'playwright-core';
import { describeWithBrowser, launchChromium } from '../helpers/chromium.js';
import { startHardened } from '../helpers/hardened-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';

describeWithBrowser('a plain HTML form, in headless Chromium, without JavaScript', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startHardened();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function submit(formId: string, withFile: boolean): Promise<unknown> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // the post asks for JSON, as no browser's own navigation does, so that the page shows the action's answer
    // (a browser's form post goes back to /form: tests/browser/react-form.test.ts, tests/http/form-posts.test.ts)
    await page.route('**/actions/actions/upload', (route) => route.continue({ headers: { ...route.request().headers(), accept: 'application/json' } }));
    await page.goto(new URL('/form', server.url).href);
    if (withFile) {
      await page.setInputFiles(`#${formId} input[type=file]`, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello from a file') });
    }
    await Promise.all([page.waitForURL(/\/actions\/actions\/upload$/), page.click(`#${formId} button`)]);
    const text = await page.evaluate(() => document.body.innerText).catch(async () => page.content());
    await context.close();
    return JSON.parse(text);
  }

  it('posts multipart/form-data with a file to a FormData action', async () => {
    expect(await submit('multipart', true)).toEqual({
      fields: { title: 'Quarterly report' },
      files: [{ field: 'doc', name: 'notes.txt', type: 'text/plain', size: 17, text: 'hello from a file' }],
    });
  });

  it('posts application/x-www-form-urlencoded to the same action', async () => {
    expect(await submit('urlencoded', false)).toEqual({ fields: { city: 'Zürich & Genève' }, files: [] });
  });
});
