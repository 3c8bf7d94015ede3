import type { RevivalPlan, RevivalPlans } from './revive.js';

/** What the client must know to call an action it only has a reference to; plain JSON the generator emits. */
export interface ActionShape {
  /** parameter names, in order */
  readonly p: readonly string[];
  /** set when the action's single parameter is FormData */
  readonly f?: 1;
  /** how its result is revived */
  readonly r?: RevivalPlan;
}

/** A registered action: its shape, and the base path and named plans it was registered with. */
export interface RegisteredAction {
  readonly basePath: string;
  readonly shape: ActionShape;
  readonly plans: RevivalPlans;
}

const registry = new Map<string, RegisteredAction>();

/**
 * Makes actions callable from references (`fromReference`, revival plan 'R'); the generated
 * `client/_references.js` calls it at import. Several calls merge; a route registered again is replaced.
 *
 * @example
 * registerActions('/actions', { 'todos/remove': { p: ['id'] }, 'todos/load': { p: [], r: ['r', 'Todo'] } }, plans);
 */
export function registerActions(basePath: string, shapes: { readonly [route: string]: ActionShape }, plans: RevivalPlans = {}): void {
  const trimmed = basePath.replace(/\/+$/, '');
  for (const [route, shape] of Object.entries(shapes)) registry.set(route, { basePath: trimmed, shape, plans });
}

/** The action registered at this route below its base path. */
export function registeredAction(route: string): RegisteredAction | undefined {
  return registry.get(route);
}
