import type { ClientAction } from '../model/client-action.js';
import { isFormAction, parameterNames, type Action, type Model } from '../model/model.js';
import type { RevivalPlan } from '../model/revival.js';

/** The data the generated client holds for one action (see ClientAction), given its result's revival plan. */
export function clientAction(model: Model, action: Action, plan: RevivalPlan | undefined): ClientAction {
  return [`${model.basePath}/${action.route}`, parameterNames(action), isFormAction(action) ? (action.form.optional ? 2 : 1) : 0, plan ?? 0];
}
