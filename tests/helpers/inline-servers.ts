import { join } from 'node:path';
import type { ActionRouterOptions } from 'actionwire/server';
import { repoRoot } from './paths.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export const inlineDir = join(repoRoot, 'tests', 'fixtures', 'inline');
const inlineServerScript = join(inlineDir, 'dist', 'server.js');
export type InlineClient = typeof import('../fixtures/inline/src/generated/client/index.js');

/** Seal secrets for the fixture's servers (each at least 32 characters). */
export const KEY_1 = 'inline-key-one-0123456789abcdefghijklmnop';
export const KEY_2 = 'inline-key-two-0123456789abcdefghijklmnop';
export const FOREIGN_KEY = 'inline-foreign-0123456789abcdefghijklmnop';

/** Starts the fixture's server (built by tests/setup/shared-builds.js) with these router options (and more environment, e.g. NODE_ENV, ACTIONWIRE_SECRET). */
export async function startInline(options: ActionRouterOptions = {}, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  return startServerProcess(inlineServerScript, { ACTIONWIRE_SECRET: '', NODE_ENV: 'test', ROUTER_OPTIONS: JSON.stringify(options), ...env });
}

export async function inlineClient(): Promise<InlineClient> {
  return (await import(join(inlineDir, 'dist', 'generated', 'client', 'index.js'))) as InlineClient;
}

/** A JSON POST to an action below /actions, answered as status, content type and parsed body. */
export async function postAction(server: ServerProcess, route: string, body: unknown): Promise<{ status: number; type: string | null; body: unknown }> {
  const response = await fetch(new URL(`/actions/${route}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
