import type { RevivalPlan, RevivalPlans } from '../../model/revival-plan.js';
import type { StreamPlans } from '../../model/client-action.js';
import type { CallOptions } from './call-options.js';

/**
 * What generated client functions call: `route` is the action's path as the server's table spells it (not yet
 * percent-encoded), `body` its arguments by name, `options` the call's own (`f.with(options)`); `stream` calls a
 * streaming action, answering with an iterator at once.
 */
export interface Caller {
  <T>(route: string, body: Record<string, unknown> | FormData, plan?: RevivalPlan, plans?: RevivalPlans, options?: CallOptions): Promise<T>;
  stream<T, R>(route: string, body: Record<string, unknown> | FormData, stream: StreamPlans, plans?: RevivalPlans, options?: CallOptions): AsyncIterableIterator<T, R>;
}
