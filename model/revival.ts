import { assertNever, type NamedSchema, type TypeNode } from './model.js';
import { findDiscriminator } from './discriminator.js';
import { memberShape, type MemberShape } from './member-shape.js';
import type { RevivalPlan } from './revival-plan.js';

export type { RevivalPlan };
import { referencedSchemaNames } from './type-refs.js';

/**
 * Plans the revival of action results (what the generated client hands to `revive`). Which named
 * schemas need reviving is decided for all of them when the planner is made, so every plan is
 * complete whatever order types are planned in.
 *
 * @example
 * const planner = new RevivalPlanner(model.schemas);
 * const plan = planner.plan(action.returns);            // e.g. ['r', 'User']
 * const shared = planner.referencedPlans([plan]);       // [['User', ['o', { joinedAt: 'd' }]]]
 */
export class RevivalPlanner {
  private readonly schemas: Map<string, TypeNode>;
  private readonly needs = new Map<string, boolean>();

  constructor(schemas: NamedSchema[]) {
    this.schemas = new Map(schemas.map((schema) => [schema.name, schema.type]));
    this.decideNeeds();
  }

  /** Does a value of this type hold anything that JSON.parse does not give back as it was? */
  needsRevival(type: TypeNode): boolean {
    return this.plan(type) !== undefined;
  }

