import { join } from 'node:path';
import type { ActionRouterOptions } from 'actionwire/server';
import { repoRoot } from './paths.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export const hardenedDir = join(repoRoot, 'tests', 'fixtures', 'hardened');
export type HardenedClient = typeof import('../fixtures/hardened/src/generated/client/index.js');

/** Starts the hardened fixture (built by tests/setup/shared-builds.js) with these router options. */
export async function startHardened(options: ActionRouterOptions = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  return startServerProcess(join(hardenedDir, 'dist', 'server.js'), { ROUTER_OPTIONS: JSON.stringify(options), NODE_OPTIONS: nodeArgs.join(' ') });
}

export async function hardenedClient(): Promise<HardenedClient> {
  return (await import(join(hardenedDir, 'dist', 'generated', 'client', 'index.js'))) as HardenedClient;
}
