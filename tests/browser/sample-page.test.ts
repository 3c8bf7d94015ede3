import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ChromiumPages, describeWithBrowser, shown } from '../helpers/chromium.js';
import { repoRoot } from '../helpers/paths.js';
import { gotoHydrated, sampleDir, startSampleServer } from '../helpers/sample-server.js';
import type { ServerProcess } from '../helpers/server-process.js';
/** Where the screenshots go after every run; UPDATE_SCREENSHOTS=1 also copies the README's two into docs/. */
const artifactsDir = join(repoRoot, 'tests', '.artifacts');
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Outcome {
  ok: boolean;
  status?: number;
  body?: unknown;
  error?: string;
}

/** Saves a screenshot under tests/.artifacts/, and with UPDATE_SCREENSHOTS=1 also as docs/<readmeName> for the README. */
async function screenshot(page: Page, name: string, options: { fullPage: boolean; readmeName?: string }): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, name);
  await page.screenshot({ path: file, fullPage: options.fullPage });
  if (options.readmeName && process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(repoRoot, 'docs', options.readmeName));
}

/** Each row of the users table as its cells' text. */
function userRows(page: Page): Promise<string[][]> {
  return page.$$eval('tr[data-testid="user-row"]', (rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')));
}

function feedbackItems(page: Page): Promise<string[]> {
  return page.$$eval('li[data-testid="feedback-item"]', (items) => items.map((item) => item.textContent ?? ''));
}

/** A page on another origin: the same blank HTML page for every path, on 127.0.0.1 (also reachable as localhost). */
async function startOtherOrigin(): Promise<{ port: number; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><meta charset="utf-8"><title>another origin</title><link rel="icon" href="data:,"><p>a page on another origin</p></html>');
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

/**
 * The sample's web page and API reference in headless Chromium, against the sample's server as a process (built by
 * tests/setup/shared-builds.js before the tests: tspc -p sample/tsconfig.json, then sample/scripts/build-web.js (vite build) for the page's script).
 * The server's ALLOWED_ORIGINS names one page of another origin, `http://127.0.0.1:<port>`; the same page
 * opened as `http://localhost:<port>` is an origin it does not allow.
 */
describeWithBrowser('the sample page in headless Chromium', () => {
  let sample: ServerProcess;
  let otherOrigin: { port: number; server: Server };
  const chromium = new ChromiumPages();

  function openPage(options: { javaScriptEnabled?: boolean; width?: number; height?: number } = {}): Promise<Page> {
    return chromium.newPage({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 900, height: options.height ?? 600 } });
  }

  /** Opens the sample's page and waits for its script to have run and asked whoAmI(). */
  async function openSamplePage(): Promise<Page> {
    return gotoHydrated(await openPage(), sample);
  }

  beforeAll(async () => {
    otherOrigin = await startOtherOrigin();
    sample = await startSampleServer({ ALLOWED_ORIGINS: `http://127.0.0.1:${otherOrigin.port}` });
    await chromium.launch();
  });
  afterEach(() => chromium.closePages());
  afterAll(async () => {
    await chromium.close();
    await sample?.stop();
    await new Promise<void>((resolve) => (otherOrigin ? otherOrigin.server.close(() => resolve()) : resolve()));
  });

  it('signs in, creates a user and lists both (their dates revived), then, signed out, shows the action’s 401', async () => {
    const page = await openSamplePage();
    expect(await shown(page, '#session-status', 'Signed out')).toBe('Signed out');

    await page.fill('#sign-in-email', ADMIN.email);
    await page.fill('#sign-in-password', ADMIN.password);
    await page.click('#sign-in-submit');
    expect(await shown(page, '#notice', 'Welcome, Ada Admin')).toBe('Welcome, Ada Admin');
    expect(await shown(page, '#session-status', 'Signed in as Ada Admin (admin)')).toBe('Signed in as Ada Admin (admin)');
    expect(await page.getAttribute('#session-status', 'data-signed-in')).toBe('true');
    expect(await page.isVisible('#sign-in-form')).toBe(false);

    await page.fill('#new-user-name', 'Grace Hopper');
    await page.fill('#new-user-email', 'grace@example.com');
    await page.fill('#new-user-password', 'a-long-password');
    await page.selectOption('#new-user-role', 'member');
    await page.click('#create-user-submit');
    expect(await shown(page, '#notice', 'Created user #2 Grace Hopper (member)')).toBe('Created user #2 Grace Hopper (member)');

    // errors createUser declares, shown by their codes (ActionError.is(error, createUser) in create-user-form.tsx)
    await page.fill('#new-user-name', 'Grace Again');
    await page.fill('#new-user-email', 'grace@example.com');
    await page.fill('#new-user-password', 'a-long-password');
    await page.click('#create-user-submit');
    expect(await shown(page, '#error', 'That email already has an account (email-taken)')).toBe('That email already has an account (email-taken)');
    await page.fill('#new-user-email', 'someone@example.com');
    await page.fill('#new-user-password', 'short');
    await page.click('#create-user-submit');
    expect(await shown(page, '#error', 'Choose a password of at least 8 characters (weak-password)')).toBe('Choose a password of at least 8 characters (weak-password)');

    // signed in, the note carries her name (what the README's screenshot shows under Feedback)
    await page.fill('#feedback-message', 'Sent through the generated client');
    await page.click('#feedback-submit');
    expect(await shown(page, '#notice', 'Thanks for the feedback')).toBe('Thanks for the feedback');
    expect(await feedbackItems(page)).toEqual(['Sent through the generated client — Ada Admin']);

    await page.click('#list-users');
    expect(await shown(page, '#notice', '2 users')).toBe('2 users');
    expect(await page.isVisible('#users-table')).toBe(true);
    expect(await userRows(page)).toEqual([
      ['1', 'Ada Admin', 'admin@example.com', 'admin', expect.stringMatching(DATE)],
      ['2', 'Grace Hopper', 'grace@example.com', 'member', expect.stringMatching(DATE)],
    ]);
    expect(await page.isHidden('#error')).toBe(true);
    await screenshot(page, 'sample-page.png', { fullPage: true, readmeName: 'sample-page.png' });

    await page.click('#sign-out');
    expect(await shown(page, '#session-status', 'Signed out')).toBe('Signed out');
    expect(await page.getAttribute('#session-status', 'data-signed-in')).toBe('false');
    expect(await page.isHidden('#users-table')).toBe(true);

    await page.click('#list-users');
    expect(await shown(page, '#error', '401 Unauthorized — Sign in first')).toBe('401 Unauthorized — Sign in first');
    expect(await page.getAttribute('#error', 'role')).toBe('alert');
    expect(await page.isHidden('#notice')).toBe(true);
    expect(await userRows(page)).toEqual([]);
    await screenshot(page, 'sample-page-error.png', { fullPage: true });
  });

  it('posts the feedback form without JavaScript: a 303 back to the page, which lists the note', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(sample.url);
    expect(await page.getAttribute('#feedback-form', 'data-enhanced')).toBeNull();
    expect((await page.getAttribute('#feedback-form', 'method'))?.toLowerCase()).toBe('post');
    expect(await page.isDisabled('#list-users')).toBe(true);

    await page.fill('#feedback-message', 'Posted <without> JavaScript & well');
    const [landed] = await Promise.all([page.waitForNavigation(), page.click('#feedback-submit')]);
    const post = landed?.request().redirectedFrom();
    expect(post?.method()).toBe('POST');
    expect(post?.url()).toBe(new URL('/actions/app/feedback/sendFeedback', sample.url).href);
    expect((await post?.response())?.status()).toBe(303);
    expect(landed?.status()).toBe(200);
    expect(page.url()).toBe(sample.url);
    expect((await feedbackItems(page))[0]).toBe('Posted <without> JavaScript & well — anonymous');
    await screenshot(page, 'sample-page-without-javascript.png', { fullPage: true });
  });

  it('sends the same form through the generated client with JavaScript: no navigation, the note appears', async () => {
    const page = await openSamplePage();
    expect(await page.getAttribute('#feedback-form', 'data-enhanced')).toBe('true');
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    await page.fill('#feedback-message', 'Sent with JavaScript');
    const [call] = await Promise.all([page.waitForResponse((response) => response.url().endsWith('/actions/app/feedback/sendFeedback')), page.click('#feedback-submit')]);
    expect(call.status()).toBe(200);
    expect(call.headers()['content-type']).toMatch(/^application\/json/);
    expect(call.request().resourceType()).toBe('fetch');
    expect((await call.request().allHeaders())['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(await call.json()).toMatchObject({ message: 'Sent with JavaScript', author: null });
    expect(await shown(page, '#notice', 'Thanks for the feedback')).toBe('Thanks for the feedback');
    expect((await feedbackItems(page))[0]).toBe('Sent with JavaScript — anonymous');
    expect(await page.inputValue('#feedback-message')).toBe('');
    expect(navigations).toEqual([]);
    expect(page.url()).toBe(sample.url);
  });

  describe('CORS: a page of another origin calls an action with fetch', () => {
    const signIn = (): string => new URL('/actions/app/session/signIn', sample.url).href;

    /** Opens the other origin's page under `host` and posts JSON to the sample's signIn from there. */
    async function callFrom(host: string): Promise<Outcome> {
      const page = await openPage();
      await page.goto(`http://${host}:${otherOrigin.port}/`);
      return page.evaluate(
        async ({ target, body }): Promise<Outcome> => {
          try {
            const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
            return { ok: true, status: response.status, body: await response.json() };
          } catch (error) {
            return { ok: false, error: String(error) };
          }
        },
        { target: signIn(), body: ADMIN },
      );
    }

    /** From the other origin's page under `host`, posts a form to sendFeedback as `mode: 'no-cors'` (an opaque answer): the status the server gave. */
    async function postFormFrom(host: string, message: string): Promise<number> {
      const page = await openPage();
      await page.goto(`http://${host}:${otherOrigin.port}/`);
      const target = new URL('/actions/app/feedback/sendFeedback', sample.url).href;
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url() === target),
        page.evaluate(async ({ target, message }) => void (await fetch(target, { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ message }) })), { target, message }),
      ]);
      return answer.status();
    }

    it('an origin in ALLOWED_ORIGINS reads the answer', async () => {
      expect(await callFrom('127.0.0.1')).toEqual({
        ok: true,
        status: 200,
        body: { id: 1, name: 'Ada Admin', email: ADMIN.email, role: 'admin', joinedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
      });
    });

    it('another origin is refused: its fetch fails, and a form post it sends anyway gets 403 and changes nothing', async () => {
      expect(await callFrom('localhost')).toEqual({ ok: false, error: expect.stringContaining('Failed to fetch') });

      // a "simple" form post needs no preflight: the browser sends it, and the server itself must refuse it
      expect(await postFormFrom('localhost', 'from a refused origin')).toBe(403);
      expect(await postFormFrom('127.0.0.1', 'from an allowed origin')).toBe(200);
      const home = await (await fetch(sample.url)).text();
      expect(home).not.toContain('from a refused origin');
      expect(home).toContain('from an allowed origin');
    });
  });

  it('renders the API reference at /docs with every action of openapi.json', async () => {
    const spec = JSON.parse(readFileSync(join(sampleDir, 'generated', 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.length).toBeGreaterThan(0);

    const page = await openPage({ width: 1280, height: 900 });
    await page.goto(sample.url);
    await Promise.all([page.waitForURL(new URL('/docs', sample.url).href), page.click('#docs-link')]);
    await page.waitForSelector('#swagger-ui .opblock', { timeout: 15000 });
    await page.waitForFunction((count) => document.querySelectorAll('#swagger-ui .opblock').length >= count, operations.length);
    const rendered = await page.$$eval('#swagger-ui .opblock', (blocks) =>
      blocks.map((block) => {
        const method = block.querySelector('.opblock-summary-method')?.textContent ?? '';
        const path = block.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '';
        return `${method} ${path}`;
      }),
    );
    expect([...rendered].sort()).toEqual([...operations].sort());
    await screenshot(page, 'api-reference.png', { fullPage: false, readmeName: 'api-reference.png' });
  });
});
