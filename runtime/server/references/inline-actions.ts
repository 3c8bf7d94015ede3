/**
 * Inline actions as values on the server: what the transformer emits where an inline `'use server'`
 * function was written (`bindAction`), and what the generated routes.ts calls to find its hoisted
 * export (`inlineAction`).
 */

const ACTION_REFERENCE = Symbol.for('actionwire.actionReference');

/** What a bound action carries: the route of its hoisted function and the values it captured. */
export interface BoundTarget {
  readonly route: string;
  readonly bound: Readonly<Record<string, unknown>>;
}

/** A hoisted inline action: the captured values (one object) first, then the action's own arguments. */
export type HoistedAction<B extends object, A extends unknown[], R> = (bound: B, ...args: A) => R;

/**
 * An inline action bound to the values it captured where it was created: callable on the server as the
 * closure was, and recognized (by route) when it reaches a return value or `toReference`.
 *
 * @example
 * // what `async function save(title: string) { 'use server'; await db.update(id, title); }` becomes
 * const save = bindAction(Page_save, 'app/page/Page.save', { id });
 */
export function bindAction<B extends object, A extends unknown[], R>(hoisted: HoistedAction<B, A, R>, route: string, captured: B): (...args: A) => Promise<Awaited<R>> {
  const bound = async (...args: A): Promise<Awaited<R>> => await hoisted(captured, ...args);
  const target: BoundTarget = { route, bound: captured as Readonly<Record<string, unknown>> };
  Object.defineProperty(bound, ACTION_REFERENCE, { value: target, enumerable: false });
  Object.defineProperty(bound, 'name', { value: route.slice(route.lastIndexOf('.') + 1) });
  return bound;
}

/** The route and captured values of a function `bindAction` made (from any copy of this package); undefined for any other value. */
export function boundTarget(value: unknown): BoundTarget | undefined {
  if (typeof value !== 'function') return undefined;
  const target: unknown = (value as unknown as Record<symbol, unknown>)[ACTION_REFERENCE];
  if (typeof target !== 'object' || target === null) return undefined;
  const { route, bound } = target as Record<string, unknown>;
  return typeof route === 'string' && typeof bound === 'object' && bound !== null ? { route, bound: bound as Record<string, unknown> } : undefined;
}

/**
 * The hoisted export of an inline action, for the generated routes.ts; a clear error when the module
 * was not compiled by the actionwire transformer (and so has no such export).
 *
 * @example
 * defineActionRoutes(model, [inlineAction(appPage, 'Page$save', 'app/page')]);
 */
export function inlineAction(moduleNamespace: object, exportName: string, moduleId: string): (...args: never[]) => unknown {
  const value: unknown = Object.hasOwn(moduleNamespace, exportName) ? (moduleNamespace as Record<string, unknown>)[exportName] : undefined;
  if (typeof value === 'function') return value as (...args: never[]) => unknown;
  throw new Error(
    `actionwire: ${moduleId} has no hoisted inline action '${exportName}': compile it with tspc and the actionwire transformer (inline 'use server' functions need it)`,
  );
}
