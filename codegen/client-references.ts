import type { Model } from '../model/model.js';
import { allPlans, answerPlans, clientAction, type AnswerPlans } from './client-action.js';
import { embeddedJson } from './embedded-json.js';
import { RevivalPlanner } from '../model/revival.js';
import { ModuleScript } from './module-script.js';

/**
 * `client/_references.js`: registers every action's parameter names and result revival with actionwire/client,
 * so that an action reference (`{"$action", "bound"}`) in a result, or given to `fromReference`, becomes a
 * function calling it. Written only when the server can hand out references.
 */
export function emitClientReferences(model: Model, planner = new RevivalPlanner(model.schemas)): ModuleScript {
  const plans = model.actions.map((action) => answerPlans(planner, action));
  const actions = model.actions.map((action, index) => clientAction(model, action, plans[index] as AnswerPlans));
  const shared = Object.fromEntries(planner.referencedPlans(allPlans(plans)));
  return new ModuleScript()
    .importNamed(['registerActions'], 'actionwire/internal/client')
    .blank()
    .code(
      `/** Every action's path, parameter names, form and result revival, then the named plans they refer to. */`,
      `registerActions(${JSON.stringify(model.basePath)}, ${embeddedJson(actions)}, ${embeddedJson(shared)});`,
    );
}
