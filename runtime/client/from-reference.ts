import type { ActionFunction } from './action-function.js';
import { bindReference } from './bind-reference.js';
import { defaultCaller } from './caller.js';
import type { Caller } from './caller-type.js';
import type { ActionReference } from './reference.js';

/**
 * A function calling the action an action reference names (`{"$action", "bound"?}`, as `toReference` on the
 * server makes it), through `caller` (default: the one `configureClient` sets up). The generated client must have
 * been imported first: it registers every action's parameters. A malformed or unknown reference is a TypeError.
 *
 * @example
 * import './generated/client/index.js';
 * const remove = fromReference<(id: string) => Promise<void>>(JSON.parse(text));
 * await remove('42');
 * await remove.with({ timeout: 5000 })('43');
 */
// the default is what a reference without a phantom signature (a literal, JSON typed as one) gets
export function fromReference<F extends (...args: never[]) => Promise<unknown> = (...args: unknown[]) => Promise<unknown>>(
  reference: ActionReference<F>,
  caller?: Caller,
): ActionFunction<F>;
export function fromReference(reference: ActionReference, caller?: Caller): ActionFunction<(...args: unknown[]) => Promise<unknown>>;
export function fromReference(reference: ActionReference, caller: Caller = defaultCaller): ActionFunction<(...args: unknown[]) => Promise<unknown>> {
  // a streaming action's reference answers with an iterator: its phantom signature says so
  return bindReference(reference, caller) as ActionFunction<(...args: unknown[]) => Promise<unknown>>;
}
