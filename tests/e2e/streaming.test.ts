import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { ActionError, ActionFunction, ClientOptions } from '../../runtime/client/index.js';
import { EventStreamParser, type ServerSentEvent } from '../../runtime/client/sse-parser.js';
import { tspc, writeProject } from '../helpers/project.js';
import { redoclyLint } from '../helpers/redocly.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { clientTypesModule, serverScript, streamsModule } from './streaming-project.js';

interface Progress {
  step: number;
  label: string;
  at: Date;
  big: bigint;
  tags: Map<string, number>;
}
interface Summary {
  steps: number;
  finishedAt: Date;
}
interface StreamState {
  pulled: number;
  finished: boolean;
  aborted: boolean;
}
/** The generated client of the project, as its declarations type it. */
interface Streams {
  count: ActionFunction<(count: number, id: string) => AsyncIterableIterator<Progress, Summary>>;
  endless: ActionFunction<(id: string, size: number) => AsyncIterableIterator<string, void>>;
  quiet: ActionFunction<(ms: number, id: string) => AsyncIterableIterator<number, void>>;
  failing: ActionFunction<(after: number, kind: 'action' | 'crash') => AsyncIterableIterator<number, void>>;
  leaky: ActionFunction<(wrongAt: number) => AsyncIterableIterator<{ name: string }, void>>;
  letters: ActionFunction<() => AsyncIterableIterator<string, void>>;
  days: ActionFunction<() => AsyncIterableIterator<Date, void>>;
  menu: ActionFunction<() => AsyncIterableIterator<{ label: string; run: (name: string) => Promise<string> }, { last: (name: string) => Promise<string> }>>;
  streamState: ActionFunction<(id: string) => Promise<StreamState | null>>;
  timers: ActionFunction<() => Promise<number>>;
  openSockets: ActionFunction<() => Promise<number>>;
}
interface GeneratedClient {
  createClient(options?: ClientOptions): { streams: Streams };
}

let dir: string;
let server: ServerProcess;
let api: Streams;

