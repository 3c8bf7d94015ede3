import { isFormAction, parameterNames, type Model } from '../model/model.js';
import { embeddedJson } from './embedded-json.js';
import { RevivalPlanner, type RevivalPlan } from '../model/revival.js';
import { ModuleScript } from './module-script.js';

/** What actionwire/client needs to call an action it only knows by route (`ActionShape` there). */
interface ActionShape {
  p: string[];
  f?: 1;
  r?: RevivalPlan;
}

/**
 * `client/_references.js`: registers every action's parameter names and result revival with actionwire/client,
 * so that an action reference (`{"$action", "bound"}`) in a result, or given to `fromReference`, becomes a
 * function calling it. Written only when the server can hand out references.
 */
export function emitClientReferences(model: Model, planner = new RevivalPlanner(model.schemas)): ModuleScript {
  const shapes: { [route: string]: ActionShape } = {};
  const plans: Array<RevivalPlan | undefined> = [];
  for (const action of model.actions) {
    const shape: ActionShape = { p: parameterNames(action) };
    if (isFormAction(action)) shape.f = 1;
    const plan = action.returns ? planner.plan(action.returns) : undefined;
    if (plan !== undefined) shape.r = plan;
    plans.push(plan);
    shapes[action.route] = shape;
  }
  const shared = Object.fromEntries(planner.referencedPlans(plans));
  return new ModuleScript()
    .importNamed(['registerActions'], 'actionwire/internal/client')
    .blank()
    .code(
      `/** Every action's parameter names and how its result is revived, by route, then the named types those plans refer to. */`,
      `registerActions(${JSON.stringify(model.basePath)}, ${embeddedJson(shapes)}, ${embeddedJson(shared)});`,
    );
}
