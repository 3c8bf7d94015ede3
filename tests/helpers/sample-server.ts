import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ChromiumPages } from './chromium.js';
import { repoRoot } from './paths.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export const sampleDir = join(repoRoot, 'sample');

/** Starts the built sample's server (built once by jest's globalSetup); a clear error when the build is missing. */
export function startSampleServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  for (const built of [join(sampleDir, 'dist', 'server.js'), join(sampleDir, 'dist', 'public', 'app.js')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: build the sample with \`node tests/setup/shared-builds.js\` (jest's globalSetup runs it)`);
  }
  return startServerProcess(join(sampleDir, 'dist', 'server.js'), env);
}

/** Goes to the sample's page and waits for its script to have hydrated it (and asked whoAmI()). */
export async function gotoHydrated(page: Page, sample: { url: string }): Promise<Page> {
  await page.goto(sample.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  return page;
}

/** The built sample served to a describe block's tests: its URL once the block's `beforeAll` has run. */
export interface ServedSample {
  readonly url: string;
}

/**
 * Registers the hooks of a describe block whose tests open the sample in Chromium: the sample's server and the browser
 * start before its tests, each test's pages close after it, and both stop after the block.
 */
export function serveSampleToChromium(chromium: ChromiumPages): ServedSample {
  let sample: ServerProcess | undefined;
  beforeAll(async () => {
    sample = await startSampleServer();
    await chromium.launch();
  });
  afterEach(() => chromium.closePages());
  afterAll(async () => {
    await chromium.close();
    await sample?.stop();
  });
  return {
    get url(): string {
      if (!sample) throw new Error('the sample is served from the describe block’s beforeAll on');
      return sample.url;
    },
  };
}
