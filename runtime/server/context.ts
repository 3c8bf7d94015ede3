import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from 'koa';

const storage = new AsyncLocalStorage<Context>();

export function runInActionContext<T>(ctx: Context, action: () => T): T {
  return storage.run(ctx, action);
}

/** The Koa context of the current action call; undefined outside one. */
export function currentContext(): Context | undefined {
  return storage.getStore();
}

/**
 * The Koa context of the request that is running the current action.
 *
 * @example
 * const ip = getContext().ip;
 */
export function getContext(): Context {
  const ctx = storage.getStore();
  if (!ctx) {
    throw new Error('actionwire: headers(), cookies() and getContext() work only while an action is handling a request');
  }
  return ctx;
}

/**
 * The request's headers, read-only.
 *
 * @example
 * const token = headers().get('authorization');
 */
export function headers(): Headers {
  return readOnlyHeaders(getContext().request.headers);
}

/**
 * A `Headers` over Node's parsed request headers: `get` and `has` read them directly (the common case
 * costs no copy); anything else copies them into a real `Headers` on first use.
 */
function readOnlyHeaders(source: IncomingHttpHeaders): Headers {
  const refuse = (): never => {
    throw new TypeError('actionwire: the request headers are read-only');
  };
  const valueOf = (name: string): string | string[] | undefined => {
    const key = name.toLowerCase();
    // Node's header object inherits from Object.prototype: `constructor` or `__proto__` must not read as headers.
    return Object.hasOwn(source, key) ? source[key] : undefined;
  };
  const get = (name: string): string | null => {
    const value = valueOf(name);
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const has = (name: string): boolean => valueOf(name) !== undefined;
  let copy: Headers | undefined;
  // The target only lends its prototype (so that `instanceof Headers` holds); every read goes through `get`.
  return new Proxy(Object.create(Headers.prototype) as Headers, {
    get(_target, property) {
      if (property === 'get') return get;
      if (property === 'has') return has;
      if (property === 'set' || property === 'append' || property === 'delete') return refuse;
      copy ??= copyOf(source);
      const value: unknown = Reflect.get(copy, property, copy);
      return typeof value === 'function' ? value.bind(copy) : value;
    },
  });
}

function copyOf(source: IncomingHttpHeaders): Headers {
  const copy = new Headers();
  for (const [name, value] of Object.entries(source)) {
    if (Array.isArray(value)) value.forEach((item) => copy.append(name, item));
    else if (value !== undefined) copy.append(name, value);
  }
  return copy;
}
