import type ts from 'typescript';
import type { TypeNode } from '../../../model/model.js';
import { RESERVED_SCHEMA_NAMES } from '../../../model/reserved-schema-names.js';

/**
 * The named schemas found so far: one name per TypeScript type (the checker's types are
 * canonical, so identity is the key), readable and collision-free (`User`, `User_2`).
 */
export class SchemaRegistry {
  private readonly byType = new Map<ts.Type, string>();
  private readonly types = new Map<string, TypeNode>();
  private readonly descriptions = new Map<string, string>();
  /** the names of the schemas the OpenAPI document adds itself */
  private readonly taken = new Set<string>(RESERVED_SCHEMA_NAMES);

  nameOf(type: ts.Type): string | undefined {
    return this.byType.get(type);
  }

  /** Reserves a name for `type` before its body is converted, so recursive references resolve. */
  reserve(type: ts.Type, wanted: string): string {
    const base = wanted.replace(/[^A-Za-z0-9_]/g, '_') || 'Schema';
    let name = base;
    for (let suffix = 2; this.taken.has(name); suffix++) name = `${base}_${suffix}`;
    this.taken.add(name);
    this.byType.set(type, name);
    return name;
  }

  define(name: string, type: TypeNode, description: string | undefined): void {
    this.types.set(name, type);
    if (description) this.descriptions.set(name, description);
  }

  sorted(): Array<{ name: string; type: TypeNode; description?: string }> {
    return [...this.types.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, type]) => {
        const description = this.descriptions.get(name);
        return description ? { name, type, description } : { name, type };
      });
  }
}
