import { ActionError, markRoute, type ActionErrorOf } from './action-error.js';
import { mergeCallOptions, type CallOptions } from './call-options.js';
import type { DeclaresErrors, ErrorAnswer, ProtocolErrorAnswer } from './declared-errors.js';

/**
 * A generated client function: the action's own signature, plus `with(options)`, the same function whose calls use
 * these per-call options (chained: `f.with(a).with(b)`, b's options over a's). `F` may return anything, not only a
 * promise (a streaming action's function returns an iterator at once). `E`: the error answers the action declares
 * (the generated client writes them; `ActionError.is(error, f)` and `f.safe()` narrow to them).
 *
 * @example
 * declare const rename: ActionFunction<(id: string, title: string) => Promise<void>>;
 * await rename.with({ timeout: 2000 })('42', 'Groceries');
 */
export type ActionFunction<F extends (...args: never[]) => unknown, E extends ErrorAnswer = ErrorAnswer> = F &
  DeclaresErrors<E> & {
  /** this action with `options` for its calls (signal, timeout, headers, onUploadProgress) */
  with(options: CallOptions): ActionFunction<F, E>;
  /**
   * The same call, answering with a result instead of rejecting with the action's error: `{ ok: true, value }`, or
   * `{ ok: false, error }` for an error answer (an `ActionError`, narrowed as `ActionError.is(error, f)` does). An
   * abort, a timeout or a network failure still rejects: those are not answers of the action.
   *
   * @example
   * const result = await createUser.safe(data);
   * if (!result.ok) return showError(result.error.detail);
   */
  safe(...args: Parameters<F>): Promise<SafeResult<Awaited<ReturnType<F>>, ActionErrorOf<E | ProtocolErrorAnswer>>>;
};

/** What `f.safe(...)` resolves to: the action's value, or its error answer. */
export type SafeResult<T, Error extends ActionError = ActionError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Error };

/** What an action function runs on each call: its arguments, with the call's options. */
type ActionCall = (args: unknown[], options: CallOptions) => unknown;

type UntypedAction = ActionFunction<(...args: unknown[]) => unknown>;

/** A function calling `call` (the action at `route`) with its arguments and `options`, with `with` for more options. */
export function actionFunction(route: string, call: ActionCall, options: CallOptions = {}): UntypedAction {
  const action = (...args: unknown[]): unknown => call(args, options);
  const withOptions = (more: CallOptions): UntypedAction => actionFunction(route, call, mergeCallOptions(options, more));
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
  markRoute(action, route);
  return action as UntypedAction;
}
