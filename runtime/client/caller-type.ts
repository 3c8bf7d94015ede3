import type { RevivalPlan, RevivalPlans } from '../../model/revival-plan.js';

/** What generated client functions call: `route` is the action's path as the server's table spells it (not yet percent-encoded), `body` its arguments by name. */
export type Caller = <T>(route: string, body: Record<string, unknown> | FormData, plan?: RevivalPlan, plans?: RevivalPlans) => Promise<T>;
