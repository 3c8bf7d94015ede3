/**
 * Inline actions as values on the server: the mark `bindAction` (bind-action.ts) leaves on the function it
 * makes, and what the generated routes.ts calls to find its hoisted export (`inlineAction`).
 */

const ACTION_REFERENCE = Symbol.for('actionwire.actionReference');

/** What a bound action carries: the route of its hoisted function and the values it captured. */
export interface BoundTarget {
  readonly route: string;
  readonly bound: Readonly<Record<string, unknown>>;
}

/**
 * Marks `bound` as the inline action `target` names, so that references, forms and routers recognize it
 * (from any copy of this package).
 */
export function markBoundAction(bound: (...args: never[]) => unknown, target: BoundTarget): void {
  Object.defineProperty(bound, ACTION_REFERENCE, { value: target, enumerable: false });
  Object.defineProperty(bound, 'name', { value: target.route.slice(target.route.lastIndexOf('.') + 1) });
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
