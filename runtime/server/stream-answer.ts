import type { Context } from 'koa';
import { clientGone, runInScope, type ActionScopeHandle } from './context.js';
import { EventStreamWriter } from './http/event-stream.js';
import { streamStarting } from './http/stream-start.js';
import { failureProblem } from './http/problem-response.js';
import type { ErrorReport } from './options.js';
import { writingReferences } from './references/reference-scope.js';
import type { ReferenceWriter } from './references/reference-writer.js';
import type { StreamEncoders } from './route-definition.js';

/** What answering one stream needs besides the action's value. */
export interface StreamCall {
  ctx: Context;
  route: string;
  scope: ActionScopeHandle;
  encoders: StreamEncoders;
  references: ReferenceWriter;
  pingInterval: number;
  onError: (error: unknown, report: ErrorReport) => void;
}

/** The default gap, in ms, between `: ping` comments of a quiet stream (DESIGN.md: at least every 15 s). */
export const DEFAULT_PING_INTERVAL = 15_000;

/** An async iterable's iterator, or a ReadableStream's (which Node's web streams are). */
function iteratorOf(value: unknown, route: string): AsyncIterator<unknown, unknown> {
  const open = typeof value === 'object' && value !== null ? (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] : undefined;
  if (typeof open !== 'function') throw new TypeError(`actionwire: the streaming action ${route} returned ${value === null ? 'null' : typeof value}, not an async iterable or a ReadableStream`);
  return open.call(value) as AsyncIterator<unknown, unknown>;
}

/** The first id of a stream: after the `Last-Event-ID` a reconnecting client sends (a count of items), else 1. */
function firstId(ctx: Context): number {
  const last = ctx.get('last-event-id');
  return /^\d{1,15}$/.test(last) ? Number(last) + 1 : 1;
}

/**
 * Answers a streaming action's call with server-sent events: `message` per item, then `done` with the result, or
 * `error` with a problem. The next item is pulled only once the socket took the last one (a slow reader holds the
 * generator back instead of filling memory). Until the first event the call can still fail as an ordinary
 * problem+json answer (this function then throws); the stream starts with the first item, or with the first ping when
 * that item takes longer than the ping interval. When the client goes away the generator is returned (its `finally`
 * runs) and the call's `signal()` aborts.
 */
export async function answerStream(call: StreamCall, value: unknown): Promise<void> {
  const { ctx, scope, encoders, references } = call;
  const source = iteratorOf(value, call.route);
  const writer = new EventStreamWriter(ctx.res, () => streamStarting(ctx));
  let gone = false;
  let wakeOnClose: () => void = () => {};
  const closed = new Promise<void>((resolve) => (wakeOnClose = resolve));
  const onClose = (): void => {
    gone = clientGone(ctx);
    wakeOnClose();
  };
  ctx.res.once('close', onClose);
  const ping = setInterval(() => {
    ctx.respond = false;
    writer.ping();
  }, call.pingInterval);
  // the generator ended (returned or threw): nothing to return() any more
  let finished = false;
  let pulling = false;
  try {
    for (let id = firstId(ctx); ; id++) {
      pulling = true;
      const pulled = Promise.resolve(runInScope(scope, () => source.next()));
      pulled.catch(() => {});
      const next = await Promise.race([pulled, closed]);
      pulling = false;
      if (gone || next === undefined) return;
      ctx.respond = false;
      if (next.done) {
        finished = true;
        writer.done(next.value === undefined || encoders.encodeResult === undefined ? 'null' : writingReferences(references, encoders.encodeResult, next.value));
        return;
      }
      const json = writingReferences(references, encoders.encodeItem, next.value);
      if (!writer.message(id, json)) await writer.drained();
      if (gone) return;
    }
  } catch (error) {
    finished = pulling;
    if (gone || clientGone(ctx)) return;
    if (!writer.isStarted) {
      ctx.respond = true;
      throw error;
    }
    writer.error(JSON.stringify(failureProblem(ctx, call.route, error, call.onError).problem));
  } finally {
    clearInterval(ping);
    ctx.res.off('close', onClose);
    // the client went away, or an item could not be written: the generator's `finally` runs
    if (!finished) void Promise.resolve(source.return?.()).catch(() => {});
  }
}
