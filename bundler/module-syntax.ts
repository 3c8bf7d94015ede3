import type * as TS from 'typescript';
import { DIRECTIVE, scanDirectives } from '../transformer/analysis/directives.js';
import type { ProjectTypeScript } from './project-typescript.js';

/** What a module is to a client bundle, read from its syntax alone (no program, no checker). */
export type ModuleSyntax =
  | { kind: 'plain' }
  /** a 'use server' module: the names it exports values under, and whether an `export *` adds names only a checker could list */
  | { kind: 'server-module'; exportNames: string[]; exportsStar: boolean }
  /** a module holding functions whose body starts with 'use server': server code */
  | { kind: 'inline-actions'; functionNames: string[] };

function nameText(name: TS.ModuleExportName): string {
  return name.text;
}

function hasModifier(ts: typeof TS, statement: TS.Statement, kind: TS.ModifierSyntaxKind): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === kind);
}

function bindingNames(ts: typeof TS, name: TS.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  // a hole (`[a, , b]`) is an OmittedExpression on TypeScript 6, a binding element without a name on TypeScript 7
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) || element.name === undefined ? [] : bindingNames(ts, element.name)));
}

/** Local names that are only types (interfaces, type aliases, type-only imports): `export { T }` of one exports no value. */
function typeOnlyNames(ts: typeof TS, file: TS.SourceFile): Set<string> {
  const types = new Set<string>();
  const values = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) types.add(statement.name.text);
    else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      const clauseTypeOnly = clause.phaseModifier === ts.SyntaxKind.TypeKeyword;
      const add = (name: string, typeOnly: boolean): void => void (typeOnly || clauseTypeOnly ? types : values).add(name);
      if (clause.name) add(clause.name.text, false);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name.text, false);
      else if (bindings) for (const element of bindings.elements) add(element.name.text, element.isTypeOnly);
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      if (statement.name) values.add(statement.name.text);
    } else if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) bindingNames(ts, declaration.name).forEach((name) => values.add(name));
  }
  return new Set([...types].filter((name) => !values.has(name)));
}

/**
 * The names a module exports values under, in source order, as JavaScript would see them after TypeScript erases types.
 * `ts`: the namespace of the TypeScript that parsed `file` (6's, or 7's through syntax-namespace.ts).
 */
export function valueExportNames(ts: typeof TS, file: TS.SourceFile): { names: string[]; exportsStar: boolean } {
  const names: string[] = [];
  let exportsStar = false;
  const types = typeOnlyNames(ts, file);
  const isExported = (statement: TS.Statement): boolean => hasModifier(ts, statement, ts.SyntaxKind.ExportKeyword);
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (!clause) exportsStar = true;
      else if (ts.isNamespaceExport(clause)) names.push(nameText(clause.name));
      else {
        for (const element of clause.elements) {
          const local = nameText(element.propertyName ?? element.name);
          if (element.isTypeOnly || (!statement.moduleSpecifier && types.has(local))) continue;
          names.push(nameText(element.name));
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      if (!statement.isExportEquals) names.push('default');
    } else if (isExported(statement) && !hasModifier(ts, statement, ts.SyntaxKind.DeclareKeyword)) {
      if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) names.push(...bindingNames(ts, declaration.name));
      else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
        if (hasModifier(ts, statement, ts.SyntaxKind.DefaultKeyword)) names.push('default');
        else if (statement.name) names.push(statement.name.text);
      } else if (ts.isEnumDeclaration(statement) || (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name))) names.push(statement.name.text);
    }
  }
  return { names: [...new Set(names)], exportsStar };
}

/** `save` for `async function save()` and `const save = async () =>`; the line for an anonymous one. */
function functionName(ts: typeof TS, file: TS.SourceFile, fn: TS.FunctionLikeDeclaration): string {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return `the function at line ${file.getLineAndCharacterOfPosition(fn.getStart(file)).line + 1}`;
}

/**
 * Reads the directives and exports of one module from one parse by the project's TypeScript (5.9 and 6 in this
 * process, 7 in its compiler process), with the directive rules of the analysis: a module that never mentions
 * 'use server' is not even parsed.
 */
export function readModuleSyntax(typescript: ProjectTypeScript, fileName: string, text: string): ModuleSyntax {
  if (!text.includes(DIRECTIVE)) return { kind: 'plain' };
  const { ts } = typescript;
  const file = typescript.parse(fileName, text);
  const scan = scanDirectives(ts, file);
  if (scan.fileLevel) {
    const { names, exportsStar } = valueExportNames(ts, file);
    return { kind: 'server-module', exportNames: names, exportsStar };
  }
  if (scan.inline.length > 0) {
    return { kind: 'inline-actions', functionNames: scan.inline.map((fn) => functionName(ts, file, fn)) };
  }
  return { kind: 'plain' };
}