beforeAll(async () => {
  dir = writeProject('streaming', { 'src/streams.ts': streamsModule, 'src/server.ts': serverScript, 'src/client-types.ts': clientTypesModule });
  const compiled = tspc(dir);
  if (compiled.status !== 0) throw new Error(compiled.output);
  server = await startServerProcess(join(dir, 'dist', 'server.js'), { PING_MS: '100' });
  const client = (await import(join(dir, 'dist', 'generated', 'client', 'index.js'))) as GeneratedClient;
  api = client.createClient({ baseUrl: server.url }).streams;
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

let ids = 0;
const newId = (): string => `stream-${++ids}`;

/** Resolves once `check` holds, polling; fails after two seconds. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every item, then the final value. */
async function drain<T, R>(iterator: AsyncIterableIterator<T, R>): Promise<{ items: T[]; result: R }> {
  const items: T[] = [];
  for (;;) {
    const next = await iterator.next();
    if (next.done) return { items, result: next.value };
    items.push(next.value);
  }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('it did not fail');
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(`actions/streams/${path}`, server.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function parsed(text: string): ServerSentEvent[] {
  const parser = new EventStreamParser();
  return [...parser.feed(text), ...parser.end()];
}

describe('a streaming action through the generated client', () => {
  it('types the client function as an async iterator of the items, with the result as its return value (src/client-types.ts compiles)', () => {
    const declarations = readFileSync(join(dir, 'src', 'generated', 'client', 'streams.d.ts'), 'utf8');
    expect(declarations).toContain('export declare const count: ActionFunction$<(count: number, id: string) => AsyncIterableIterator<Progress, Summary>, never>;');
    expect(declarations).toContain('export declare const letters: ActionFunction$<() => AsyncIterableIterator<string, void>, never>;');
  });

  it('yields revived items (Date, bigint, Map) and returns the revived result', async () => {
    const { items, result } = await drain(api.count(3, newId()));
    expect(items).toEqual([1, 2, 3].map((step) => ({ step, label: `step ${step}`, at: new Date(Date.UTC(2026, 0, step)), big: 10n ** 20n + BigInt(step), tags: new Map([['step', step]]) })));
    expect(result).toEqual({ steps: 3, finishedAt: new Date(Date.UTC(2026, 11, 6)) });
  });

  it('streams a ReadableStream and an AsyncIterable; no result is undefined', async () => {
    expect(await drain(api.letters())).toEqual({ items: ['a', 'b', 'c'], result: undefined });
    expect(await drain(api.days())).toEqual({ items: [new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 2))], result: undefined });
  });

  it('turns action references in items and in the result into functions calling those actions', async () => {
    const { items, result } = await drain(api.menu());
    expect(items.map((item) => item.label)).toEqual(['greet']);
    expect(await items[0]?.run('Ada')).toBe('hello Ada');
    expect(await result.last('Grace')).toBe('hello Grace');
  });

  it('works with for await', async () => {
    const steps: number[] = [];
    for await (const progress of api.count(4, newId())) steps.push(progress.step);
    expect(steps).toEqual([1, 2, 3, 4]);
  });

  it('aborts the request when the loop is left: the generator is returned (finally runs), signal() aborts, no timer or connection is left', async () => {
    const socketsBefore = await api.openSockets();
    for (let stream = 0; stream < 4; stream++) {
      const id = newId();
      let seen = 0;
      for await (const item of api.endless(id, 10)) {
        expect(item).toBe('x'.repeat(10));
        if (++seen === 3) break;
      }
      await until(async () => (await api.streamState(id))?.finished === true, 'the generator finished');
      expect(await api.streamState(id)).toMatchObject({ finished: true, aborted: true });
    }
    await until(async () => (await api.timers()) === 0, 'no timers left');
    // the client may keep one more idle connection of its own; a connection per abandoned stream would be four
    await until(async () => (await api.openSockets()) <= socketsBefore + 1, 'the streams’ connections closed');
  });

  it('aborts with f.with({ signal }): the iteration rejects with the abort and the server generator finishes', async () => {
    const id = newId();
    const controller = new AbortController();
    const iterator = api.quiet.with({ signal: controller.signal })(5000, id);
    const next = iterator.next();
    await until(async () => (await api.streamState(id)) !== null, 'the stream started');
    const started = Date.now();
    controller.abort();
    expect(await failure(next)).toMatchObject({ name: 'AbortError' });
    await until(async () => (await api.streamState(id))?.finished === true, 'the generator finished');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await api.streamState(id)).toEqual({ pulled: 0, finished: true, aborted: true });
  });

  it('resumes after Last-Event-ID (f.with({ headers })): lastEventId() reaches the action, ids continue', async () => {
    const { items } = await drain(api.count.with({ headers: { 'Last-Event-ID': '3' } })(5, newId()));
    expect(items.map((item) => item.step)).toEqual([4, 5]);
    const events = parsed(await (await post('count', { count: 5, id: newId() }, { 'last-event-id': '3' })).text());
    expect(events.filter((event) => event.event === 'message').map((event) => event.id)).toEqual(['4', '5']);
  });

  it('throws an error thrown after the first item as an ActionError with its status and code', async () => {
    const iterator = api.failing(2, 'action');
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    expect(await iterator.next()).toEqual({ done: false, value: 2 });
    const error = (await failure(iterator.next())) as ActionError;
    expect(error).toMatchObject({ name: 'ActionError', status: 409, code: 'conflict', detail: 'The import conflicts with another' });
  });

  it('rejects the first next() with the ordinary ActionError when the action fails before its first item', async () => {
    const error = (await failure(api.failing(0, 'action').next())) as ActionError;
    expect(error).toMatchObject({ status: 409, code: 'conflict' });
    expect(error.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('prunes each item to its type and ends with a 500 error event for an item that does not fit', async () => {
    const iterator = api.leaky(3);
    expect(await iterator.next()).toEqual({ done: false, value: { name: 'item 1' } });
    expect(await iterator.next()).toEqual({ done: false, value: { name: 'item 2' } });
    expect(await failure(iterator.next())).toMatchObject({ name: 'ActionError', status: 500 });
    await until(async () => server.output().includes('onError streams/leaky'), 'onError saw the bad item');
  });
});

describe('a streaming action over raw HTTP', () => {
  it('answers text/event-stream for proxies: no caching, no buffering; message events carry ids, done the result', async () => {
    const response = await post('count', { count: 2, id: newId() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const text = (await response.text()).replace(/^: ping\n\n/gm, '');
    expect(text).toBe(
      [
        'event: message\nid: 1\ndata: {"step":1,"label":"step 1","at":"2026-01-01T00:00:00.000Z","big":"100000000000000000001","tags":[["step",1]]}\n\n',
        'event: message\nid: 2\ndata: {"step":2,"label":"step 2","at":"2026-01-02T00:00:00.000Z","big":"100000000000000000002","tags":[["step",2]]}\n\n',
        'event: done\ndata: {"steps":2,"finishedAt":"2026-12-06T00:00:00.000Z"}\n\n',
      ].join(''),
    );
  });

  it('answers invalid input with a 400 problem, not a stream', async () => {
    const response = await post('count', { count: 'many', id: 'x' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('sends an unexpected error mid-stream as a 500 error event with the message (development), reported to onError', async () => {
    const events = parsed(await (await post('failing', { after: 1, kind: 'crash' })).text());
    expect(events.map((event) => event.event)).toEqual(['message', 'error']);
    expect(JSON.parse(events[1]?.data ?? '')).toMatchObject({ status: 500, title: 'Internal Server Error', detail: 'the disk is on fire', errorId: expect.any(String) });
    await until(async () => server.output().includes('onError streams/failing Error: the disk is on fire'), 'onError saw the crash');
  });

  it('flushes the headers with the first ping and keeps a quiet stream alive with : ping comments', async () => {
    const started = Date.now();
    const response = await post('quiet', { ms: 600, id: newId() });
    expect(Date.now() - started).toBeLessThan(500);
    const text = await response.text();
    expect(text.match(/^: ping$/gm)?.length).toBeGreaterThanOrEqual(3);
    expect(parsed(text).map((event) => [event.event, event.data])).toEqual([
      ['message', '1'],
      ['done', 'null'],
    ]);
  });

  it('pulls no further items while the client does not read (back-pressure), and returns the generator when it leaves', async () => {
    const id = newId();
    const size = 64 * 1024;
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.pause();
    const body = JSON.stringify({ id, size });
    socket.write(`POST /actions/streams/endless HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await until(async () => ((await api.streamState(id))?.pulled ?? 0) > 0, 'the stream started');
    // the generator stops being pulled once the socket's buffers are full
    let pulled = -1;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = (await api.streamState(id))?.pulled ?? 0;
      if (now === pulled) break;
      pulled = now;
    }
    // 64 KiB items: what the kernel's and Node's buffers hold, not the whole endless stream
    expect(pulled).toBeLessThan(200);
    expect((await api.streamState(id))?.finished).toBe(false);
    socket.destroy();
    await until(async () => (await api.streamState(id))?.finished === true, 'the generator finished');
    expect(await api.streamState(id)).toMatchObject({ finished: true, aborted: true });
  });
});

describe('a streaming action in the OpenAPI document', () => {
  it('describes its 200 answer as text/event-stream with message, done and error events', () => {
    const document = JSON.parse(readFileSync(join(dir, 'src', 'generated', 'openapi.json'), 'utf8')) as {
      paths: Record<string, { post: { responses: Record<string, { content?: Record<string, { schema: { items: { oneOf: Array<{ properties: Record<string, unknown> }> } } }> }> } }>;
    };
    const answer = document.paths['/actions/streams/count']?.post.responses['200'];
    const events = answer?.content?.['text/event-stream']?.schema.items.oneOf ?? [];
    expect(events.map((event) => event.properties.event)).toEqual([{ const: 'message' }, { const: 'done' }, { const: 'error' }]);
    expect(events[0]?.properties.data).toEqual({ type: 'string', contentMediaType: 'application/json', contentSchema: { $ref: '#/components/schemas/Progress' } });
    expect(events[1]?.properties.data).toEqual({ type: 'string', contentMediaType: 'application/json', contentSchema: { $ref: '#/components/schemas/Summary' } });
  });
});

describe('the streaming project’s OpenAPI document', () => {
  it('passes @redocly/cli lint without a warning', () => {
    const result = redoclyLint(join(dir, 'src', 'generated', 'openapi.json'), ['security-defined']);
    expect(result.output).toMatch(/Your API description is valid/);
    expect(result.output).not.toMatch(/You have \d+ warning/);
    expect(result.status).toBe(0);
  });
});

describe('the plugin option openapiVersion: "3.2"', () => {
  it('writes an OpenAPI 3.2 document whose streams have an itemSchema (one event), which redocly lints clean', () => {
    const project = writeProject('streaming-openapi-3-2', { 'src/streams.ts': streamsModule }, { plugin: { openapiVersion: '3.2' } });
    const result = tspc(project);
    expect(result.output).toBe('');
    const path = join(project, 'src', 'generated', 'openapi.json');
    const document = JSON.parse(readFileSync(path, 'utf8')) as { openapi: string; paths: Record<string, { post: { responses: Record<string, { content: Record<string, { itemSchema?: { oneOf: unknown[] }; schema?: unknown }> }> } }> };
    expect(document.openapi).toBe('3.2.0');
    const media = document.paths['/actions/streams/count']?.post.responses['200']?.content['text/event-stream'];
    expect(media?.schema).toBeUndefined();
    expect(media?.itemSchema?.oneOf).toHaveLength(3);
    const lint = redoclyLint(path, ['security-defined']);
    expect(lint.output).toMatch(/Your API description is valid/);
    expect(lint.output).not.toMatch(/You have \d+ warning/);
    expect(lint.status).toBe(0);
  });

  it('refuses another version, saying which it takes', () => {
    const project = writeProject('streaming-openapi-3-0', { 'src/streams.ts': streamsModule }, { plugin: { openapiVersion: '3.0' } });
    const result = tspc(project);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('"openapiVersion" must be "3.1" or "3.2", got "3.0"');
  });
});

describe('a stream whose generator takes values from next()', () => {
  it('is a compile error with file:line:col', () => {
    const project = writeProject('streaming-next', {
      'src/bad.ts': `'use server';\nexport async function* ask(): AsyncGenerator<number, void, string> {\n  const answer = yield 1;\n  console.log(answer);\n}\n`,
    });
    const result = tspc(project);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/src\/bad\.ts\(2,\d+\): error TS93030: \[actionwire\/unsupported-stream\] ask streams 'AsyncGenerator<number, void, string>', whose generator takes 'string' from next\(\)/);
  });
});
