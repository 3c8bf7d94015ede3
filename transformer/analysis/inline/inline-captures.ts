import type ts from 'typescript';
import { issueAt, type AnalysisIssue } from '../issues.js';
import type { InlineFunction } from './inline-names.js';

interface CapturedVariable {
  name: string;
  symbol: ts.Symbol;
  /** where it is declared, for messages */
  declaration: ts.Declaration;
  /** its first use inside the inline action, where problems with it are reported */
  firstUse: ts.Identifier;
}

export interface CaptureScan {
  captured: CapturedVariable[];
  issues: AnalysisIssue[];
  /** the action calls itself by its own name (a recursive function declaration or named function expression) */
  selfReferenced: boolean;
}

function isInside(node: ts.Node, container: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) if (current === container) return true;
  return false;
}

/**
 * Is a declaration in the module's own scope, where a hoisted function still sees it? Not when it is inside a
 * function, or in a block, loop or catch clause at module level (`for (const x of xs) { … }`).
 */
function inModuleScope(tsApi: typeof ts, node: ts.Node): boolean {
  for (let current = node.parent; current && !tsApi.isSourceFile(current); current = current.parent) {
    if (tsApi.isFunctionLike(current) || tsApi.isBlock(current) || tsApi.isIterationStatement(current, false) || tsApi.isCatchClause(current) || tsApi.isCaseBlock(current) || tsApi.isModuleBlock(current)) {
      return false;
    }
  }
  return true;
}

function isAssignmentTarget(tsApi: typeof ts, identifier: ts.Identifier): boolean {
  let node: ts.Node = identifier;
  while (tsApi.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (tsApi.isBinaryExpression(parent)) return parent.left === node && parent.operatorToken.kind >= tsApi.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= tsApi.SyntaxKind.LastAssignment;
  if (tsApi.isPrefixUnaryExpression(parent) || tsApi.isPostfixUnaryExpression(parent)) {
    return parent.operator === tsApi.SyntaxKind.PlusPlusToken || parent.operator === tsApi.SyntaxKind.MinusMinusToken;
  }
  return false;
}

/**
 * The variables of enclosing functions (and blocks) that an inline action reads: they become its bound values,
 * sealed into every reference. Module-level bindings and imports exist on the server and are not captured.
 * `this`, `arguments` and `super` of the enclosing function, and assignments to captured variables (the
 * action gets copies), are errors.
 */
export function scanCaptures(tsApi: typeof ts, checker: ts.TypeChecker, fn: InlineFunction, actionName: string): CaptureScan {
  const captured = new Map<ts.Symbol, CapturedVariable>();
  const issues: AnalysisIssue[] = [];
  let selfReferenced = false;

  const capture = (identifier: ts.Identifier, symbol: ts.Symbol | undefined): void => {
    if (!symbol) return;
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration || declaration.getSourceFile() !== fn.getSourceFile()) return;
    if (declaration === fn && !tsApi.isMethodDeclaration(fn)) selfReferenced = true;
    if (isInside(declaration, fn) || inModuleScope(tsApi, declaration)) return;
    if (!(symbol.flags & tsApi.SymbolFlags.Value)) return;
    if (isAssignmentTarget(tsApi, identifier)) {
      issues.push(
        issueAt(identifier, 'actionwire/inline-capture', `Inline action ${actionName} assigns to '${identifier.text}', a variable it captures: it receives a copy of the value, so the assignment would be lost; use a local variable`),
      );
    }
    if (!captured.has(symbol)) captured.set(symbol, { name: symbol.getName(), symbol, declaration, firstUse: identifier });
  };

  // `this`, `arguments` and `super` belong to the nearest non-arrow function: look through arrows only.
  const visit = (node: ts.Node, ownContext: boolean): void => {
    if (tsApi.isTypeNode(node) && !tsApi.isExpressionWithTypeArguments(node)) return;
    if (ownContext) {
      if (node.kind === tsApi.SyntaxKind.ThisKeyword) issues.push(issueAt(node, 'actionwire/inline-capture', `Inline action ${actionName} uses 'this': an action runs on its own, outside any object; pass what it needs as parameters or capture it in a variable`));
      else if (node.kind === tsApi.SyntaxKind.SuperKeyword) issues.push(issueAt(node, 'actionwire/inline-capture', `Inline action ${actionName} uses 'super', which does not exist where the action runs`));
      else if (tsApi.isIdentifier(node) && node.text === 'arguments' && !checker.getSymbolAtLocation(node)?.valueDeclaration) {
        issues.push(issueAt(node, 'actionwire/inline-capture', `Inline action ${actionName} uses 'arguments'; name its parameters instead`));
      }
    }
    if (tsApi.isIdentifier(node)) {
      if (tsApi.isShorthandPropertyAssignment(node.parent) && node.parent.name === node) capture(node, checker.getShorthandAssignmentValueSymbol(node.parent));
      else if (isReference(tsApi, node)) capture(node, checker.getSymbolAtLocation(node));
      return;
    }
    const entersOwnFunction = tsApi.isFunctionLike(node) && !tsApi.isArrowFunction(node);
    tsApi.forEachChild(node, (child) => visit(child, ownContext && !entersOwnFunction));
  };
  fn.parameters.forEach((parameter) => visit(parameter, true));
  if (fn.body) visit(fn.body, true);

  return { captured: [...captured.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), issues, selfReferenced };
}

/** An identifier that reads a binding (not a property name, a declaration's own name, or a label). */
function isReference(tsApi: typeof ts, node: ts.Identifier): boolean {
  const parent = node.parent;
  if ((tsApi.isPropertyAccessExpression(parent) && parent.name === node) || (tsApi.isQualifiedName(parent) && parent.right === node)) return false;
  if (tsApi.isPropertyAssignment(parent) && parent.name === node) return false;
  if ((tsApi.isMethodDeclaration(parent) || tsApi.isPropertyDeclaration(parent) || tsApi.isGetAccessor(parent) || tsApi.isSetAccessor(parent)) && parent.name === node) return false;
  if ((tsApi.isBindingElement(parent) && parent.propertyName === node) || (tsApi.isLabeledStatement(parent) || tsApi.isBreakOrContinueStatement(parent))) return false;
  if ((tsApi.isVariableDeclaration(parent) || tsApi.isParameter(parent) || tsApi.isFunctionDeclaration(parent) || tsApi.isClassDeclaration(parent) || tsApi.isBindingElement(parent) || tsApi.isFunctionExpression(parent)) && parent.name === node) return false;
  if (tsApi.isJsxAttribute(parent) && parent.name === node) return false;
  return true;
}
