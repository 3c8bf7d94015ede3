import type { RevivalPlan } from './revival-plan.js';

/**
 * One action as the generated client carries it, in its modules and in `_references.js`: its path (the base
 * path included, not yet percent-encoded), its parameter names in order (their values are the JSON body's
 * properties), whether it takes a form (1, or 2 when the form is optional), and how its result is revived
 * (0: nothing to revive).
 */
export type ClientAction = readonly [path: string, parameters: readonly string[], form: 0 | 1 | 2, plan: RevivalPlan | 0];
