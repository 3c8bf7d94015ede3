import type { RevivalPlan } from './revival-plan.js';

/**
 * One action as the generated client carries it, in its modules and in `_references.js`: its path (the base
 * path included, not yet percent-encoded), its parameter names in order (their values are the JSON body's
 * properties), whether it takes a form (1, or 2 when the form is optional), and how its result is revived
 * (0: nothing to revive); a streaming action adds how each item and its result are revived (its `plan` is then 0).
 */
export type ClientAction =
  | readonly [path: string, parameters: readonly string[], form: 0 | 1 | 2, plan: RevivalPlan | 0]
  | readonly [path: string, parameters: readonly string[], form: 0 | 1 | 2, plan: 0, stream: StreamPlans];

/** A streaming action's revival: each item's, the result's, and whether it has a result (1; 0: its `done` carries null, the iterator's final value is undefined). */
export type StreamPlans = readonly [item: RevivalPlan | 0, result: RevivalPlan | 0, hasResult: 0 | 1];
