import type { Page } from 'playwright-core';
import { ChromiumPages, describeWithBrowser, shown } from '../helpers/chromium.js';
import { serveSampleToChromium } from '../helpers/sample-server.js';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };
/** The inline action's path as the client requests it ('[' and ']' are allowed in a path) and as the server renders it into a form's action. */
const UPDATE_ROUTE = '/actions/app/posts/[id]/page/PostPage.updatePost';
const UPDATE_FORM_ACTION = '/actions/app/posts/%5Bid%5D/page/PostPage.updatePost';

/**
 * The sample's React pages in headless Chromium, with JavaScript and without: sign-in (a form action), the post
 * page's EditPost form bound to the inline updatePost, pending and error state from useActionState, and the
 * no-JavaScript posts that come back to the page with the problem rendered by the server.
 */
describeWithBrowser("the sample's React pages in headless Chromium", () => {
  const chromium = new ChromiumPages();
  const sample = serveSampleToChromium(chromium);

  async function openPage(javaScriptEnabled: boolean, path: string): Promise<Page> {
    const page = await chromium.newPage({ javaScriptEnabled, viewport: { width: 900, height: 700 } });
    await page.goto(new URL(path, sample.url).href);
    if (javaScriptEnabled) await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    return page;
  }

  /** Signs in through the page's form, posted as the browser posts it (with or without JavaScript). */
  async function signIn(page: Page, password = ADMIN.password): Promise<void> {
    await page.fill('#sign-in-email', ADMIN.email);
    await page.fill('#sign-in-password', password);
    await page.click('#sign-in-submit');
  }

  describe('without JavaScript', () => {
    it('signs in with the form action: a 303 back to the page, which the server renders signed in', async () => {
      const page = await openPage(false, '/');
      const [landed] = await Promise.all([page.waitForNavigation(), signIn(page)]);
      expect((await landed?.request().redirectedFrom()?.response())?.status()).toBe(303);
      expect(page.url()).toBe(sample.url);
      expect(await shown(page, '#session-status', 'Signed in as Ada Admin (admin)')).toBe('Signed in as Ada Admin (admin)');
    });

    it('a wrong password comes back to the page with the 401 in #error and the email kept, never as JSON', async () => {
      const page = await openPage(false, '/');
      const [landed] = await Promise.all([page.waitForNavigation(), signIn(page, 'wrong password')]);
      expect(landed?.headers()['content-type']).toMatch(/^text\/html/);
      expect(page.url()).toBe(sample.url);
      expect(await shown(page, '#error', '401 Unauthorized — Wrong email or password')).toBe('401 Unauthorized — Wrong email or password');
      expect(await page.inputValue('#sign-in-email')).toBe(ADMIN.email);
      expect(await page.inputValue('#sign-in-password')).toBe('');
      expect(await shown(page, '#session-status', 'Signed out')).toBe('Signed out');
    });

    it('edits the post through the inline action: the form posts to its route with the sealed $bound', async () => {
      const page = await openPage(false, '/');
      await Promise.all([page.waitForNavigation(), signIn(page)]);
      await page.goto(new URL('/posts/1', sample.url).href);
      const form = page.locator('#edit-post-form');
      expect(await form.getAttribute('action')).toBe(UPDATE_FORM_ACTION);
      expect((await form.getAttribute('method'))?.toLowerCase()).toBe('post');
      expect(await form.getAttribute('enctype')).toBe('multipart/form-data');
      expect(await page.locator('#edit-post-form input[type="hidden"][name="$bound"]').getAttribute('value')).toMatch(/^v1\./);

      await page.fill('#edit-title', 'Edited <without> JavaScript');
      await page.fill('#edit-body', 'Posted as a plain form.');
      const [landed] = await Promise.all([page.waitForNavigation(), page.click('#edit-submit')]);
      expect((await landed?.request().redirectedFrom()?.response())?.status()).toBe(303);
      expect(new URL(page.url()).pathname).toBe('/posts/1');
      expect(await page.innerText('#post-title')).toBe('Edited <without> JavaScript');
      expect(await page.innerText('#post-body')).toBe('Posted as a plain form.');
    });

    it('signed out, the post comes back with the 401 rendered in the page and what was typed still in the form', async () => {
      const page = await openPage(false, '/posts/1');
      await page.fill('#edit-title', 'An anonymous edit');
      await Promise.all([page.waitForNavigation(), page.click('#edit-submit')]);
      expect(new URL(page.url()).pathname).toBe('/posts/1');
      expect(await shown(page, '#error', '401 Unauthorized — Sign in first')).toBe('401 Unauthorized — Sign in first');
      expect(await page.inputValue('#edit-title')).toBe('An anonymous edit');
      expect(await page.innerText('#post-title')).not.toBe('An anonymous edit');
    });
  });

  describe('with JavaScript (hydrated)', () => {
    it('signs in through the generated client without leaving the page', async () => {
      const page = await openPage(true, '/');
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => void (frame === page.mainFrame() && navigations.push(frame.url())));
      await signIn(page);
      expect(await shown(page, '#notice', 'Welcome, Ada Admin')).toBe('Welcome, Ada Admin');
      expect(await shown(page, '#session-status', 'Signed in as Ada Admin (admin)')).toBe('Signed in as Ada Admin (admin)');
      expect(navigations).toEqual([]);
    });

    it('saves the post through the revived inline action, with the pending state while the call runs', async () => {
      const page = await openPage(true, '/');
      await signIn(page);
      await shown(page, '#session-status', 'Signed in as Ada Admin (admin)');
      await page.goto(new URL('/posts/1', sample.url).href);
      await page.waitForSelector('html[data-ready="true"]');

      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route((url) => url.pathname === UPDATE_ROUTE, async (route) => {
        const response = await route.fetch();
        await held;
        await route.fulfill({ response });
      });
      await page.fill('#edit-title', 'Edited with JavaScript');
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === UPDATE_ROUTE);
      await page.click('#edit-submit');
      expect(await shown(page, '#edit-submit', 'Saving…')).toBe('Saving…');
      expect(await page.isDisabled('#edit-submit')).toBe(true);
      release();
      const call = await answered;
      expect(call.status()).toBe(200);
      expect(call.request().resourceType()).toBe('fetch');
      expect(await shown(page, '#notice', 'Saved')).toBe('Saved');
      expect(await page.innerText('#post-title')).toBe('Edited with JavaScript');
      expect(await page.isEnabled('#edit-submit')).toBe(true);
    });

    it.each([
      ['signed out', '', '401 Unauthorized — Sign in first'],
      ['a title of spaces', '   ', '422 Unprocessable Entity — The form needs a title'],
    ])('shows the action’s error in the page (%s)', async (_case, title, message) => {
      const page = await openPage(true, '/');
      if (title !== '') {
        await signIn(page);
        await shown(page, '#session-status', 'Signed in as Ada Admin (admin)');
      }
      await page.goto(new URL('/posts/1', sample.url).href);
      await page.waitForSelector('html[data-ready="true"]');
      await page.fill('#edit-title', title === '' ? 'Nobody may save this' : title);
      await page.click('#edit-submit');
      expect(await shown(page, '#error', message)).toBe(message);
      expect(await page.getAttribute('#error', 'role')).toBe('alert');
      expect(await page.isHidden('#notice')).toBe(true);
    });

    it('works from the keyboard: Tab to the title, type, Enter submits', async () => {
      const page = await openPage(true, '/');
      await page.focus('#sign-in-email');
      await page.keyboard.type(ADMIN.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(ADMIN.password);
      await page.keyboard.press('Enter');
      await shown(page, '#session-status', 'Signed in as Ada Admin (admin)');
      await page.goto(new URL('/posts/1', sample.url).href);
      await page.waitForSelector('html[data-ready="true"]');
      await page.focus('#edit-title');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Typed at the keyboard');
      await page.keyboard.press('Enter');
      expect(await shown(page, '#notice', 'Saved')).toBe('Saved');
      expect(await page.innerText('#post-title')).toBe('Typed at the keyboard');
    });
  });
});
