import type ts from 'typescript';
import { isBindingIdentifier } from '../../codegen/naming.js';
import type { Action, FormParameter, Parameter } from '../../model/model.js';
import { clientExportNameProblem } from './names/client-names.js';
import { unroutableNameProblem } from './names/route-names.js';
import { errorCount, issueAt, type AnalysisIssue } from './issues.js';
import { convertType, includesUndefined } from './types/convert.js';
import { convertStream, isStreamType } from './types/stream-type.js';
import { formParameter, isFormParameterType } from './types/form-fields.js';
import { writtenResultTypes, writtenTypes } from './types/named-unions.js';
import type { SchemaRegistry } from './types/schema-names.js';
import type { TypeContext, ValuePlace } from './types/type-context.js';
import { documentationOf } from './doc-comments.js';
import type { ThrownErrors } from './errors/thrown-errors.js';

export interface ModuleAnalysis {
  ts: typeof ts;
  checker: ts.TypeChecker;
  schemas: SchemaRegistry;
  issues: AnalysisIssue[];
  /** the errors each action can answer with, read across the program */
  thrownErrors: ThrownErrors;
}

type FunctionNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

function isFunctionNode(tsApi: typeof ts, node: ts.Node | undefined): node is FunctionNode {
  return node !== undefined && (tsApi.isFunctionDeclaration(node) || tsApi.isArrowFunction(node) || tsApi.isFunctionExpression(node));
}

export function isAsync(tsApi: typeof ts, node: ts.FunctionLikeDeclaration): boolean {
  return Boolean(tsApi.getCombinedModifierFlags(node as ts.Declaration) & tsApi.ModifierFlags.Async);
}

/** The function an export stands for, if its value is written as one. */
function functionOf(tsApi: typeof ts, declaration: ts.Declaration): FunctionNode | undefined {
  if (isFunctionNode(tsApi, declaration)) return declaration;
  if (tsApi.isVariableDeclaration(declaration)) {
    let initializer = declaration.initializer;
    while (initializer && (tsApi.isParenthesizedExpression(initializer) || tsApi.isAsExpression(initializer) || tsApi.isSatisfiesExpression(initializer))) {
      initializer = initializer.expression;
    }
    return isFunctionNode(tsApi, initializer) ? initializer : undefined;
  }
  if (tsApi.isExportAssignment(declaration)) return isFunctionNode(tsApi, declaration.expression) ? declaration.expression : undefined;
  return undefined;
}

function reportNode(tsApi: typeof ts, declaration: ts.Declaration): ts.Node {
  const name = tsApi.getNameOfDeclaration(declaration);
  return name ?? declaration;
}

function location(node: ts.Node): Action['source'] {
  const file = node.getSourceFile();
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return { file: file.fileName, line: line + 1, column: character + 1 };
}

/** The actions of one file-level 'use server' module, in source order; rule violations go to `analysis.issues`. */
export function analyzeActionModule(analysis: ModuleAnalysis, sourceFile: ts.SourceFile, moduleId: string): Action[] {
  const { ts: tsApi, checker } = analysis;
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  if (!moduleSymbol) return [];
  const actions: Action[] = [];
  const exports = checker
    .getExportsOfModule(moduleSymbol)
    .map((symbol) => ({ symbol, declaration: symbol.getDeclarations()?.[0] }))
    .filter((entry): entry is { symbol: ts.Symbol; declaration: ts.Declaration } => entry.declaration !== undefined)
    .sort((a, b) => a.declaration.getStart() - b.declaration.getStart());

  for (const { symbol, declaration } of exports) {
    const exportName = symbol.getName();
    const target = symbol.flags & tsApi.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const typeOnly = (tsApi.isExportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly)) || !(target.flags & tsApi.SymbolFlags.Value);
    if (typeOnly) continue;
    const valueDeclaration = target.valueDeclaration ?? target.getDeclarations()?.[0] ?? declaration;
    const at = reportNode(tsApi, declaration);
    const fn = functionOf(tsApi, valueDeclaration);
    const type = checker.getTypeOfSymbolAtLocation(target, valueDeclaration);
    const signatures = type.getCallSignatures();

    if (signatures.length === 0) {
      analysis.issues.push(
        issueAt(at, 'actionwire/not-a-function', `'${exportName}' is exported from a 'use server' module but is not a function: every export of such a module is a server action (export types, or move the value to another module)`),
      );
      continue;
    }
    if (fn ? !isAsync(tsApi, fn) : !signatures.every((signature) => isPromise(checker, signature.getReturnType()))) {
      analysis.issues.push(
        issueAt(
          at,
          'actionwire/not-async',
          fn
            ? `Server action '${exportName}' must be an async function: ${asyncHint(exportName)}`
            : `Server action '${exportName}' must be an async function, but the value it is exported from returns no Promise: export an async function, or make the function that creates it return one`,
        ),
      );
      continue;
    }
    if (signatures.length > 1) {
      analysis.issues.push(issueAt(at, 'actionwire/unsupported-parameter', `Server action '${exportName}' has overloads; an action needs exactly one signature`));
      continue;
    }
    const action = analyzeSignature(analysis, signatures[0], fn ?? valueDeclaration, exportName, moduleId);
    const nameProblem = clientExportNameProblem(exportName);
    if (nameProblem) {
      analysis.issues.push(issueAt(at, 'actionwire/name-collision', nameProblem));
      continue;
    }
    const routeProblem = unroutableNameProblem(exportName);
    if (routeProblem) {
      analysis.issues.push(issueAt(at, 'actionwire/unroutable-name', routeProblem));
      continue;
    }
    if (action) {
      const description = documentationOf(tsApi, target);
      if (description) action.description = description;
      actions.push(action);
    }
  }
  return actions;
}

