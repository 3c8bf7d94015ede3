import { join } from 'node:path';
import { tspc, writeProject } from '../helpers/project.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const files = {
  'src/actions.ts': `'use server';
import { ActionError, headers } from 'actionwire/server';

export async function explode(): Promise<string> {
  throw new Error('database password is hunter2');
}

export async function refuse(): Promise<string> {
  throw new ActionError(402, 'Pay first', { code: 'payment-required', headers: { 'Retry-After': '60' } });
}

export async function hidden(): Promise<string> {
  throw new ActionError(503, 'backend db-7 is down');
}

export async function lies(): Promise<{ id: number; name: string }> {
  return { id: 1 } as { id: number; name: string };
}

export async function agent(): Promise<string | null> {
  return headers().get('user-agent');
}
`,
  'src/server.ts': `import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { createActionRouter } from './generated/routes.js';
const app = new Koa();
const router = createActionRouter({ onError: (error, report) => console.log('LOGGED', report.errorId, report.route, String(error)) });
app.use(router.routes());
const server = app.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + (server.address() as AddressInfo).port + '/'));
`,
};

let development: ServerProcess;
let production: ServerProcess;

beforeAll(async () => {
  const dir = writeProject('server-errors', files);
  const compiled = tspc(dir);
  if (compiled.status !== 0) throw new Error(compiled.output);
  development = await startServerProcess(join(dir, 'dist', 'server.js'), { NODE_ENV: 'development' });
  production = await startServerProcess(join(dir, 'dist', 'server.js'), { NODE_ENV: 'production' });
});

afterAll(async () => {
  await development?.stop();
  await production?.stop();
});

async function call(server: ServerProcess, action: string): Promise<{ status: number; type: string | null; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(new URL(`/actions/actions/${action}`, server.url), { method: 'POST' });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

describe('unexpected errors', () => {
  it('are a 500 with an error id that the log line also has, and no message or stack in production', async () => {
    const result = await call(production, 'explode');
    expect(result.status).toBe(500);
    expect(result.type).toMatch(/^application\/problem\+json/);
    expect(result.body).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(result.body)).not.toMatch(/hunter2|at /);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(production.output()).toContain(`LOGGED ${String(result.body.errorId)} actions/explode Error: database password is hunter2`);
  });

  it('carry the message in development', async () => {
    const result = await call(development, 'explode');
    expect(result.status).toBe(500);
    expect(result.body.detail).toBe('database password is hunter2');
  });

  it('include a return value that breaks its declared type: a 500 naming the place, never malformed JSON', async () => {
    const result = await call(development, 'lies');
    expect(result.status).toBe(500);
    expect(result.body.detail).toBe("the action's value does not match its declared return type at return value.name: expected a string, got undefined");
  });
});

describe('ActionError', () => {
  it('sends its status, message, code and headers', async () => {
    const result = await call(production, 'refuse');
    expect(result.status).toBe(402);
    expect(result.body).toEqual({ type: 'about:blank', title: 'Payment Required', status: 402, detail: 'Pay first', code: 'payment-required' });
    expect(result.headers.get('retry-after')).toBe('60');
  });

  it('does not expose a 5xx message unless asked to', async () => {
    const result = await call(production, 'hidden');
    expect(result.status).toBe(503);
    expect(result.body).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503, errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});

describe('the request context', () => {
  it('gives the action the request headers', async () => {
    const response = await fetch(new URL('/actions/actions/agent', production.url), { method: 'POST', headers: { 'user-agent': 'actionwire-test/1' } });
    expect(await response.json()).toBe('actionwire-test/1');
  });
});
