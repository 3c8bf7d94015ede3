import type { ClientAction } from '../../model/client-action.js';
import type { RevivalPlans } from './revive.js';

/** A registered action, and the named plans it was registered with. */
export interface RegisteredAction {
  readonly action: ClientAction;
  readonly plans: RevivalPlans;
}

const registry = new Map<string, RegisteredAction>();

/**
 * Makes actions callable from references (`fromReference`, revival plan 'R'); the generated
 * `client/_references.js` calls it at import, with every action whose path is under `basePath`. Several
 * calls merge; a route registered again is replaced.
 *
 * @example
 * registerActions('/actions', [['/actions/todos/remove', ['id'], 0, 0], ['/actions/todos/load', [], 0, ['r', 'Todo']]], plans);
 */
export function registerActions(basePath: string, actions: readonly ClientAction[], plans: RevivalPlans = {}): void {
  const prefix = `${basePath.replace(/\/+$/, '')}/`;
  for (const action of actions) {
    if (!action[0].startsWith(prefix)) throw new TypeError(`actionwire: the action at ${action[0]} is not under the base path ${basePath}`);
    registry.set(action[0].slice(prefix.length), { action, plans });
  }
}

/** The action registered at this route below its base path. */
export function registeredAction(route: string): RegisteredAction | undefined {
  return registry.get(route);
}
