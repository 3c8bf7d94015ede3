import type ts from 'typescript';
import type { DeclaredError } from '../../../model/model.js';
import { issueAt, type AnalysisIssue } from '../issues.js';
import { isServerExport, readDeclaredErrors, readErrorType, type ErrorType } from './error-types.js';

/**
 * How far the analysis follows an action's calls: functions at most this many calls away from the action's body
 * (its body is 0)…
 */
export const MAX_CALL_DEPTH = 8;
/** …and at most this many functions per action, counting its own body. */
const MAX_FUNCTIONS_PER_ACTION = 200;

/** An `ActionError` the code makes (`new ActionError(…)`), or errors it declares (`mayThrow<…>()`). */
interface ErrorSite {
  node: ts.Node;
  errors: ErrorType[];
  declared: boolean;
}

/** What one function's body says about errors: where it makes or declares them, and the project functions it calls. */
interface FunctionFacts {
  sites: ErrorSite[];
  callees: ts.Node[];
}

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

/**
 * TypeScript 7's checker view answers many nodes in one round trip to its compiler process (`prefetchSymbolsAt`), and
 * tells a library symbol without loading its declarations' files (`inLibrary`); TypeScript 6's checker has neither
 * and needs neither (it answers in process).
 */
interface BatchingChecker {
  prefetchSymbolsAt?(nodes: readonly ts.Node[]): void;
}
interface LibraryAwareSymbol {
  inLibrary?(): boolean;
}

/** The name a callee is called by (`f`, the `m` of `a.m`), through parentheses; undefined for a computed callee. */
function calleeName(tsApi: typeof ts, expression: ts.Expression): ts.Identifier | ts.PrivateIdentifier | undefined {
  let target = expression;
  while (tsApi.isParenthesizedExpression(target)) target = target.expression;
  const name = tsApi.isPropertyAccessExpression(target) ? target.name : target;
  return tsApi.isIdentifier(name) || tsApi.isPrivateIdentifier(name) ? name : undefined;
}

/**
 * The error answers of actions: the `ActionError`s made in an action's body and in the project's functions it
 * calls (followed through the program within the bounds above, each function once), and those declared with
 * `mayThrow`. Each function's body is read once for every action that reaches it.
 */
export class ThrownErrors {
  private readonly facts = new Map<ts.Node, FunctionFacts>();
  private readonly warned = new Set<ts.Node>();

  constructor(
    private readonly tsApi: typeof ts,
    private readonly checker: ts.TypeChecker,
    private readonly issues: AnalysisIssue[],
  ) {}

  /** The errors the action `name` written as `root` can answer with, by status; warnings for statuses it cannot read. */
  ofAction(root: ts.Node, name: string): DeclaredError[] | undefined {
    const body = this.withBody(root);
    if (body === undefined) return undefined;
    const sites: ErrorSite[] = [];
    const seen = new Set<ts.Node>([body]);
    let layer: ts.Node[] = [body];
    for (let depth = 0; depth <= MAX_CALL_DEPTH && layer.length > 0; depth++) {
      const next: ts.Node[] = [];
      for (const fn of layer) {
        const facts = this.factsOf(fn);
        sites.push(...facts.sites);
        for (const callee of facts.callees) {
          if (seen.has(callee) || seen.size >= MAX_FUNCTIONS_PER_ACTION) continue;
          seen.add(callee);
          next.push(callee);
        }
      }
      layer = next;
    }
    const declares = sites.some((site) => site.declared);
    for (const site of sites) {
      if (declares || this.warned.has(site.node) || site.errors.every((error) => error.statuses !== undefined)) continue;
      this.warned.add(site.node);
      const statusType = this.tsApi.isNewExpression(site.node) && site.node.arguments?.[0] ? this.checker.typeToString(this.checker.getTypeAtLocation(site.node.arguments[0])) : 'number';
      this.issues.push(
        issueAt(
          site.node,
          'actionwire/computed-error-status',
          `Server action '${name}' may throw this ActionError, whose status is not a literal type (${statusType}): the OpenAPI document and the client's error type cannot list it. Throw it with a literal status, or declare what it can be in the action with mayThrow<ActionError<status, 'code'>>() from actionwire/server`,
          'warning',
        ),
      );
    }
    return mergeByStatus(sites.flatMap((site) => site.errors));
  }

  private factsOf(fn: ts.Node): FunctionFacts {
    let facts = this.facts.get(fn);
    if (!facts) this.facts.set(fn, (facts = this.readFunction(fn)));
    return facts;
  }

