import type { Browser, Page } from 'playwright-core';
import { describeWithBrowser, launchChromium } from '../helpers/chromium.js';
import { KEY_1, postAction, startInline } from '../helpers/inline-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';

/** React forms rendered on the server (the inline fixture's /react/ pages), submitted by headless Chromium with JavaScript off. */
describeWithBrowser('server-rendered React forms in Chromium without JavaScript', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startInline({ secret: KEY_1 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    expect((await postAction(server, 'actions/reset', {})).status).toBe(204);
  });

  async function withPage(run: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await run(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it('saves a post through the inline action’s form and comes back to the page showing it', async () => {
    await withPage(async (page) => {
      await page.goto(new URL('/react/posts/1', server.url).href);
      await page.fill('#edit input[name=title]', 'Saved from Chromium');
      await Promise.all([page.waitForURL(/\/react\/posts\/1$/), page.click('#edit button')]);
      expect(await page.textContent('#title')).toBe('Saved from Chromium');
    });
  });

  it('comes back to the form after a failure with the problem shown and the fields refilled, but not the password', async () => {
    await withPage(async (page) => {
      await page.goto(new URL('/react/subscribe', server.url).href);
      await page.fill('input[name=email]', 'ada@example.com');
      await page.fill('input[name=password]', 'hunter2');
      await page.fill('input[name=fail]', '409');
      const answers: number[] = [];
      page.on('response', (response) => answers.push(response.status()));
      await Promise.all([page.waitForURL(/\/react\/subscribe$/), page.click('#send')]);
      expect(answers).toEqual([303, 200]);
      expect(await page.textContent('[role=alert]')).toBe('Conflict: Cannot subscribe ada@example.com (409)');
      expect(await page.inputValue('input[name=email]')).toBe('ada@example.com');
      expect(await page.inputValue('input[name=password]')).toBe('');
      // read once: a reload shows the form without the problem
      await page.reload();
      expect(await page.locator('[role=alert]').count()).toBe(0);
    });
  });
});
