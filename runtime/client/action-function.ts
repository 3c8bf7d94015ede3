import { ActionError } from './action-error.js';
import { mergeCallOptions, type CallOptions } from './call-options.js';

/**
 * A generated client function: the action's own signature, plus `with(options)`, the same function whose calls use
 * these per-call options (chained: `f.with(a).with(b)`, b's options over a's). `F` may return anything, not only a
 * promise (a streaming action's function returns an iterator at once).
 *
 * @example
 * declare const rename: ActionFunction<(id: string, title: string) => Promise<void>>;
 * await rename.with({ timeout: 2000 })('42', 'Groceries');
 */
export type ActionFunction<F extends (...args: never[]) => unknown> = F & {
  /** this action with `options` for its calls (signal, timeout, headers, onUploadProgress) */
  with(options: CallOptions): ActionFunction<F>;
  /**
   * The same call, answering with a result instead of rejecting with the action's error: `{ ok: true, value }`, or
   * `{ ok: false, error }` for an error answer (an `ActionError`). An abort, a timeout or a network failure still
   * rejects: those are not answers of the action.
   *
   * @example
   * const result = await createUser.safe(data);
   * if (!result.ok) return showError(result.error.detail);
   */
  safe(...args: Parameters<F>): Promise<SafeResult<Awaited<ReturnType<F>>>>;
};

/** What `f.safe(...)` resolves to: the action's value, or its error answer. */
export type SafeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ActionError };

/** What an action function runs on each call: its arguments, with the call's options. */
type ActionCall = (args: unknown[], options: CallOptions) => unknown;

type UntypedAction = ActionFunction<(...args: unknown[]) => unknown>;

/** A function calling `call` with its arguments and `options`, with `with` for more options. */
export function actionFunction(call: ActionCall, options: CallOptions = {}): UntypedAction {
  const action = (...args: unknown[]): unknown => call(args, options);
  const withOptions = (more: CallOptions): UntypedAction => actionFunction(call, mergeCallOptions(options, more));
  const safe = async (...args: unknown[]): Promise<SafeResult<unknown>> => {
    try {
      return { ok: true, value: await call(args, options) };
    } catch (error) {
      if (ActionError.is(error)) return { ok: false, error };
      throw error;
    }
  };
  Object.defineProperty(action, 'with', { value: withOptions, enumerable: false, writable: false, configurable: false });
  Object.defineProperty(action, 'safe', { value: safe, enumerable: false, writable: false, configurable: false });
  return action as UntypedAction;
}
