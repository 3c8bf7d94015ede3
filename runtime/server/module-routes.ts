import type { RoutesModel } from '../../model/routes-model.js';
import { assertGeneratedVersion } from '../../model/version.js';
import { inlineAction } from './references/inline-actions.js';
import { giveFormAction } from './references/form-action.js';
import { defineActionRoutes, type ActionFunction } from './route-functions.js';
import type { RouteDefinition } from './route-definition.js';

/** Where each action of a generated route table lives: its module (an index into the modules list) and export. */
export interface ActionExport {
  /** the module's index among the namespaces `defineModuleRoutes` gets */
  module: number;
  /** the export name; for an inline action, the transformer's hoisted export */
  name: string;
  /** the module id, for messages */
  moduleId: string;
  /** an inline action, hoisted by the transformer */
  inline?: true;
}

/**
 * The route table of a generated `routes.ts` from its modules' namespaces: each action is looked up by
 * export name at start-up, so the compiler checks one identifier per module instead of one element access
 * per action. Generated data of another format (model/version.ts) or a missing export (a stale routes.ts, or inline actions compiled without the transformer) stops
 * the server with a message saying which. The namespaces are separate arguments: as an array literal, the
 * compiler would reduce the union of all their types (hundreds of them) to type the array.
 *
 * @example
 * export const actionRoutes = defineModuleRoutes(model, exports, users, posts);
 */
export function defineModuleRoutes(model: RoutesModel, exports: readonly ActionExport[], ...modules: readonly object[]): RouteDefinition[] {
  assertGeneratedVersion(model.version, 'routes.ts', 'actionwire/server');
  return defineActionRoutes(
    model,
    exports.map((entry) => exportedAction(modules[entry.module], entry)),
  );
}

function exportedAction(namespace: object | undefined, entry: ActionExport): ActionFunction {
  if (entry.inline) return inlineAction(namespace ?? {}, entry.name, entry.moduleId);
  const value: unknown = namespace !== undefined && Object.hasOwn(namespace, entry.name) ? (namespace as Record<string, unknown>)[entry.name] : undefined;
  if (typeof value !== 'function') {
    throw new Error(`actionwire: ${entry.moduleId} exports no function '${entry.name}', which the generated routes list: generate them again (tspc or actionwire generate)`);
  }
  // from here on, react-dom/server renders it as a form's action (with the URL of the router serving it)
  giveFormAction(value as ActionFunction);
  return value as ActionFunction;
}
