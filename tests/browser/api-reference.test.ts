import type { Browser } from 'playwright-core';
import { describeWithBrowser, launchChromium } from '../helpers/chromium.js';
import { KEY_1, startInline } from '../helpers/inline-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';

/** The router's `docs` page (Swagger UI) in headless Chromium: everything from this server, no CSP violation, every operation, "Try it out" with the browser's cookies. */
describeWithBrowser('the API reference page in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startInline({ secret: KEY_1, prefix: '/api', docs: { title: 'Inline fixture API' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads with no CSP violation and no request off 127.0.0.1, shows every operation, and runs one with the session cookie', async () => {
    const context = await browser.newContext();
    const origin = new URL(server.url).origin;
    await context.addCookies([{ name: 'session', value: 'signed-in', url: origin }]);
    const page = await context.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${origin}/api/docs`);
    expect(await page.title()).toBe('Inline fixture API');
    await page.waitForSelector('.opblock');
    const spec = (await (await fetch(`${origin}/api/docs/openapi.json`)).json()) as { paths: Record<string, unknown>; servers: Array<{ url: string }> };
    expect(spec.servers).toEqual([{ url: '/api', description: 'the server that mounts the generated router' }]);
    expect(await page.locator('.opblock').count()).toBe(Object.keys(spec.paths).length);

    // "Try it out" on a zero-parameter action: the call goes to the prefixed URL with the browser's cookie
    const callLog = page.locator('.opblock', { has: page.locator('[data-path="/actions/actions/callLog"]') });
    await callLog.locator('.opblock-summary').click();
    await callLog.locator('.try-out__btn').click();
    const [call] = await Promise.all([page.waitForRequest((request) => request.url().endsWith('/api/actions/actions/callLog')), callLog.locator('.execute').click()]);
    expect(await call.headerValue('cookie')).toBe('session=signed-in');
    const status = callLog.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('200');

    expect(problems).toEqual([]);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    await context.close();
  });

  it('shows a typed form’s fields in "Try it out": a file picker for a file field, a text box for a text field', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${new URL(server.url).origin}/api/docs`);
    const upload = page.locator('.opblock', { has: page.locator('[data-path="/actions/forms/typed/upload"]') });
    await upload.locator('.opblock-summary').click();
    await upload.locator('.try-out__btn').click();
    const row = (name: string) => upload.locator('tr', { has: page.locator(`.parameter__name:text-is("${name}")`) });
    await row('title').waitFor();
    expect(await row('title').locator('input[type="text"]').count()).toBe(1);
    expect(await row('photo').locator('input[type="file"]').count()).toBe(1);
    await context.close();
  });
});

describe('the docs answers', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startInline({ secret: KEY_1, docs: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    ['/docs', 'text/html; charset=utf-8'],
    ['/docs/openapi.json', 'application/json; charset=utf-8'],
    ['/docs/start.js', 'text/javascript; charset=utf-8'],
    ['/docs/swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
    ['/docs/swagger-ui.css', 'text/css; charset=utf-8'],
  ])('%s: %s, with the CSP and nosniff', async (path, type) => {
    const response = await fetch(new URL(path, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self';/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the generated document as generated (no prefix: its servers unchanged), and nothing else of swagger-ui-dist', async () => {
    const served = await (await fetch(new URL('/docs/openapi.json', server.url))).json();
    const { readFile } = await import('node:fs/promises');
    const { inlineDir } = await import('../helpers/inline-servers.js');
    expect(served).toEqual(JSON.parse(await readFile(`${inlineDir}/src/generated/openapi.json`, 'utf8')));
    for (const path of ['/docs/index.html', '/docs/package.json', '/docs/swagger-initializer.js', '/docs/..%2Fpackage.json']) {
      expect((await fetch(new URL(path, server.url))).status).toBe(404);
    }
  });
});
