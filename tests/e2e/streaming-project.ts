/** A project of streaming actions, called through its generated client and raw HTTP by the streaming tests. */

export const streamsModule = `'use server';
import { ActionError, lastEventId, signal } from 'actionwire/server';

export interface Progress {
  step: number;
  label: string;
  at: Date;
  big: bigint;
  tags: Map<string, number>;
}

export interface Summary {
  steps: number;
  finishedAt: Date;
}

interface StreamState {
  pulled: number;
  finished: boolean;
  aborted: boolean;
}

const states = new Map<string, StreamState>();

function stateFor(id: string): StreamState {
  const state = { pulled: 0, finished: false, aborted: false };
  states.set(id, state);
  return state;
}

/** Counts from after Last-Event-ID to \`count\`, one Progress per step; returns a Summary. */
export async function* count(count: number, id: string): AsyncGenerator<Progress, Summary> {
  const state = stateFor(id);
  const cancelled = signal();
  try {
    for (let step = Number(lastEventId() ?? 0) + 1; step <= count; step++) {
      state.pulled++;
      yield { step, label: 'step ' + step, at: new Date(Date.UTC(2026, 0, step)), big: 10n ** 20n + BigInt(step), tags: new Map([['step', step]]) };
    }
    return { steps: count, finishedAt: new Date(Date.UTC(2026, 11, 6)) };
  } finally {
    state.finished = true;
    state.aborted = cancelled.aborted;
  }
}

/** Items of \`size\` characters for as long as someone reads them. */
export async function* endless(id: string, size: number): AsyncGenerator<string, void, unknown> {
  const state = stateFor(id);
  const cancelled = signal();
  try {
    for (;;) {
      state.pulled++;
      yield 'x'.repeat(size);
    }
  } finally {
    state.finished = true;
    state.aborted = cancelled.aborted;
  }
}

/** One item after a quiet wait of \`ms\` (a stream that pings meanwhile); stops early when the client goes away. */
export async function* quiet(ms: number, id: string): AsyncGenerator<number> {
  const state = stateFor(id);
  const cancelled = signal();
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      cancelled.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (cancelled.aborted) return;
    state.pulled++;
    yield 1;
  } finally {
    state.finished = true;
    state.aborted = cancelled.aborted;
  }
}

/** Fails after \`after\` items: with an ActionError 409 ('conflict'), or a plain Error. */
export async function* failing(after: number, kind: 'action' | 'crash'): AsyncGenerator<number> {
  for (let item = 1; item <= after; item++) yield item;
  if (kind === 'action') throw new ActionError(409, 'The import conflicts with another', { code: 'conflict' });
  throw new Error('the disk is on fire');
}

/** Items carrying a property their type does not declare (pruned), then one that does not fit the type at all. */
export async function* leaky(wrongAt: number): AsyncGenerator<{ name: string }> {
  for (let item = 1; ; item++) {
    if (item === wrongAt) yield { name: 42 } as unknown as { name: string };
    else yield { name: 'item ' + item, secret: 'hunter2' } as { name: string };
  }
}

/** A ReadableStream of strings. */
export async function letters(): Promise<ReadableStream<string>> {
  return new ReadableStream({
    start(controller) {
      for (const letter of ['a', 'b', 'c']) controller.enqueue(letter);
      controller.close();
    },
  });
}

/** An AsyncIterable of dates (no result). */
export async function days(): Promise<AsyncIterable<Date>> {
  return (async function* () {
    yield new Date(Date.UTC(2026, 0, 1));
    yield new Date(Date.UTC(2026, 0, 2));
  })();
}

/** A greeting (handed out as a value by \`menu\`). */
export async function greet(name: string): Promise<string> {
  return 'hello ' + name;
}

/** Items holding an action: each reaches the client as a function calling it. */
export async function* menu(): AsyncGenerator<{ label: string; run: (name: string) => Promise<string> }, { last: (name: string) => Promise<string> }> {
  yield { label: 'greet', run: greet };
  return { last: greet };
}

/** How many timers the server process holds (a stream's ping timer must go with its stream). */
export async function timers(): Promise<number> {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
}

/** How many TCP connections the server process holds open (an aborted stream's must close). */
export async function openSockets(): Promise<number> {
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap').length;
}

/** What the server saw of the stream named \`id\`. */
export async function streamState(id: string): Promise<StreamState | null> {
  return states.get(id) ?? null;
}
`;

export const serverScript = `import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { createActionRouter } from './generated/routes.js';
const app = new Koa();
app.use(createActionRouter({ streamPingInterval: Number(process.env.PING_MS ?? 15000), onError: (error, report) => console.log('onError ' + report.route + ' ' + String(error)) }).routes());
const server = app.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + (server.address() as AddressInfo).port + '/'));
`;

/** Type tests of the generated client's streaming functions: the project must compile with them (tspc). */
export const clientTypesModule = `import { streams, type Progress, type Summary } from './generated/client/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function check<T extends true>(): T | undefined {
  return undefined;
}

export async function useStreams(): Promise<void> {
  const iterator = streams.count(3, 'id');
  check<Equal<typeof iterator, AsyncIterableIterator<Progress, Summary>>>();
  for await (const item of iterator) {
    check<Equal<typeof item.at, Date>>();
    check<Equal<typeof item.big, bigint>>();
    check<Equal<typeof item.tags, Map<string, number>>>();
  }
  const last = await streams.count(1, 'id').next();
  if (last.done) check<Equal<typeof last.value, Summary>>();
  else check<Equal<typeof last.value, Progress>>();
  const letter = await streams.letters.with({ signal: new AbortController().signal, headers: { 'Last-Event-ID': '2' } })().next();
  if (letter.done) check<Equal<typeof letter.value, void>>();
  else check<Equal<typeof letter.value, string>>();
  // @ts-expect-error the stream's parameters are typed
  streams.count('3', 'id');
  // @ts-expect-error a stream answers with an iterator, not a promise
  await streams.days().then(() => undefined);
}
`;
