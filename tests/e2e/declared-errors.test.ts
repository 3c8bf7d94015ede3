import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { redoclyLint } from '../helpers/redocly.js';
import { tspc, writeProject } from '../helpers/project.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

/** Actions whose errors come from their bodies, from project functions they call, and from a declaration. */
const files = {
  'src/lib/guards.ts': `import { ActionError } from 'actionwire/server';
export const TAKEN = 'name-taken' as const;
export function requireName(name: string): void {
  if (name === '') throw new ActionError(400, 'Give a name', { code: 'empty-name' });
  if (name === 'taken') throw new ActionError(409, 'That name is taken', { code: TAKEN });
}
export function statusFromUpstream(upstream: number): ActionError {
  return new ActionError(upstream, 'The payment provider declined', { code: 'card-declined' });
}
`,
  'src/actions.ts': `'use server';
import { ActionError, mayThrow } from 'actionwire/server';
import { requireName, statusFromUpstream } from './lib/guards.js';

export async function register(name: string): Promise<string> {
  requireName(name);
  if (name === 'robot') throw new ActionError(422, 'No robots', { code: 'robot' });
  return name;
}

export async function pay(amount: number): Promise<void> {
  mayThrow<ActionError<402, 'card-declined'> | ActionError<503, 'provider-down'>>();
  if (amount > 100) throw statusFromUpstream(402);
  if (amount < 0) throw new ActionError(503, 'provider db-7 is down', { code: 'provider-down' });
}

export async function plain(): Promise<void> {}
`,
  'src/server.ts': `import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { createActionRouter } from './generated/routes.js';
const app = new Koa();
app.use(createActionRouter({ onError: () => {} }).routes());
const server = app.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + (server.address() as AddressInfo).port + '/'));
`,
};

type ClientModule = typeof import('actionwire/client');
interface GeneratedActions {
  register(name: string): Promise<string>;
  pay(amount: number): Promise<void>;
  plain(): Promise<void>;
}
interface SafeAction {
  safe(...args: unknown[]): Promise<{ ok: boolean; error?: { status: number; code?: string } }>;
}

let dir: string;
let compileOutput: string;
let server: ServerProcess;
let client: ClientModule;
let actions: GeneratedActions;
let spec: { paths: Record<string, { post: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }>; components: object };

beforeAll(async () => {
  dir = writeProject('declared-errors', files);
  const compiled = tspc(dir);
  if (compiled.status !== 0) throw new Error(compiled.output);
  compileOutput = compiled.output;
  server = await startServerProcess(join(dir, 'dist', 'server.js'), { NODE_ENV: 'production' });
  client = (await import('actionwire/client')) as ClientModule;
  client.configureClient({ baseUrl: server.url });
  actions = (await import(join(dir, 'dist', 'generated', 'client', 'actions.js'))) as GeneratedActions;
  spec = JSON.parse(readFileSync(join(dir, 'src', 'generated', 'openapi.json'), 'utf8'));
});

afterAll(async () => {
  await server?.stop();
});

async function raw(action: string, body: unknown): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
  const response = await fetch(new URL(`/actions/actions/${action}`, server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
}

/** The emitted schema of one response of one action, compiled by ajv with the document's components. */
function responseValidator(action: string, status: number) {
  const response = spec.paths[`/actions/actions/${action}`]!.post.responses[String(status)]!;
  const schema = response.content!['application/problem+json']!.schema;
  return new Ajv2020({ strict: false }).compile({ ...schema, components: spec.components });
}

describe('declared errors, end to end', () => {
  it('compiles without warnings: every status is a literal or declared', () => {
    expect(compileOutput).not.toMatch(/computed-error-status/);
  });

  it('lists each action’s statuses in openapi.json, one problem+json response each, and redocly lints it clean', () => {
    const statuses = (action: string): string[] => Object.keys(spec.paths[`/actions/actions/${action}`]!.post.responses);
    expect(statuses('register')).toEqual(['200', '400', '409', '422', 'default']);
    expect(statuses('pay')).toEqual(['204', '400', '402', '503', 'default']);
    expect(statuses('plain')).toEqual(['204', '400', 'default']);
    const lint = redoclyLint(join(dir, 'src', 'generated', 'openapi.json'), ['security-defined']);
    expect(lint.output).toMatch(/Your API description is valid/);
    expect(lint.output).not.toMatch(/You have \d+ warning/);
    expect(lint.status).toBe(0);
  });

  it.each([
    ['register', [''], 400, 'empty-name'],
    ['register', ['taken'], 409, 'name-taken'],
    ['register', ['robot'], 422, 'robot'],
    ['pay', [500], 402, 'card-declined'],
    ['pay', [-1], 503, 'provider-down'],
  ])('%s(%j) answers %i with code %s over raw HTTP, a body the emitted schema accepts', async (action, args, status, code) => {
    const names = action === 'register' ? ['name'] : ['amount'];
    const answer = await raw(action, Object.fromEntries(names.map((name, index) => [name, args[index]])));
    expect(answer.status).toBe(status);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe(code);
    const validate = responseValidator(action, status);
    expect(validate(answer.body)).toBe(true);
    // the schema is strict about the code: another one fails it
    if (code !== undefined) expect(validate({ ...answer.body, code: 'something-else' })).toBe(false);
  });

  it('hides a declared 5xx error’s message in production and still sends its code', async () => {
    const answer = await raw('pay', { amount: -1 });
    expect(answer.body).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'provider-down', errorId: expect.any(String) });
  });

  it('keeps the validation 400 (with its errors list) valid for a 400 that also has declared codes', async () => {
    const answer = await raw('register', { name: 42 });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: '/name' })]);
    expect(responseValidator('register', 400)(answer.body)).toBe(true);
  });

  it('through the generated client: ActionError.is(error, action) is true for that action’s errors only', async () => {
    const error = await actions.register('taken').catch((caught: unknown) => caught);
    expect(client.ActionError.is(error)).toBe(true);
    expect(client.ActionError.is(error, actions.register)).toBe(true);
    expect(client.ActionError.is(error, (actions.register as unknown as { with(options: object): object }).with({ timeout: 1000 }) as never)).toBe(true);
    expect(client.ActionError.is(error, actions.pay)).toBe(false);
    expect(client.ActionError.is(new Error('x'), actions.register)).toBe(false);
    expect(error).toMatchObject({ status: 409, code: 'name-taken', route: '/actions/actions/register' });
  });

  it('through safe(): the declared error as a value', async () => {
    const result = await (actions.pay as unknown as SafeAction).safe(500);
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ status: 402 });
    expect(client.ActionError.is(result.error, actions.pay)).toBe(true);
  });
});
