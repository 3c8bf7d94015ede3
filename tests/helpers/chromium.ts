import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's chromium (CHROMIUM_PATH overrides): under CI a missing one fails the run, elsewhere the browser tests are skipped with a notice. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing; .ci/run installs it with apt-get install -y chromium`);
if (!haveChromium) console.warn(`skipping the browser test: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`);

export const describeWithBrowser = haveChromium ? describe : describe.skip;

/** Headless Chromium that talks to nothing but the pages it is sent to. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** One test file's Chromium: each page in a context of its own (its own cookies), every context closed after each test. */
export class ChromiumPages {
  private browser: Browser | undefined;
  private readonly contexts: BrowserContext[] = [];

  async launch(): Promise<void> {
    this.browser = await launchChromium();
  }

  async newPage(options: BrowserContextOptions = {}): Promise<Page> {
    if (!this.browser) throw new Error('ChromiumPages: launch() first');
    const context = await this.browser.newContext(options);
    this.contexts.push(context);
    return context.newPage();
  }

  /** for afterEach */
  async closePages(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
  }

  /** for afterAll */
  async close(): Promise<void> {
    await this.browser?.close();
  }
}

/**
 * The text `selector` shows once it is `expected` (or what it shows after 10 s, `(hidden)` when hidden), for an
 * `expect(...).toBe(...)` that prints both — and what #error says, when the element waited for is another one.
 */
export async function shown(page: Page, selector: string, expected: string): Promise<string> {
  const read = async (target: string): Promise<string> => {
    const locator = page.locator(target);
    return (await locator.isVisible()) ? (await locator.innerText()).trim() : '(hidden)';
  };
  const deadline = Date.now() + 10000;
  for (;;) {
    const text = await read(selector);
    if (text === expected || Date.now() > deadline) {
      return text === expected || selector === '#error' ? text : `${text} (#error: ${await read('#error')})`;
    }
    await page.waitForTimeout(25);
  }
}