  plan(type: TypeNode): RevivalPlan | undefined {
    switch (type.kind) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
      case 'literal':
      case 'unknown':
        return undefined;
      case 'date':
        return 'd';
      case 'bigint':
        return 'b';
      case 'bytes':
        return 'y';
      case 'action':
        return 'R';
      case 'map':
        return ['M', this.plan(type.key) ?? 0, this.plan(type.value) ?? 0];
      case 'set':
        return ['S', this.plan(type.items) ?? 0];
      case 'tuple': {
        const items = type.items.map((item) => this.plan(item) ?? 0);
        const rest = type.rest ? (this.plan(type.rest) ?? 0) : 0;
        return items.some((item) => item !== 0) || rest !== 0 ? ['t', items, rest] : undefined;
      }
      case 'array': {
        const items = this.plan(type.items);
        return items === undefined ? undefined : ['a', items];
      }
      case 'object':
        return this.objectPlan(type);
      case 'union':
        return this.unionPlan(type.members);
      case 'ref':
        return this.refNeedsRevival(type.name) ? ['r', type.name] : undefined;
      default:
        return assertNever(type);
    }
  }

  /** Names of the schemas a plan refers to, directly or through other schemas, sorted. */
  referencedPlans(plans: Array<RevivalPlan | undefined>): Array<[string, RevivalPlan]> {
    const found = new Map<string, RevivalPlan>();
    const visit = (plan: RevivalPlan | 0 | undefined): void => {
      if (plan === undefined || plan === 0 || typeof plan === 'string') return;
      if (plan[0] === 'r') {
        if (found.has(plan[1])) return;
        const named = this.plan(this.schemas.get(plan[1]) ?? { kind: 'unknown' });
        found.set(plan[1], named ?? ['o', {}]);
        visit(named);
      } else if (plan[0] === 'o') {
        Object.values(plan[1]).forEach(visit);
      } else if (plan[0] === 'x') {
        Object.values(plan[1]).forEach(visit);
        visit(plan[2]);
      } else if (plan[0] === 'D') {
        Object.values(plan[2]).forEach(visit);
      } else if (plan[0] === 'u') {
        plan[1].forEach(visit);
      } else if (plan[0] === 'U') {
        plan[2].forEach(visit);
      } else if (plan[0] === 't') {
        plan[1].forEach(visit);
        visit(plan[2]);
      } else if (plan[0] === 'M') {
        visit(plan[1]);
        visit(plan[2]);
      } else {
        visit(plan[1]);
      }
    };
    plans.forEach(visit);
    return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Decides, for every named schema at once, whether its values need reviving: the least fixpoint of
   * "its type holds something to revive, counting the schemas it refers to". Every schema starts at
   * "no"; a schema that becomes "yes" makes the schemas referring to it look again, until nothing
   * changes. So the answer for a recursive schema never depends on which schema was planned first.
   */
  private decideNeeds(): void {
    const dependents = new Map<string, string[]>();
    for (const [name, type] of this.schemas) {
      this.needs.set(name, false);
      for (const target of referencedSchemaNames(type, new Set())) {
        const list = dependents.get(target);
        if (list) list.push(name);
        else dependents.set(target, [name]);
      }
    }
    const pending = [...this.schemas.keys()];
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      const type = this.schemas.get(name);
      if (this.needs.get(name) === true || type === undefined || this.plan(type) === undefined) continue;
      this.needs.set(name, true);
      pending.push(...(dependents.get(name) ?? []));
    }
  }

  private refNeedsRevival(name: string): boolean {
    return this.needs.get(name) === true;
  }

  private objectPlan(type: Extract<TypeNode, { kind: 'object' }>): RevivalPlan | undefined {
    const properties: { [property: string]: RevivalPlan } = {};
    for (const property of type.properties) {
      const plan = this.plan(property.type);
      if (plan !== undefined) properties[property.name] = plan;
    }
    const additional = type.additional ? this.plan(type.additional) : undefined;
    if (additional !== undefined) {
      // the record's plan must not reach declared properties, which have plans (or none) of their own
      return type.properties.length === 0 ? ['m', additional] : ['x', properties, additional, type.properties.map((property) => property.name)];
    }
    return Object.keys(properties).length > 0 ? ['o', properties] : undefined;
  }

  private unionPlan(members: TypeNode[]): RevivalPlan | undefined {
    const plans = members.map((member) => this.plan(member));
    const needed = plans.filter((plan): plan is RevivalPlan => plan !== undefined);
    if (needed.length === 0) return undefined;
    const discriminator = findDiscriminator(members, this.schemas);
    if (discriminator) {
      const byTag: { [tag: string]: RevivalPlan } = {};
      for (const tag of discriminator.tags) {
        const plan = plans[tag.member];
        if (plan !== undefined) byTag[String(tag.value)] = plan;
      }
      return ['D', discriminator.property, byTag];
    }
    // Scalars revive by their own form; objects and arrays by the member they fit, decided apart from the scalars.
    const structured = members.flatMap((member, index) => (this.isStructured(member) ? [index] : []));
    const scalars = plans.filter((plan, index): plan is RevivalPlan => plan !== undefined && !structured.includes(index));
    const structuredPlans = structured.map((index) => plans[index]);
    const pieces = [...scalars];
    if (structured.length === 1 && structuredPlans[0] !== undefined) pieces.push(structuredPlans[0]);
    if (structured.length > 1 && structuredPlans.some((plan) => plan !== undefined)) pieces.push(this.byShapePlan(structured.map((index) => members[index] as TypeNode), structuredPlans));
    return pieces.length === 1 ? pieces[0] : ['u', pieces];
  }

  /** Does the member's JSON hold fields or items (an object or an array, named or not), rather than being one scalar? */
  private isStructured(type: TypeNode, hops = 8): boolean {
    if (type.kind === 'ref') {
      const target = this.schemas.get(type.name);
      return target !== undefined && hops > 0 && this.isStructured(target, hops - 1);
    }
    if (type.kind === 'union') return type.members.some((member) => this.isStructured(member, hops));
    return ['object', 'array', 'tuple', 'map', 'set', 'action'].includes(type.kind);
  }

  private byShapePlan(members: TypeNode[], plans: Array<RevivalPlan | undefined>): RevivalPlan {
    const distinct: Array<RevivalPlan | 0> = [];
    const texts: string[] = [];
    const shapes = members.map((member, index): [MemberShape, number] => {
      const plan = plans[index] ?? 0;
      const text = JSON.stringify(plan);
      let at = texts.indexOf(text);
      if (at === -1) {
        at = texts.push(text) - 1;
        distinct.push(plan);
      }
      return [memberShape(member, this.schemas), at];
    });
    return ['U', shapes, distinct];
  }
}