/** How to write the export as an async function; an export name that is no identifier (`export { f as "a-b" }`) names no declaration. */
function asyncHint(exportName: string): string {
  if (exportName === 'default') return `write 'export default async function (…)'`;
  return isBindingIdentifier(exportName) ? `write 'export async function ${exportName}(…)'` : `declare the function exported as '${exportName}' with 'async'`;
}

function isPromise(checker: ts.TypeChecker, type: ts.Type): boolean {
  return checker.getAwaitedType(type) !== type;
}

export function analyzeSignature(analysis: ModuleAnalysis, signature: ts.Signature, node: ts.Node, exportName: string, moduleId: string): Action | undefined {
  const { ts: tsApi, checker } = analysis;
  const errorsBefore = errorCount(analysis.issues);
  const context = (site: ts.Node, place: ValuePlace): TypeContext => ({ ...analysis, site, place, visiting: new Set() });
  const params: Parameter[] = [];
  const formParameters: FormParameter[] = [];
  for (const parameter of signature.getParameters()) {
    const declaration = parameter.valueDeclaration;
    if (!declaration || !tsApi.isParameter(declaration)) continue;
    if (!tsApi.isIdentifier(declaration.name)) {
      analysis.issues.push(
        issueAt(declaration, 'actionwire/unsupported-parameter', `A parameter of '${exportName}' is destructured; name it (its name is its key in the request body) and destructure inside the action`),
      );
      continue;
    }
    const name = declaration.name.text;
    if (declaration.dotDotDotToken) {
      analysis.issues.push(issueAt(declaration, 'actionwire/unsupported-parameter', `Rest parameter '${name}' of '${exportName}' cannot be named in the request body; take an array instead`));
      continue;
    }
    const type = checker.getTypeOfSymbolAtLocation(parameter, declaration);
    const place: ValuePlace = { kind: 'parameter', action: exportName, parameter: name };
    const optional = Boolean(declaration.questionToken || declaration.initializer) || includesUndefined(context(declaration, place), type);
    const nonNullable = checker.getNonNullableType(type);
    if (isFormParameterType(context(declaration, place), nonNullable)) formParameters.push(formParameter(context(declaration, place), name, optional, nonNullable));
    else params.push({ name, type: convertType(type, context(declaration, place), '', writtenTypes(context(declaration, place), [declaration])), optional });
  }

  const [form] = formParameters;
  if (form && (params.length > 0 || formParameters.length > 1)) {
    analysis.issues.push(issueAt(tsApi.getNameOfDeclaration(node as ts.Declaration) ?? node, 'actionwire/unsupported-parameter', formParameters.length > 1 ? `'${exportName}' takes more than one FormData; an action takes at most one form (put every value in it)` : `'${exportName}' takes FormData and other parameters; a FormData parameter must be the only one (put the other values in the form)`));
  }
  const declaredReturn = signature.getReturnType();
  const awaited = checker.getAwaitedType(declaredReturn) ?? declaredReturn;
  const returnSite = (tsApi.isFunctionLike(node) && node.type) || tsApi.getNameOfDeclaration(node as ts.Declaration) || node;
  const returnContext = context(returnSite, { kind: 'return', action: exportName });
  const F = tsApi.TypeFlags;
  const nothing = F.Void | F.Undefined;
  let returns: Action['returns'];
  let stream: Action['stream'];
  let mayReturnNothing = false;
  if (isStreamType(awaited)) {
    stream = convertStream(awaited, returnContext);
  } else if (!(awaited.flags & nothing)) {
    mayReturnNothing = includesUndefined(returnContext, awaited);
    returns = convertType(awaited, returnContext, '', writtenResultTypes(returnContext, tsApi.isFunctionLike(node) ? node.type : undefined));
  }
  if (errorCount(analysis.issues) > errorsBefore) return undefined;
  const action: Action = { moduleId, exportName, route: `${moduleId}/${exportName}`, params, source: location(node) };
  if (form) action.form = form;
  if (returns) action.returns = returns;
  if (stream) action.stream = stream;
  if (mayReturnNothing) action.mayReturnNothing = true;
  const errors = analysis.thrownErrors.ofAction(node, exportName);
  if (errors) action.errors = errors;
  return action;
}
