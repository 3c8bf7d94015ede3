import type { Context } from 'koa';

/**
 * What must happen to an answer's headers before they go out, for answers that send them before the action is done (a
 * stream): the router's CORS headers, set after the call for every other answer.
 */
const beforeStart = new WeakMap<Context, () => void>();

export function whenStreamStarts(ctx: Context, finish: () => void): void {
  beforeStart.set(ctx, finish);
}

export function streamStarting(ctx: Context): void {
  const finish = beforeStart.get(ctx);
  beforeStart.delete(ctx);
  finish?.();
}
