/** Mirrors `RevivalPlan` of the code generator: where JSON values become Dates again. */
export type RevivalPlan =
  | 'd'
  | readonly ['a', RevivalPlan]
  | readonly ['o', { readonly [property: string]: RevivalPlan }]
  | readonly ['m', RevivalPlan]
  | readonly ['r', string]
  | readonly ['u', readonly RevivalPlan[]];

export type RevivalPlans = { readonly [name: string]: RevivalPlan };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Revives in place where possible and returns the value; values of an unexpected shape are left alone. */
export function revive(value: unknown, plan: RevivalPlan, plans: RevivalPlans = {}): unknown {
  if (plan === 'd') {
    if (typeof value !== 'string') return value;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  switch (plan[0]) {
    case 'a':
      if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = revive(value[i], plan[1], plans);
      return value;
    case 'o':
      if (isObject(value)) {
        for (const [key, inner] of Object.entries(plan[1])) {
          if (Object.hasOwn(value, key)) value[key] = revive(value[key], inner, plans);
        }
      }
      return value;
    case 'm':
      if (isObject(value)) for (const key of Object.keys(value)) value[key] = revive(value[key], plan[1], plans);
      return value;
    case 'r': {
      const named = plans[plan[1]];
      return named === undefined ? value : revive(value, named, plans);
    }
    case 'u':
      return plan[1].reduce<unknown>((current, member) => revive(current, member, plans), value);
  }
}
