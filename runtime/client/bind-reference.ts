import { registeredAction, type ActionShape } from './action-registry.js';
import type { Caller } from './caller-type.js';
import { BOUND_KEY } from '../../model/keys.js';
import { namedArguments } from './named-arguments.js';
import { referenceProblem, type ActionReference } from './reference.js';

/** The arguments of a call as the action's route takes them, with the reference's seal. */
function requestBody(shape: ActionShape, args: readonly unknown[], bound: string | undefined): Record<string, unknown> | FormData {
  if (shape.f === 1) {
    const given = args[0];
    if (given !== undefined && given !== null && !(given instanceof FormData)) throw new TypeError('actionwire: this action takes a FormData');
    // a copy: the caller's form stays as it was
    const form = new FormData();
    if (given) for (const [name, value] of given) form.append(name, value);
    if (bound !== undefined) form.set(BOUND_KEY, bound);
    return form;
  }
  const body = namedArguments(shape.p, args);
  if (bound !== undefined) body[BOUND_KEY] = bound;
  return body;
}

/** A function calling, through `caller`, the action a reference names; a TypeError for a malformed or unknown reference. */
export function bindReference(reference: ActionReference, caller: Caller): (...args: unknown[]) => Promise<unknown> {
  const problem = referenceProblem(reference);
  if (problem !== undefined) throw new TypeError(`actionwire: not an action reference ({"$action": string, "bound"?: string}): ${problem}`);
  const route = reference.$action;
  const action = registeredAction(route);
  if (action === undefined) {
    throw new TypeError(
      `actionwire: this client knows no action at '${route}'; import the generated client (client/index.js) before calling fromReference, or generate it again`,
    );
  }
  const { basePath, shape, plans } = action;
  const bound = reference.bound;
  // async, so a bad argument rejects the call's promise as a failed request would
  return async (...args: unknown[]) => caller<unknown>(`${basePath}/${route}`, requestBody(shape, args, bound), shape.r, plans);
}
