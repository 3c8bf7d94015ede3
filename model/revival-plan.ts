import type { MemberShape } from './member-shape.js';

/**
 * Where a value needs reviving after JSON.parse (a Date from its ISO string).
 * A plan is compact data that the analysis writes into the generated client and the client runtime walks:
 *   "d"                       a Date
 *   ["a", plan]               every element of an array
 *   ["o", {property: plan}]   these properties of an object
 *   ["m", plan]               every value of a record
 *   ["x", {property: plan}, plan, [name, …]]  declared properties by name, then every other key's value
 *   ["D", "tag", {tagValue: plan}]  a discriminated union: the tag property picks the member's plan
 *   ["r", "Name"]             the plan of a named schema (see `plans` of the module)
 *   ["u", [plan, …]]          a union: each plan applies where the value has its shape (scalars: a Date only from a date-time string)
 *   ["U", [[shape, n], …], [plan|0, …]]  a union of objects or arrays: the members whose shape the value fits (see
 *                             MemberShape) pick their plan n; when those members want different plans, nothing is revived
 *   "b", "y"                  a bigint (from a decimal string), bytes (from base64)
 *   ["t", [plan|0, …], plan|0] the items of a tuple by position, then its rest
 *   ["M", plan|0, plan|0]     a Map from [key, value] pairs
 *   ["S", plan|0]             a Set from an array
 *   "R"                       an action reference `{"$action", "bound"}`: a function calling that action
 * (0 stands for "nothing to revive")
 */
export type RevivalPlan =
  | 'd'
  | 'b'
  | 'y'
  | 'R'
  | readonly ['t', readonly (RevivalPlan | 0)[], RevivalPlan | 0]
  | readonly ['M', RevivalPlan | 0, RevivalPlan | 0]
  | readonly ['S', RevivalPlan | 0]
  | readonly ['a', RevivalPlan]
  | readonly ['o', { readonly [property: string]: RevivalPlan }]
  | readonly ['m', RevivalPlan]
  | readonly ['x', { readonly [property: string]: RevivalPlan }, RevivalPlan, readonly string[]]
  | readonly ['D', string, { readonly [tag: string]: RevivalPlan }]
  | readonly ['r', string]
  | readonly ['u', readonly RevivalPlan[]]
  | readonly ['U', ReadonlyArray<readonly [MemberShape, number]>, readonly (RevivalPlan | 0)[]];

/** The named plans a module's plans refer to with ['r', name]. */
export type RevivalPlans = { readonly [name: string]: RevivalPlan };
