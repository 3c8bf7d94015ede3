import type { ClientAction } from '../model/client-action.js';
import { isFormAction, parameterNames, type Action, type Model } from '../model/model.js';
import type { RevivalPlan, RevivalPlanner } from '../model/revival.js';

/** How an action's answer is revived: its result's plan, or its stream's item and result plans. */
export interface AnswerPlans {
  plan: RevivalPlan | undefined;
  stream?: readonly [item: RevivalPlan | undefined, result: RevivalPlan | undefined];
}

export function answerPlans(planner: RevivalPlanner, action: Action): AnswerPlans {
  if (action.stream) return { plan: undefined, stream: [planner.plan(action.stream.item), action.stream.result ? planner.plan(action.stream.result) : undefined] };
  return { plan: action.returns ? planner.plan(action.returns) : undefined };
}

/** Every plan among `answers`, for the planner's `referencedPlans`. */
export function allPlans(answers: readonly AnswerPlans[]): Array<RevivalPlan | undefined> {
  return answers.flatMap((answer) => [answer.plan, ...(answer.stream ?? [])]);
}

/** The data the generated client holds for one action (see ClientAction), given its answer's revival plans. */
export function clientAction(model: Model, action: Action, plans: AnswerPlans): ClientAction {
  const form = isFormAction(action) ? (action.form.optional ? 2 : 1) : 0;
  const path = `${model.basePath}/${action.route}`;
  if (plans.stream) return [path, parameterNames(action), form, 0, [plans.stream[0] ?? 0, plans.stream[1] ?? 0, action.stream?.result ? 1 : 0]];
  return [path, parameterNames(action), form, plans.plan ?? 0];
}
