/** A small project whose actions the call-options tests call through its generated client, served by its own Koa. */

export const callsModule = `'use server';
import { headers, signal } from 'actionwire/server';

const states = new Map<string, string>();

/** Waits \`ms\` milliseconds, or until the client goes away (its signal() aborts first); \`id\` names the call for slowState. */
export async function slow(ms: number, id: string): Promise<string> {
  states.set(id, 'running');
  const cancelled = signal();
  const state = await new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve('finished'), ms);
    cancelled.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve('aborted');
    });
  });
  states.set(id, state);
  return state;
}

/** What the server saw of the slow call named \`id\`: running, aborted, finished, or unknown. */
export async function slowState(id: string): Promise<string> {
  return states.get(id) ?? 'unknown';
}

/** The x-trace header this call arrived with, or null. */
export async function trace(): Promise<string | null> {
  return headers().get('x-trace');
}

/** The size of the uploaded file. */
export async function upload(form: FormData): Promise<number> {
  const file = form.get('file');
  return typeof file === 'string' || file === null ? -1 : file.size;
}

/** trace as a value: the client gets a function. */
export async function tools(): Promise<{ trace: () => Promise<string | null> }> {
  return { trace };
}
`;

export const serverScript = `import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { createActionRouter } from './generated/routes.js';
const app = new Koa();
app.use(createActionRouter().routes());
const server = app.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + (server.address() as AddressInfo).port + '/'));
`;