  private readFunction(fn: ts.Node): FunctionFacts {
    const tsApi = this.tsApi;
    const facts: FunctionFacts = { sites: [], callees: [] };
    const calls: Array<ts.NewExpression | ts.CallExpression> = [];
    const visit = (node: ts.Node): undefined => {
      if (tsApi.isNewExpression(node) || tsApi.isCallExpression(node)) calls.push(node);
      // a nested inline action ('use server' in a function body) is an action of its own
      if (node !== fn && tsApi.isFunctionLike(node) && startsWithUseServer(tsApi, node)) return undefined;
      tsApi.forEachChild(node, visit);
      return undefined;
    };
    visit(fn);
    (this.checker as BatchingChecker).prefetchSymbolsAt?.(calls.flatMap((call) => calleeName(tsApi, call.expression) ?? []));
    for (const node of calls) {
      const symbol = this.calleeSymbol(node.expression);
      if (tsApi.isNewExpression(node)) {
        if (!isServerExport(symbol, 'ActionError')) continue;
        const error = readErrorType(tsApi, this.checker, this.checker.getTypeAtLocation(node));
        if (error) facts.sites.push({ node, errors: [error.mayOmitCode && passesCode(tsApi, node) ? { ...error, anyCode: true } : error], declared: false });
      } else if (isServerExport(symbol, 'mayThrow')) {
        const [declaration] = node.typeArguments ?? [];
        if (declaration) facts.sites.push({ node, errors: readDeclaredErrors(tsApi, this.checker, this.checker.getTypeFromTypeNode(declaration)), declared: true });
      } else {
        for (const callee of this.projectFunctions(symbol)) if (!facts.callees.includes(callee)) facts.callees.push(callee);
      }
    }
    return facts;
  }

  /** The symbol a call's or `new`'s callee names (through imports), for a name or a property access. */
  private calleeSymbol(expression: ts.Expression): ts.Symbol | undefined {
    const name = calleeName(this.tsApi, expression);
    const symbol = name && this.checker.getSymbolAtLocation(name);
    return symbol && symbol.flags & this.tsApi.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /** The functions with a body in the project's own source files (not .d.ts, not node_modules) a symbol stands for. */
  private projectFunctions(symbol: ts.Symbol | undefined): ts.Node[] {
    if (symbol === undefined || !(symbol.flags & (this.tsApi.SymbolFlags.Function | this.tsApi.SymbolFlags.Method | this.tsApi.SymbolFlags.Variable | this.tsApi.SymbolFlags.Property))) return [];
    if ((symbol as LibraryAwareSymbol).inLibrary?.()) return [];
    return (symbol.getDeclarations() ?? []).flatMap((declaration) => {
      const file = declaration.getSourceFile();
      if (file.isDeclarationFile || /[\\/]node_modules[\\/]/.test(file.fileName)) return [];
      return this.withBody(declaration) ?? [];
    });
  }

  /** The function a declaration is, or holds as its initializer (`const f = async () => …`), when it has a body. */
  private withBody(declaration: ts.Node): FunctionWithBody | undefined {
    const tsApi = this.tsApi;
    let node: ts.Node | undefined = declaration;
    if (tsApi.isVariableDeclaration(node) || tsApi.isPropertyDeclaration(node)) {
      node = node.initializer;
      while (node && (tsApi.isParenthesizedExpression(node) || tsApi.isAsExpression(node) || tsApi.isSatisfiesExpression(node))) node = node.expression;
    }
    if (node === undefined || !tsApi.isFunctionLike(node)) return undefined;
    const fn = node as ts.FunctionLikeDeclaration;
    return fn.body === undefined ? undefined : (fn as FunctionWithBody);
  }
}

function startsWithUseServer(tsApi: typeof ts, fn: ts.SignatureDeclaration): boolean {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body === undefined || !tsApi.isBlock(body)) return false;
  const [first] = body.statements;
  return first !== undefined && tsApi.isExpressionStatement(first) && tsApi.isStringLiteral(first.expression) && first.expression.text === 'use server';
}

/** Does `new ActionError(status, message, options)` give a code (one whose type is `string` is computed), or may its options hold one? */
function passesCode(tsApi: typeof ts, node: ts.NewExpression): boolean {
  const options = node.arguments?.[2];
  if (options === undefined) return false;
  if (!tsApi.isObjectLiteralExpression(options)) return true;
  return options.properties.some((property) => tsApi.isSpreadAssignment(property) || (property.name !== undefined && tsApi.isIdentifier(property.name) && property.name.text === 'code') || (property.name !== undefined && tsApi.isStringLiteral(property.name) && property.name.text === 'code'));
}

/** One entry per status, sorted by status, with its codes sorted: the model's deterministic form. */
function mergeByStatus(errors: readonly ErrorType[]): DeclaredError[] | undefined {
  const byStatus = new Map<number, { codes: Set<string>; mayOmitCode: boolean; anyCode: boolean }>();
  for (const error of errors) {
    for (const status of error.statuses ?? []) {
      const entry = byStatus.get(status) ?? { codes: new Set<string>(), mayOmitCode: false, anyCode: false };
      error.codes.forEach((code) => entry.codes.add(code));
      entry.mayOmitCode ||= error.mayOmitCode;
      entry.anyCode ||= error.anyCode === true;
      byStatus.set(status, entry);
    }
  }
  if (byStatus.size === 0) return undefined;
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, { codes, mayOmitCode, anyCode }]) => ({ status, codes: [...codes].sort(), ...(mayOmitCode ? { mayOmitCode: true } : {}), ...(anyCode ? { anyCode: true } : {}) }));
}
