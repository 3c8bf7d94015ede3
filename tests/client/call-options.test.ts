import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ActionFunction, ActionReference, ClientOptions } from '../../runtime/client/index.js';
import { tspc, writeProject, type CommandResult } from '../helpers/project.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { callsModule, serverScript } from './call-options-project.js';

/** The generated client of the project, as its declarations type it. */
interface Calls {
  slow: ActionFunction<(ms: number, id: string) => Promise<string>>;
  slowState: ActionFunction<(id: string) => Promise<string>>;
  trace: ActionFunction<() => Promise<string | null>>;
  upload: ActionFunction<(form: FormData) => Promise<number>>;
  tools: ActionFunction<() => Promise<{ trace: ActionFunction<() => Promise<string | null>> }>>;
}
interface GeneratedClient {
  createClient(options?: ClientOptions): { calls: Calls };
  configureClient(options: ClientOptions): void;
  fromReference<F extends (...args: never[]) => Promise<unknown>>(reference: ActionReference<F>): ActionFunction<F>;
  calls: Calls;
}

let dir: string;
let compiled: CommandResult;
let server: ServerProcess;
let client: GeneratedClient;
let api: Calls;

beforeAll(async () => {
  dir = writeProject('call-options', { 'src/calls.ts': callsModule, 'src/server.ts': serverScript });
  compiled = tspc(dir);
  if (compiled.status !== 0) throw new Error(compiled.output);
  server = await startServerProcess(join(dir, 'dist', 'server.js'));
  client = (await import(join(dir, 'dist', 'generated', 'client', 'index.js'))) as GeneratedClient;
  api = client.createClient({ baseUrl: server.url }).calls;
}, 60_000);

afterAll(async () => {
  client?.configureClient({});
  await server?.stop();
});

/** Resolves once `check` holds, polling the server; fails the test after two seconds. */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the server never got there');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`the call succeeded with ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe('f.with({ signal })', () => {
  it('aborts a slow call at once with an AbortError, and the action sees its signal() abort (its timer cleared)', async () => {
    const controller = new AbortController();
    const call = failure(api.slow.with({ signal: controller.signal })(30_000, 'abort-1'));
    await until(async () => (await api.slowState('abort-1')) === 'running');
    const aborted = Date.now();
    controller.abort();
    const error = (await call) as Error;
    expect(Date.now() - aborted).toBeLessThan(500);
    // a DOMException named AbortError (of Node's realm, not the test's: no instanceof here)
    expect(error.name).toBe('AbortError');
    expect(Object.prototype.toString.call(error)).toBe('[object DOMException]');
    await until(async () => (await api.slowState('abort-1')) === 'aborted');
  });

  it('rejects with the signal’s reason when the caller gives one', async () => {
    const controller = new AbortController();
    const call = failure(api.slow.with({ signal: controller.signal })(30_000, 'abort-2'));
    await until(async () => (await api.slowState('abort-2')) === 'running');
    const reason = new Error('the user left the page');
    controller.abort(reason);
    await expect(call).resolves.toBe(reason);
    await until(async () => (await api.slowState('abort-2')) === 'aborted');
  });

  it('aborts only the call it was given to', async () => {
    const controller = new AbortController();
    const withSignal = api.slow.with({ signal: controller.signal });
    controller.abort();
    await expect(failure(withSignal(10, 'abort-3'))).resolves.toMatchObject({ name: 'AbortError' });
    await expect(api.slow(10, 'abort-4')).resolves.toBe('finished');
  });
});

describe('timeouts', () => {
  it('f.with({ timeout }) rejects a slower call with a TimeoutError', async () => {
    const error = (await failure(api.slow.with({ timeout: 50 })(5000, 'timeout-1'))) as Error;
    expect(error.name).toBe('TimeoutError');
    expect(error.message).toMatch(/^Request timed out: POST http:\/\/127\.0\.0\.1:\d+\/actions\/calls\/slow$/);
    await until(async () => (await api.slowState('timeout-1')) === 'aborted');
  });

  it('createClient({ timeout }) applies to every call, and f.with overrides it (false: none)', async () => {
    const impatient = client.createClient({ baseUrl: server.url, timeout: 50 }).calls;
    await expect(failure(impatient.slow(5000, 'timeout-2'))).resolves.toMatchObject({ name: 'TimeoutError' });
    await expect(impatient.slow.with({ timeout: false })(200, 'timeout-3')).resolves.toBe('finished');
    await expect(impatient.slow.with({ timeout: 1000 })(200, 'timeout-4')).resolves.toBe('finished');
  });

  it('are off by default: a call longer than ky’s own 10 s default finishes', async () => {
    await expect(api.slow(10_500, 'timeout-default')).resolves.toBe('finished');
  }, 20_000);

  it('configureClient({ timeout }) applies to the default functions', async () => {
    client.configureClient({ baseUrl: server.url, timeout: 50 });
    await expect(failure(client.calls.slow(5000, 'timeout-5'))).resolves.toMatchObject({ name: 'TimeoutError' });
    client.configureClient({ baseUrl: server.url });
    await expect(client.calls.slow(200, 'timeout-6')).resolves.toBe('finished');
  });
});

