import type { ActionReference } from '../../model/action-reference.js';

export type { ActionReference };

/** A function that calls the action a reference names (what revival plan 'R' turns a reference into). */
export type ReferenceResolver = (reference: ActionReference) => (...args: unknown[]) => unknown;

/** Why `value` is not an action reference, or undefined when it is one. */
export function referenceProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not an object';
  // a root prototype rather than this realm's Object.prototype: response.json() may build its objects in another realm
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return 'it is not a plain object';
  const extra = Reflect.ownKeys(value).filter((key) => key !== '$action' && key !== 'bound');
  if (extra.length > 0) return `it has properties other than "$action" and "bound" (${extra.map((key) => String(key)).join(', ')})`;
  const $action = Object.getOwnPropertyDescriptor(value, '$action');
  if ($action === undefined || !('value' in $action) || typeof $action.value !== 'string') return 'its "$action" is not a string';
  const bound = Object.getOwnPropertyDescriptor(value, 'bound');
  // `bound: undefined` is what the type allows for an absent seal (JSON never has it)
  if (bound !== undefined && (!('value' in bound) || (typeof bound.value !== 'string' && bound.value !== undefined))) return 'its "bound" is not a string';
  return undefined;
}

/** A plain object with an own string `$action`, an optional string `bound` (own data properties), and nothing else. */
export function isActionReference(value: unknown): value is ActionReference {
  return referenceProblem(value) === undefined;
}
