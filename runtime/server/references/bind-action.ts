import { markBoundAction, type BoundTarget } from './inline-actions.js';
import { giveFormAction } from './form-action.js';

/** A hoisted inline action: the captured values (one object) first, then the action's own arguments. */
export type HoistedAction<B extends object, A extends unknown[], R> = (bound: B, ...args: A) => R;

/**
 * An inline action bound to the values it captured where it was created: callable on the server as the
 * closure was, recognized (by route) when it reaches a return value or `toReference`, and renderable by
 * `react-dom/server` as a form's action (`$$FORM_ACTION`).
 *
 * @example
 * // what `async function save(title: string) { 'use server'; await db.update(id, title); }` becomes
 * const save = bindAction(Page_save, 'app/page/Page.save', { id });
 */
export function bindAction<B extends object, A extends unknown[], R>(hoisted: HoistedAction<B, A, R>, route: string, captured: B): (...args: A) => Promise<Awaited<R>> {
  const bound = async (...args: A): Promise<Awaited<R>> => await hoisted(captured, ...args);
  const target: BoundTarget = { route, bound: captured as Readonly<Record<string, unknown>> };
  markBoundAction(bound, target);
  giveFormAction(bound);
  return bound;
}
