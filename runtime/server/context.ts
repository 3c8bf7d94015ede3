import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from 'koa';

const storage = new AsyncLocalStorage<Context>();

export function runInActionContext<T>(ctx: Context, action: () => T): T {
  return storage.run(ctx, action);
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
  const ctx = getContext();
  const result = new Headers();
  for (const [name, value] of Object.entries(ctx.request.headers)) {
    if (Array.isArray(value)) value.forEach((item) => result.append(name, item));
    else if (value !== undefined) result.set(name, value);
  }
  return readOnly(result);
}

function readOnly(target: Headers): Headers {
  const refuse = (): never => {
    throw new TypeError('actionwire: the request headers are read-only');
  };
  return new Proxy(target, {
    get(object, property) {
      if (property === 'set' || property === 'append' || property === 'delete') return refuse;
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
