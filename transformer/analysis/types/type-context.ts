import type ts from 'typescript';
import type { AnalysisIssue } from '../issues.js';
import { issueAt } from '../issues.js';
import type { SchemaRegistry } from './schema-names.js';

/** What every type converter needs: the compiler, where problems go, and where in the value we are. */
export interface TypeContext {
  ts: typeof ts;
  checker: ts.TypeChecker;
  schemas: SchemaRegistry;
  issues: AnalysisIssue[];
  /** the node problems are reported at (the parameter, or the return type) */
  site: ts.Node;
  /** which value of which action the type describes */
  place: ValuePlace;
  /** anonymous object types being converted, to catch recursion without a name */
  visiting: Set<ts.Type>;
}

/** A parameter of an action, its return value, or a variable an inline action captures. */
export type ValuePlace =
  | { kind: 'parameter'; action: string; parameter: string }
  | { kind: 'return'; action: string }
  | { kind: 'captured'; action: string; variable: string };

/** `createUser(data).address.zip`, `fetchUsers return type []` */
export function pathText(context: TypeContext, path: string): string {
  const { place } = context;
  if (place.kind === 'parameter') return `${place.action}(${place.parameter})${path}`;
  if (place.kind === 'captured') return `the variable '${place.variable}' that ${place.action} captures${path === '' ? '' : ` (at ${path})`}`;
  return path === '' ? `${place.action} return type` : `${place.action} return type ${path}`;
}

export function unsupported(context: TypeContext, path: string, typeText: string, why: string): void {
  context.issues.push(
    issueAt(context.site, 'actionwire/unsupported-type', `${pathText(context, path)} has type '${typeText}', which cannot cross the wire: ${why}`),
  );
}
