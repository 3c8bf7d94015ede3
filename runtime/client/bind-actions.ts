import { formBody } from './form-body.js';
import { assertGeneratedVersion } from '../../model/version.js';
import type { ClientAction } from '../../model/client-action.js';
import { actionFunction } from './action-function.js';
import type { Caller } from './caller-type.js';
import { namedArguments } from './named-arguments.js';
import type { RevivalPlans } from './revive.js';

/** A generated client module's actions by export name, and the named revival plans they refer to. */
export interface ClientModuleShape {
  /** MODEL_VERSION of the actionwire that generated it */
  readonly version: number;
  readonly actions: { readonly [exportName: string]: ClientAction };
  readonly plans: RevivalPlans;
}

/**
 * The functions of a generated client module, calling through `call`: what its `bind` returns, typed there
 * by the module's own signatures. Data instead of one arrow function per action keeps generated clients
 * cheap to compile.
 *
 * @example
 * const actions = bindActions<{ greet: (name: string) => Promise<string> }>(defaultCaller, {
 *   version: MODEL_VERSION,
 *   actions: { greet: ['/actions/app/greet', ['name'], 0, 0] },
 *   plans: {},
 * });
 */
export function bindActions<T>(call: Caller, shape: ClientModuleShape): T {
  assertGeneratedVersion(shape.version, `the generated client module of ${Object.values(shape.actions)[0]?.[0] ?? 'no action'}`, 'actionwire/client');
  const bound: { [exportName: string]: unknown } = {};
  for (const [exportName, [path, parameters, form, plan, stream]] of Object.entries(shape.actions)) {
    const revival = plan === 0 ? undefined : plan;
    const body = (args: unknown[]): Record<string, unknown> | FormData =>
      form === 0 ? namedArguments(parameters, args) : formBody(args[0]);
    const action = actionFunction(
      path,
      stream === undefined
        ? (args, options) => call(path, body(args), revival, shape.plans, options)
        : (args, options) => call.stream(path, body(args), stream, shape.plans, options),
    );
    Object.defineProperty(bound, exportName, { value: action, enumerable: true, writable: false, configurable: false });
  }
  return bound as T;
}
