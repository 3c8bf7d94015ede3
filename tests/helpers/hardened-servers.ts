import { join } from 'node:path';
import type { ActionRouterOptions } from 'actionwire/server';
import { repoRoot } from './paths.js';
import { tspc } from './project.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export const hardenedDir = join(repoRoot, 'tests', 'fixtures', 'hardened');
export type HardenedClient = typeof import('../fixtures/hardened/src/generated/client/index.js');

let compiled = false;

/** Compiles the hardened fixture once per test file and starts it with these router options. */
export async function startHardened(options: ActionRouterOptions = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  if (!compiled) {
    const result = tspc(hardenedDir);
    if (result.status !== 0) throw new Error(result.output);
    compiled = true;
  }
  return startServerProcess(join(hardenedDir, 'dist', 'server.js'), { ROUTER_OPTIONS: JSON.stringify(options), NODE_OPTIONS: nodeArgs.join(' ') });
}

export async function hardenedClient(): Promise<HardenedClient> {
  return (await import(join(hardenedDir, 'dist', 'generated', 'client', 'index.js'))) as HardenedClient;
}
