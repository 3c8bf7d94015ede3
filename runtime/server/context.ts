import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from 'koa';
import type { ReferenceWriter } from './references/reference-writer.js';

/** What an action call can reach while it runs: its request, the router serving it, and its headers once asked for. */
interface ActionScope {
  readonly ctx: Context;
  /** the router's reference writer, for `toReference` inside the call */
  readonly writer: ReferenceWriter | undefined;
  headers: Headers | undefined;
  /** made on the first `signal()` of the call */
  controller: AbortController | undefined;
}

const storage = new AsyncLocalStorage<ActionScope>();

/** Runs `action(...args)` as the action call of `ctx` (one `AsyncLocalStorage.run`, no closure), served by `writer`'s router. */
export function runInActionContext<A extends unknown[], T>(ctx: Context, action: (...args: A) => T, writer?: ReferenceWriter, ...args: A): T {
  return storage.run({ ctx, writer, headers: undefined, controller: undefined }, action, ...args);
}

/** One action call's scope, for a call that runs in several steps (a stream's generator, resumed item by item). */
export type ActionScopeHandle = ActionScope;

export function createActionScope(ctx: Context, writer: ReferenceWriter | undefined): ActionScopeHandle {
  return { ctx, writer, headers: undefined, controller: undefined };
}

/** Runs one step of the call `scope` belongs to: `headers()`, `signal()`… see the same call in every step. */
export function runInScope<A extends unknown[], T>(scope: ActionScopeHandle, step: (...args: A) => T, ...args: A): T {
  return storage.run(scope, step, ...args);
}

/** The reference writer of the router serving the current action call; undefined outside one. */
export function currentWriter(): ReferenceWriter | undefined {
  return storage.getStore()?.writer;
}

function currentScope(): ActionScope {
  const scope = storage.getStore();
  if (!scope) {
    throw new Error('actionwire: headers(), cookies(), lastEventId(), signal() and getContext() work only while an action is handling a request');
  }
  return scope;
}

/**
 * The Koa context of the request that is running the current action.
 *
 * @example
 * const ip = getContext().ip;
 */
export function getContext(): Context {
  return currentScope().ctx;
}

/** True when the client went away (closed the connection or aborted the request) before the answer was sent. */
export function clientGone(ctx: Context): boolean {
  return ctx.res.destroyed && !ctx.res.writableFinished;
}

/**
 * The current call's AbortSignal: it aborts when the client goes away before the answer (connection closed,
 * request aborted), with an `AbortError` as its reason. Pass it on to what the action waits for (fetch, a
 * database query, a timer) so that work nobody will read stops.
 *
 * @example
 * const response = await fetch(upstream, { signal: signal() });
 */
export function signal(): AbortSignal {
  const scope = currentScope();
  if (scope.controller) return scope.controller.signal;
  const controller = new AbortController();
  scope.controller = controller;
  const { ctx } = scope;
  const abortIfGone = (): void => {
    if (clientGone(ctx)) controller.abort(new DOMException('The client went away before the answer', 'AbortError'));
  };
  if (ctx.res.destroyed) abortIfGone();
  else ctx.res.once('close', abortIfGone);
  return controller.signal;
}

/**
 * The `Last-Event-ID` a reconnecting client sends to a streaming action: the `id` of the last event it received, or
 * undefined on a fresh call. The stream's ids count its items (1, 2, …; a resumed stream continues after the number it
 * was given), so a resumable action skips that many: see docs/streaming.md.
 *
 * @example
 * export async function* changes() {
 *   let seen = Number(lastEventId() ?? 0);
 *   for await (const change of feed({ after: seen })) yield change;
 * }
 */
export function lastEventId(): string | undefined {
  const value = currentScope().ctx.req.headers['last-event-id'];
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined || text === '' ? undefined : text;
}

/**
 * The request's headers, read-only.
 *
 * @example
 * const token = headers().get('authorization');
 */
export function headers(): Headers {
  const scope = currentScope();
  return (scope.headers ??= new RequestHeaders(scope.ctx.request.headers));
}

function refuse(): never {
  throw new TypeError('actionwire: the request headers are read-only');
}

/**
 * A `Headers` over Node's parsed request headers: `get` and `has` read them directly (the common case
 * costs no copy); iteration copies them into a real `Headers` on first use. An instance of `Headers`
 * (its prototype chain goes through `Headers.prototype`) whose every method is its own.
 */
class RequestHeaders implements Headers {
  private copy: Headers | undefined;

  constructor(private readonly source: IncomingHttpHeaders) {}

  private valueOf(name: string): string | string[] | undefined {
    const key = name.toLowerCase();
    // Node's header object inherits from Object.prototype: `constructor` or `__proto__` must not read as headers.
    return Object.hasOwn(this.source, key) ? this.source[key] : undefined;
  }

  private copied(): Headers {
    return (this.copy ??= copyOf(this.source));
  }

  get(name: string): string | null {
    const value = this.valueOf(name);
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.valueOf(name) !== undefined;
  }

  set(): void {
    refuse();
  }

  append(): void {
    refuse();
  }

  delete(): void {
    refuse();
  }

  getSetCookie(): string[] {
    return this.copied().getSetCookie();
  }

  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.copied().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): HeadersIterator<[string, string]> {
    return this.copied().entries();
  }

  keys(): HeadersIterator<string> {
    return this.copied().keys();
  }

  values(): HeadersIterator<string> {
    return this.copied().values();
  }

  [Symbol.iterator](): HeadersIterator<[string, string]> {
    return this.copied()[Symbol.iterator]();
  }
}
Object.setPrototypeOf(RequestHeaders.prototype, Headers.prototype);

function copyOf(source: IncomingHttpHeaders): Headers {
  const copy = new Headers();
  for (const [name, value] of Object.entries(source)) {
    if (Array.isArray(value)) value.forEach((item) => copy.append(name, item));
    else if (value !== undefined) copy.append(name, value);
  }
  return copy;
}
