import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
export async function gotoHydrated(page: Page, sample: ServerProcess): Promise<Page> {
  await page.goto(sample.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  return page;
}