describe('f.with({ headers })', () => {
  it('sends the headers with that call only', async () => {
    await expect(api.trace.with({ headers: { 'x-trace': 'call-1' } })()).resolves.toBe('call-1');
    await expect(api.trace()).resolves.toBeNull();
  });

  it('puts them over the client’s headers, and a later with over an earlier one', async () => {
    const traced = client.createClient({ baseUrl: server.url, headers: { 'x-trace': 'client' } }).calls;
    await expect(traced.trace()).resolves.toBe('client');
    await expect(traced.trace.with({ headers: { 'x-trace': 'call' } })()).resolves.toBe('call');
    const first = traced.trace.with({ headers: { 'x-trace': 'first' } });
    await expect(first.with({ headers: new Headers({ 'X-Trace': 'second' }) })()).resolves.toBe('second');
    await expect(first()).resolves.toBe('first');
    await expect(traced.trace()).resolves.toBe('client');
  });
});

describe('f.with({ onUploadProgress })', () => {
  it('reports a FormData upload going out, up to all of it', async () => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(300_000).fill(7)], 'data.bin'));
    const progress: Array<{ percent: number; transferredBytes: number }> = [];
    const size = await api.upload.with({ onUploadProgress: ({ percent, transferredBytes }) => progress.push({ percent, transferredBytes }) })(form);
    expect(size).toBe(300_000);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)?.percent).toBe(1);
    expect(progress.at(-1)?.transferredBytes).toBeGreaterThan(300_000);
  });
});

describe('.with on functions that come from the server', () => {
  it('works on an action a result hands back', async () => {
    const { trace } = await api.tools();
    await expect(trace.with({ headers: { 'x-trace': 'revived' } })()).resolves.toBe('revived');
    await expect(trace()).resolves.toBeNull();
  });

  it('works on fromReference', async () => {
    client.configureClient({ baseUrl: server.url });
    const trace = client.fromReference<() => Promise<string | null>>({ $action: 'calls/trace' });
    await expect(trace.with({ headers: { 'x-trace': 'referenced' } }).with({ timeout: 1000 })()).resolves.toBe('referenced');
    await expect(trace()).resolves.toBeNull();
  });
});

describe('what each failure looks like', () => {
  it('a network failure is a TypeError from fetch, an HTTP error an ActionError', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = client.createClient({ baseUrl: `http://127.0.0.1:${port}/` }).calls;
    const network = (await failure(unreachable.trace())) as Error;
    expect(network.name).toBe('TypeError');
    expect(network.message).toBe('fetch failed');

    const invalid = await failure((api.slow as unknown as (ms: string) => Promise<string>)('soon'));
    expect(invalid).toMatchObject({ name: 'ActionError', status: 400 });
  });
});

describe('f.safe: the result form', () => {
  it('answers { ok: true, value } for a value and { ok: false, error } for an error answer, after .with too', async () => {
    await expect(api.slow.safe(1, 'safe-1')).resolves.toEqual({ ok: true, value: 'finished' });
    const refused = await (api.slow.safe as unknown as (ms: string) => Promise<{ ok: boolean; error?: unknown }>)('soon');
    expect(refused).toMatchObject({ ok: false, error: { name: 'ActionError', status: 400 } });
    await expect(api.slow.with({ timeout: 5000 }).safe(1, 'safe-2')).resolves.toEqual({ ok: true, value: 'finished' });
  });

  it('still rejects on what is not an answer of the action: an abort', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(api.slow.with({ signal: controller.signal }).safe(10, 'safe-3')).rejects.toMatchObject({ name: 'AbortError' });
  });
});
