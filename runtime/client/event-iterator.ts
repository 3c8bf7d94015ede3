import { ActionError } from './action-error.js';
import type { ReferenceResolver } from './reference.js';
import { revive, type RevivalPlan, type RevivalPlans } from './revive.js';
import { EventStreamParser } from './sse-parser.js';
import type { StreamPlans } from '../../model/client-action.js';

/** How a stream's events become values: the plans, the named plans they refer to, and how references become functions. */
export interface StreamRevival {
  plans: StreamPlans;
  named: RevivalPlans | undefined;
  references: ReferenceResolver;
}

function revived(data: string, plan: RevivalPlan | 0, revival: StreamRevival): unknown {
  const value: unknown = JSON.parse(data);
  return plan === 0 ? value : revive(value, plan, revival.named, revival.references);
}

/**
 * A streaming action's answer as an async iterator: `open(signal)` sends the request on the first `next()` (its
 * failures reject as any call's: an `ActionError` for a problem answer); each `message` event is an item, `done`
 * ends the iteration with the result, `error` throws an `ActionError` with the problem's status (and `route`, the action's). Leaving the loop
 * early (`break`, `return()`, a throw) aborts the request, and so does `signal`.
 */
export async function* eventIterator<T, R>(open: (signal: AbortSignal) => Promise<Response>, revival: StreamRevival, signal: AbortSignal | undefined, route: string): AsyncGenerator<T, R, undefined> {
  const controller = new AbortController();
  const aborted = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  try {
    const response = await open(aborted);
    const body = response.body;
    if (body === null) throw new TypeError('actionwire: the streaming answer has no body');
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new EventStreamParser();
    for (;;) {
      const { done, value } = await reader.read();
      const events = done ? parser.end() : parser.feed(value);
      for (const event of events) {
        if (event.event === 'message') yield revived(event.data, revival.plans[0], revival) as T;
        else if (event.event === 'done') return (revival.plans[2] === 1 ? revived(event.data, revival.plans[1], revival) : undefined) as R;
        else if (event.event === 'error') throw new ActionError(response, JSON.parse(event.data), route);
      }
      if (done) throw new TypeError('actionwire: the stream ended before its done event (the connection was cut)');
    }
  } finally {
    controller.abort();
  }
}
