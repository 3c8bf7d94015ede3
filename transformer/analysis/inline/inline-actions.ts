import type ts from 'typescript';
import { BOUND_KEY, type Action, type Parameter } from '../../../model/model.js';
import { analyzeSignature, isAsync, type ModuleAnalysis } from '../actions.js';
import { scanCaptures } from './inline-captures.js';
import { hoistedName, inlinePath, type InlineFunction } from './inline-names.js';
import { errorCount, issueAt } from '../issues.js';
import { convertType, includesUndefined } from '../types/convert.js';
import type { ValuePlace } from '../types/type-context.js';

/** What the emit step needs to hoist one inline action. */
export interface InlineHoist {
  /** the function node as the program holds it */
  node: InlineFunction;
  exportName: string;
  route: string;
  /** the captured variables' names, sorted */
  bound: string[];
  /** its own name, which its body calls it by (recursion): bound again inside the hoisted function */
  selfName?: string;
}

export interface InlineAnalysis {
  actions: Action[];
  hoists: InlineHoist[];
}

function isInlineFunction(tsApi: typeof ts, node: ts.Node): node is InlineFunction {
  if (tsApi.isFunctionDeclaration(node) || tsApi.isFunctionExpression(node) || tsApi.isArrowFunction(node)) return true;
  return tsApi.isMethodDeclaration(node) && tsApi.isObjectLiteralExpression(node.parent);
}

/** Is the function an export of the module itself (a file-level action of a 'use server' module, where the directive is redundant)? */
function isAtModuleLevel(tsApi: typeof ts, node: ts.Node): boolean {
  for (let current = node.parent; current && !tsApi.isSourceFile(current); current = current.parent) {
    if (tsApi.isFunctionLike(current) || tsApi.isClassLike(current) || tsApi.isBlock(current) || tsApi.isObjectLiteralExpression(current)) return false;
  }
  return true;
}

/**
 * The inline actions of one file (functions whose body starts with 'use server'), in source order: each
 * gets a route from the names around it (unique in the module: `Page.save`, `Page.save.2`), an export name
 * to be hoisted under, and its captured variables as bound values, whose types must cross the wire.
 */
export function analyzeInlineActions(
  analysis: ModuleAnalysis,
  functions: readonly ts.FunctionLikeDeclaration[],
  moduleId: string,
  fileLevelModule: boolean,
  takenRoutes: ReadonlySet<string>,
): InlineAnalysis {
  const { ts: tsApi, checker } = analysis;
  const result: InlineAnalysis = { actions: [], hoists: [] };
  const usedPaths = new Set<string>();
  const usedExports = new Set<string>();

  for (const fn of functions) {
    if (!isInlineFunction(tsApi, fn)) {
      analysis.issues.push(
        issueAt(
          fn.name ?? fn,
          'actionwire/inline-unsupported',
          `'use server' can start the body of a function declaration, function expression, arrow function or object literal method, not of a ${kindText(tsApi, fn)}: an action runs on its own, outside any instance; write it as a function (it may capture variables)`,
        ),
      );
      continue;
    }
    if (fileLevelModule && isAtModuleLevel(tsApi, fn)) continue;
    const basePath = inlinePath(tsApi, fn);
    let path = basePath;
    for (let count = 2; usedPaths.has(path) || takenRoutes.has(`${moduleId}/${path}`); count++) path = `${basePath}.${count}`;
    usedPaths.add(path);
    const at = fn.name ?? fn;
    if (!isAsync(tsApi, fn)) {
      analysis.issues.push(issueAt(at, 'actionwire/not-async', `Inline action ${path} must be an async function: write 'async' before it (an action always answers asynchronously)`));
      continue;
    }
    const errorsBefore = errorCount(analysis.issues);
    const captures = scanCaptures(tsApi, checker, fn, path);
    analysis.issues.push(...captures.issues);
    const bound: Parameter[] = captures.captured.map((variable) => {
      const type = checker.getTypeOfSymbolAtLocation(variable.symbol, variable.firstUse);
      const place: ValuePlace = { kind: 'captured', action: path, variable: variable.name };
      const context = { ...analysis, site: variable.firstUse, place, visiting: new Set<ts.Type>() };
      return { name: variable.name, type: convertType(type, context, ''), optional: includesUndefined(context, type) };
    });
    const reserved = fn.parameters.find((parameter) => tsApi.isIdentifier(parameter.name) && parameter.name.text === BOUND_KEY);
    if (reserved) analysis.issues.push(issueAt(reserved, 'actionwire/unsupported-parameter', `The parameter name '${BOUND_KEY}' is reserved: it carries the sealed values an inline action captures`));
    const signature = checker.getSignatureFromDeclaration(fn);
    const action = signature ? analyzeSignature(analysis, signature, fn, path, moduleId) : undefined;
    if (!action || errorCount(analysis.issues) > errorsBefore) continue;
    let exportName = hoistedName(path);
    for (let count = 2; usedExports.has(exportName); count++) exportName = `${hoistedName(path)}$${count}`;
    usedExports.add(exportName);
    const route = `${moduleId}/${path}`;
    result.actions.push({ ...action, exportName, route, inline: { path, bound } });
    const hoist: InlineHoist = { node: fn, exportName, route, bound: bound.map((parameter) => parameter.name) };
    if (captures.selfReferenced && fn.name && tsApi.isIdentifier(fn.name)) hoist.selfName = fn.name.text;
    result.hoists.push(hoist);
  }
  return result;
}

function kindText(tsApi: typeof ts, node: ts.Node): string {
  if (tsApi.isMethodDeclaration(node)) return 'class method';
  if (tsApi.isConstructorDeclaration(node)) return 'constructor';
  if (tsApi.isGetAccessor(node) || tsApi.isSetAccessor(node)) return 'property accessor';
  return 'function of this kind';
}
