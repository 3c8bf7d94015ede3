import { isDateTime } from '../shared/date-time.js';
import type { MemberShape } from '../../model/member-shape.js';
import type { RevivalPlan, RevivalPlans } from '../../model/revival-plan.js';
import { fromBase64 } from './base64.js';
import { BASE64_TEXT, BIGINT_TEXT, fitsShape } from './fits-shape.js';
import { isActionReference, type ReferenceResolver } from './reference.js';

export type { RevivalPlan, RevivalPlans };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A Date only from an RFC 3339 date-time that names a real instant (the rule the server validates
 * with), so a `string | Date` result keeps strings such as "1" or "2021-02-31T00:00:00Z" as strings.
 */
function reviveScalar(value: unknown, plan: 'd' | 'b' | 'y'): unknown {
  if (typeof value !== 'string') return value;
  // only the forms the server writes: `BigInt('')` is 0n, and a string | bigint result must keep its ''
  if (plan === 'b') return BIGINT_TEXT.test(value) ? BigInt(value) : value;
  if (plan === 'y') return BASE64_TEXT.test(value) ? fromBase64(value) : value;
  return isDateTime(value) ? new Date(value) : value;
}


/** An own data property, also for keys such as `__proto__` that plain assignment would turn into a prototype change. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

function reviveProperties(
  value: Record<string, unknown>,
  properties: { readonly [property: string]: RevivalPlan },
  plans: RevivalPlans,
  references: ReferenceResolver | undefined,
): void {
  for (const [key, inner] of Object.entries(properties)) if (Object.hasOwn(value, key)) setOwn(value, key, revive(value[key], inner, plans, references));
}

/** A function for a well-formed reference when there is a resolver; anything else as it is. */
function reviveReference(value: unknown, references: ReferenceResolver | undefined): unknown {
  return references !== undefined && isActionReference(value) ? references(value) : value;
}

/**
 * Which plan the union members that `value` fits agree on; undefined when it fits none, or members that want
 * different plans (a field one member declares as Date and another as string stays as it came).
 */
function memberPlan(value: unknown, members: ReadonlyArray<readonly [MemberShape, number]>): number | undefined {
  let chosen: number | undefined;
  for (const [shape, plan] of members) {
    if (!fitsShape(value, shape)) continue;
    if (chosen !== undefined && chosen !== plan) return undefined;
    chosen = plan;
  }
  return chosen;
}

/**
 * Revives in place where possible and returns the value; values of an unexpected shape are left alone.
 * `references` turns action references (plan 'R') into functions; without it they stay plain objects.
 *
 * @example
 * revive({ at: '2026-01-01T00:00:00Z' }, ['o', { at: 'd' }]); // { at: Date }
 */
export function revive(value: unknown, plan: RevivalPlan | 0, plans: RevivalPlans = {}, references?: ReferenceResolver): unknown {
  if (plan === 0) return value;
  if (plan === 'R') return reviveReference(value, references);
  if (typeof plan === 'string') return reviveScalar(value, plan);
  switch (plan[0]) {
    case 'a':
      if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = revive(value[i], plan[1], plans, references);
      return value;
    case 'o':
      if (isObject(value)) reviveProperties(value, plan[1], plans, references);
      return value;
    case 'm':
      if (isObject(value)) for (const key of Object.keys(value)) setOwn(value, key, revive(value[key], plan[1], plans, references));
      return value;
    case 'x':
      if (isObject(value)) {
        reviveProperties(value, plan[1], plans, references);
        for (const key of Object.keys(value)) if (!plan[3].includes(key)) setOwn(value, key, revive(value[key], plan[2], plans, references));
      }
      return value;
    case 'D': {
      if (!isObject(value) || !Object.hasOwn(value, plan[1])) return value;
      const member = plan[2][String(value[plan[1]])];
      return member === undefined ? value : revive(value, member, plans, references);
    }
    case 'r': {
      const named = plans[plan[1]];
      return named === undefined ? value : revive(value, named, plans, references);
    }
    case 'u':
      return plan[1].reduce<unknown>((current, member) => revive(current, member, plans, references), value);
    case 'U': {
      const chosen = memberPlan(value, plan[1]);
      return chosen === undefined ? value : revive(value, plan[2][chosen] ?? 0, plans, references);
    }
    case 't':
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) value[i] = revive(value[i], i < plan[1].length ? (plan[1][i] ?? 0) : plan[2], plans, references);
      }
      return value;
    case 'M':
      if (!Array.isArray(value)) return value;
      return new Map(
        value.filter(Array.isArray).map((entry: unknown[]) => [revive(entry[0], plan[1], plans, references), revive(entry[1], plan[2], plans, references)]),
      );
    case 'S':
      return Array.isArray(value) ? new Set(value.map((item: unknown) => revive(item, plan[1], plans, references))) : value;
  }
}
