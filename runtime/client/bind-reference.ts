import { formBody } from './form-body.js';
import type { ClientAction } from '../../model/client-action.js';
import { actionFunction, type ActionFunction } from './action-function.js';
import { registeredAction } from './action-registry.js';
import type { Caller } from './caller-type.js';
import { BOUND_KEY } from '../../model/keys.js';
import { namedArguments } from './named-arguments.js';
import { referenceProblem, type ActionReference } from './reference.js';

/** The arguments of a call as the action's route takes them, with the reference's seal. */
function requestBody([, parameters, form]: ClientAction, args: readonly unknown[], bound: string | undefined): Record<string, unknown> | FormData {
  if (form !== 0) {
    // a copy: the caller's form stays as it was
    const form = new FormData();
    for (const [name, value] of formBody(args[0])) form.append(name, value);
    if (bound !== undefined) form.set(BOUND_KEY, bound);
    return form;
  }
  const body = namedArguments(parameters, args);
  if (bound !== undefined) body[BOUND_KEY] = bound;
  return body;
}

/** A function calling, through `caller`, the action a reference names; a TypeError for a malformed or unknown reference. */
export function bindReference(reference: ActionReference, caller: Caller): ActionFunction<(...args: unknown[]) => unknown> {
  const problem = referenceProblem(reference);
  if (problem !== undefined) throw new TypeError(`actionwire: not an action reference ({"$action": string, "bound"?: string}): ${problem}`);
  const route = reference.$action;
  const registered = registeredAction(route);
  if (registered === undefined) {
    throw new TypeError(
      `actionwire: this client knows no action at '${route}'; import the generated client (client/index.js) before calling fromReference, or generate it again`,
    );
  }
  const { action: called, plans } = registered;
  const [path, , , plan, stream] = called;
  const bound = reference.bound;
  if (stream !== undefined) return actionFunction(path, (args, options) => caller.stream(path, requestBody(called, args, bound), stream, plans, options));
  // async, so a bad argument rejects the call's promise as a failed request would
  return actionFunction(path, async (args, options) => caller<unknown>(path, requestBody(called, args, bound), plan === 0 ? undefined : plan, plans, options));
}
